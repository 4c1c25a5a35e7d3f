import { createHash } from 'node:crypto';
import type { AuditData, AuditRecordDoc } from './audit.model';

/** What the first record chains to. */
export const genesisHash = '0'.repeat(64);

export type HashedFields = Omit<AuditRecordDoc, '_id' | 'hash'>;

/**
 * sha256 over a canonical serialisation of everything a record says, its `prevHash` included.
 *
 * The fields are hashed as a JSON array in a FIXED order, never as an object: an object's key
 * order depends on how the code built it and on how the database hands the document back
 * (drivers and FerretDB may reorder fields), and a hash that changes with key order would make
 * an intact record look edited, or tempt someone to "fix" the order and re-hash. The same goes
 * for `data`, serialised as [key, value] pairs sorted by key. Missing optional fields count as
 * null and the instant as its ISO string, so the hash survives a round trip through any
 * MongoDB-compatible store. Changing this order or encoding breaks every existing chain: add a
 * new field at the end, for new records only, if one is ever needed.
 */
export function hashRecord(record: HashedFields): string {
  const ordered = [
    record.seq,
    record.key,
    record.action,
    record.actorId,
    record.targetId ?? null,
    record.reason ?? null,
    record.note ?? null,
    canonicalData(record.data ?? {}),
    record.createdAt.toISOString(),
    record.prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

const canonicalData = (data: AuditData): [string, unknown][] =>
  Object.keys(data)
    .sort()
    .map((key) => [key, data[key] ?? null]);
