import mongoose from 'mongoose';
import { ensureIndexes } from '../../server/core/mongo';
import { forgetSeenMembers } from '../../server/members';

/**
 * Empties the database the demo seeds, so that `npm start` can run again and again: the whole
 * database is dropped, then every model's indexes are made again (unique indexes carry
 * correctness: idempotency keys, ledger seq, one member per sub), and the in-process memo of
 * members already created is forgotten.
 *
 * A database is only dropped when it is empty or the demo made it (a marker collection says so):
 * `MONGO_URL` may point anywhere, and the demo must never wipe data it did not write. Pass
 * `replaceForeignData` (`npm start -- --reset`) to replace such a database anyway.
 * Other in-process memories assume a database that only grows (see seedDemo.ts): one reset per
 * process.
 */
export const demoMarkerCollection = 'demoSeed';

export class ForeignDataError extends Error {
  constructor(database: string) {
    super(
      `The database "${database}" holds data that the demo did not create. Point MONGO_URL at ` +
        'another database, or run `npm start -- --reset` to replace it with the demo network.',
    );
    this.name = 'ForeignDataError';
  }
}

export async function resetDemoDatabase(options: { replaceForeignData?: boolean } = {}) {
  const db = mongoose.connection.db;
  if (!db) throw new Error('resetDemoDatabase needs a connected database');
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  const madeByDemo = collections.some((c) => c.name === demoMarkerCollection);
  if (!madeByDemo && !options.replaceForeignData) {
    for (const { name } of collections) {
      if (await db.collection(name).findOne({}, { projection: { _id: 1 } })) {
        throw new ForeignDataError(db.databaseName);
      }
    }
  }
  await db.dropDatabase();
  await ensureIndexes();
  forgetSeenMembers();
  await db
    .collection<{ _id: string; seededAt: Date }>(demoMarkerCollection)
    .insertOne({ _id: 'demo', seededAt: new Date() });
}
