import mongoose from 'mongoose';
import type { Collection } from 'mongoose';

/**
 * Inserts documents in one unordered insertMany and tells which were there already: the
 * positions whose `_id` existed (E11000). Every other document is inserted, whatever the
 * duplicates around it. Any other failure is thrown.
 */
export async function insertNew(
  collection: Collection,
  docs: readonly { _id: string }[],
): Promise<Set<number>> {
  if (docs.length === 0) return new Set();
  try {
    await collection.insertMany(docs as never[], { ordered: false });
    return new Set();
  } catch (error) {
    if (!(error instanceof mongoose.mongo.MongoBulkWriteError)) throw error;
    const writeErrors = [error.writeErrors].flat();
    if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== 11000)) throw error;
    return new Set(writeErrors.map((e) => e.index));
  }
}
