import type { Model } from 'mongoose';
import { assert } from './assert';
import { isDuplicateKey } from './mongo';

/**
 * Inserts a document unless one with its `_id` exists, and returns the one that is stored,
 * with `inserted` telling whether this call wrote it. The first writer wins and every racer
 * reads the winner back.
 *
 * This is the decision primitive of the domains, on purpose: FerretDB v1 runs an update as
 * "read the document, apply the operators, write the whole document back by `_id`", so two
 * conditional updates (`{ status: 'PENDING' } -> ...`) or `$inc`s racing on one document can
 * both succeed. An insert against the unique `_id` index is atomic on every backend.
 */
export async function insertFirst<D extends { _id: string }>(
  model: Model<D>,
  doc: D,
): Promise<{ doc: D; inserted: boolean }> {
  try {
    await model.collection.insertOne(doc as never);
    return { doc, inserted: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const winner = await model.findById(doc._id).lean<D>();
  assert(winner, 'a duplicate key means the document exists');
  return { doc: winner, inserted: false };
}
