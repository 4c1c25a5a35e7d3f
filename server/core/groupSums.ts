import type { Collection, PipelineStage } from 'mongoose';

/**
 * `$group` with several `$sum`s, the FerretDB v1 way: it computes only the FIRST accumulator of
 * a `$group` stage and returns 0 for the others (seen on v1.24.2: `{ total: {$sum: '$amount'},
 * count: {$sum: 1} }` gives count 0). So each sum runs as its own pipeline (in parallel) and the
 * rows are merged by group id here. Meant for small results (one row per day, per kind...).
 */
export async function groupSums<K extends string, Id extends string | number>(
  collection: Collection,
  match: PipelineStage.Match['$match'],
  groupBy: string,
  sums: Record<K, string | number>,
): Promise<Map<Id, Record<K, number>>> {
  const names = Object.keys(sums) as K[];
  const results = await Promise.all(
    names.map((name) =>
      collection
        .aggregate<{ _id: Id; value: number }>([
          { $match: match },
          { $group: { _id: groupBy, value: { $sum: sums[name] } } },
        ])
        .toArray(),
    ),
  );
  const rows = new Map<Id, Record<K, number>>();
  names.forEach((name, i) => {
    for (const { _id, value } of results[i]!) {
      const row =
        rows.get(_id) ?? (Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>);
      row[name] = value;
      rows.set(_id, row);
    }
  });
  return rows;
}
