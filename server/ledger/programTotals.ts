import type { UtcDay } from '../core/day';
import { countDistinct, distinctSorted } from '../core/distinctSorted';
import { Entry, type EntryKind } from './entry.model';

/**
 * Read-only views of the journal across all accounts, for programme analytics
 * (analytics/programKpis.ts). Each is computed in the database with what FerretDB v1 offers
 * (one `$sum` per `$group`: see core/groupSums.ts), or as a sorted read of member ids
 * (core/distinctSorted.ts), never by loading entries. As in
 * the statement, an ACCRUAL belongs to the day it was earned for (`day`), every other entry to
 * the day it was posted (`postedDay`).
 */
export interface DayRange {
  from: UtcDay;
  to: UtcDay;
}

const within = (range: DayRange) => ({ $gte: range.from, $lte: range.to });

/** How many members have an ACCRUAL for a day in any of `ranges` (each member once). */
export async function countEarners(ranges: readonly DayRange[]): Promise<number> {
  if (ranges.length === 0) return 0;
  const match = { kind: 'ACCRUAL', $or: ranges.map((range) => ({ day: within(range) })) };
  return countDistinct(Entry.collection, match, 'accountId');
}

/** The signed sum of the `kind` entries that belong to the range (REDEMPTION totals are negative). */
export async function kindTotal(kind: EntryKind, range: DayRange): Promise<number> {
  const dayField = kind === 'ACCRUAL' ? 'day' : 'postedDay';
  const [row] = await Entry.aggregate<{ total: number }>([
    { $match: { kind, [dayField]: within(range) } },
    { $group: { _id: null, total: { $sum: '$amount' } } },
  ]);
  return row?.total ?? 0;
}

/**
 * The members with at least one entry belonging to the range, each once, in byte order of their
 * id (what core/sortedUnion.ts merges): a stream, read in cursor batches.
 */
export async function* accountsWithEntries(range: DayRange): AsyncGenerator<string> {
  const match = {
    $or: [
      { kind: 'ACCRUAL', day: within(range) },
      { kind: { $ne: 'ACCRUAL' }, postedDay: within(range) },
    ],
  };
  yield* distinctSorted(Entry.collection, match, 'accountId');
}
