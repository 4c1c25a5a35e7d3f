import { Schema, model } from 'mongoose';

export const reversalReasons = [
  'FAKE_VIEWS',
  'VOTE_RING',
  'SELF_PROMOTION',
  'PLAGIARISM',
  'RULES_VIOLATION',
] as const;
export type ReversalReason = (typeof reversalReasons)[number];
export const reversalOrigins = ['DETECTOR', 'STAFF'] as const;
export type ReversalOrigin = (typeof reversalOrigins)[number];
export const reversalStatuses = ['ACTIVE', 'REINSTATED'] as const;
export type ReversalStatus = (typeof reversalStatuses)[number];

/**
 * `reversals`: a write-off of (part of) one accrual (R11, R20), booked in the ledger as a
 * REVERSAL entry keyed `reversal:<id>`.
 *
 * The reversals of one accrual form a chain numbered n = 1, 2, 3... with a unique
 * (memberId, day, n) index, each one recording how much had been reversed before it. That is
 * what makes "at most what remains" race-safe without transactions: two reversals of the same
 * accrual computed from the same state both try the same n and only one insert lands; the other
 * re-reads and finds less (or nothing) left. A conditional `$inc` on a per-accrual total would
 * not do on FerretDB v1, which applies updates as read-modify-write.
 *
 * What remains of an accrual is its amount minus everything ever reversed from it. A
 * reinstatement gives the money back but does not reopen the accrual for another write-off:
 * it is SUPPORT's decision that the write-off was wrong, and a reverse-reinstate-reverse loop
 * would serve no one.
 *
 * `posted` turns true once the ledger entry and the audit record exist (finishReversal.ts); a
 * reversal left unposted by a crash is finished by the next attempt on it or by the recovery
 * pass (resumeFraud.ts). `status`, `reinstatedBy`, `reinstatedAt` and `note` mirror the
 * reversal's reinstatement (reinstatement.model.ts), the record that decides it.
 */
export interface ReversalDoc {
  /** A UUID; `flag:<flagId>` for the reversal that confirms a fraud flag. */
  _id: string;
  memberId: string;
  /** The accrual's day. */
  day: string;
  n: number;
  /** Total reversed from this accrual by the reversals before this one. */
  reversedBefore: number;
  /** The accrual's amount. */
  accrued: number;
  /** Positive: the ledger entry is -amount. */
  amount: number;
  reason: ReversalReason;
  evidence: string;
  origin: ReversalOrigin;
  /** The SUPPORT member who reversed (or confirmed the flag), or system:<job>. */
  actorId: string;
  flagId: string | null;
  status: ReversalStatus;
  posted: boolean;
  createdAt: Date;
  reinstatedBy: string | null;
  reinstatedAt: Date | null;
  note: string | null;
}

const reversalSchema = new Schema<ReversalDoc>(
  {
    _id: { type: String, required: true },
    memberId: { type: String, required: true },
    day: { type: String, required: true },
    n: { type: Number, required: true },
    reversedBefore: { type: Number, required: true },
    accrued: { type: Number, required: true },
    amount: { type: Number, required: true },
    reason: { type: String, enum: reversalReasons, required: true },
    evidence: { type: String, required: true },
    origin: { type: String, enum: reversalOrigins, required: true },
    actorId: { type: String, required: true },
    flagId: { type: String, default: null },
    status: { type: String, enum: reversalStatuses, required: true },
    posted: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    reinstatedBy: { type: String, default: null },
    reinstatedAt: { type: Date, default: null },
    note: { type: String, default: null },
  },
  { versionKey: false, collection: 'reversals' },
);
reversalSchema.index({ memberId: 1, day: 1, n: 1 }, { unique: true });
// The SUPPORT list (newest first, optional filters) and the recovery pass.
reversalSchema.index({ createdAt: -1 });
reversalSchema.index({ posted: 1, createdAt: 1 });

export const Reversal = model<ReversalDoc>('Reversal', reversalSchema);
