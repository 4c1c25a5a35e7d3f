import type { Collection, mongo } from 'mongoose';
import { limits } from './limits';

/**
 * The distinct values of a string field among the documents matching `match`, ascending (byte
 * order), streamed: one sorted read, consecutive repeats dropped here. This replaces
 * `$group: { _id: '$field' }` wherever the values are many (members, actors): FerretDB v1 groups
 * in O(documents x groups) (measured: 20,000 events grouped by four fields took 225 s, the
 * same events read sorted 1.8 s), while a sorted read is served by the database's sort.
 */
export async function* distinctSorted(
  collection: Collection,
  match: mongo.Filter<mongo.Document>,
  field: string,
): AsyncGenerator<string> {
  const cursor = collection
    .find(match, { projection: { _id: 0, [field]: 1 } })
    .sort({ [field]: 1 })
    .batchSize(limits.cursorBatchSize);
  let previous: string | null = null;
  for await (const doc of cursor) {
    const value = doc[field] as string;
    if (value !== previous) yield value;
    previous = value;
  }
}

/** How many distinct values `distinctSorted` would stream. */
export async function countDistinct(
  collection: Collection,
  match: mongo.Filter<mongo.Document>,
  field: string,
): Promise<number> {
  let count = 0;
  for await (const _ of distinctSorted(collection, match, field)) count += 1;
  return count;
}
