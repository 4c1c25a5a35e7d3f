import mongoose from 'mongoose';

/**
 * Connects the process-wide mongoose connection to the database named in the URL's path, and
 * makes sure every registered model's indexes exist (unique indexes carry correctness here:
 * idempotency keys, ledger sequence numbers, one member per sub).
 */
export async function connectMongo(url: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  await mongoose.connect(url, { serverSelectionTimeoutMS: 10_000, autoIndex: false });
  await ensureIndexes();
  return mongoose;
}

export async function ensureIndexes(): Promise<void> {
  for (const name of mongoose.modelNames()) {
    await mongoose.model(name).createIndexes();
  }
}

export async function disconnectMongo(): Promise<void> {
  await mongoose.disconnect();
}

export async function pingMongo(): Promise<boolean> {
  try {
    const db = mongoose.connection.db;
    if (!db || mongoose.connection.readyState !== 1) return false;
    await db.admin().ping();
    return true;
  } catch {
    return false;
  }
}

/** Mongo's duplicate-key error: the signal that an idempotent insert lost a race. */
export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
