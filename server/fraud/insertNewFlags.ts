import { insertNew } from '../core/insertNew';
import { limits } from '../core/limits';
import { FraudFlag, type FraudFlagDoc } from './fraudFlag.model';

/**
 * Inserts the flags that are not there yet (by `_id`), in unordered batches; an existing flag
 * is left exactly as it is. Returns how many were inserted.
 */
export async function insertNewFlags(flags: FraudFlagDoc[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < flags.length; start += limits.cursorBatchSize) {
    const batch = flags.slice(start, start + limits.cursorBatchSize);
    const existing = await insertNew(FraudFlag.collection, batch);
    inserted += batch.length - existing.size;
  }
  return inserted;
}
