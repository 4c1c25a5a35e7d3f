import { Schema, model, type Types } from 'mongoose';
import type { UtcDay } from '../core/day';

/**
 * The journal: append-only ledger entries, the truth about every account. Nothing updates or
 * deletes an entry; mistakes are corrected by new entries (REVERSAL, REINSTATEMENT, COMPENSATION).
 *
 * Correctness rests on two unique indexes, both single-document guarantees:
 * - (accountId, seq): each account's entries are numbered 1, 2, 3... with no gap and no twin, so
 *   two writers appending after the same state cannot both succeed (the loser re-reads, retries);
 * - (accountId, idempotencyKey): a posting happens at most once per key.
 *
 * Sharding: `entries` would be sharded on `accountId`. Both unique indexes start with it, as a
 * sharded unique index must, and every hot query (append, key lookup, page, statement) names one
 * account, so it goes to a single shard. That is also why idempotency keys are unique per account
 * (SPEC §4 scopes them to the member) rather than across the collection.
 */
export const entryKinds = [
  'ACCRUAL',
  'REVERSAL',
  'REINSTATEMENT',
  'REDEMPTION',
  'COMPENSATION',
] as const;
export type EntryKind = (typeof entryKinds)[number];

/** What caused an entry (a material-day accrual, a reversal, a redemption...), for audits. */
export interface EntryRef {
  type: string;
  id: string;
}

export interface EntryDoc {
  _id: Types.ObjectId;
  /** The member's id: one account per member (R13). */
  accountId: string;
  /** 1, 2, 3... per account. */
  seq: number;
  /** Signed integer bonuses; the sign is fixed by the kind (see `entryRules`). */
  amount: number;
  /** The account's balance once this entry is applied: the running sum of amounts. */
  balanceAfter: number;
  kind: EntryKind;
  /** The day the entry concerns: an accrual's day; for the others the posting day unless given. */
  day: UtcDay;
  /** The UTC day of `createdAt`, stored so statements group with `$group` alone. */
  postedDay: UtcDay;
  createdAt: Date;
  idempotencyKey: string;
  /** Hash of the posting's terms: tells a replay with other terms from a faithful one. */
  inputHash: string;
  ref: EntryRef;
}

const refSchema = new Schema<EntryRef>(
  {
    type: { type: String, required: true },
    id: { type: String, required: true },
  },
  { _id: false },
);

const entrySchema = new Schema<EntryDoc>(
  {
    accountId: { type: String, required: true },
    seq: { type: Number, required: true },
    amount: { type: Number, required: true },
    balanceAfter: { type: Number, required: true },
    kind: { type: String, enum: entryKinds, required: true },
    day: { type: String, required: true },
    postedDay: { type: String, required: true },
    createdAt: { type: Date, required: true },
    idempotencyKey: { type: String, required: true },
    inputHash: { type: String, required: true },
    ref: { type: refSchema, required: true },
  },
  { versionKey: false, collection: 'entries' },
);
entrySchema.index({ accountId: 1, seq: 1 }, { unique: true });
entrySchema.index({ accountId: 1, idempotencyKey: 1 }, { unique: true });
// Cross-account reads by the day an entry concerns (issuance, verify-accrual, KPIs).
entrySchema.index({ kind: 1, day: 1 });

export const Entry = model<EntryDoc>('LedgerEntry', entrySchema);
