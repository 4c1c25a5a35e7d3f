import { Schema, model, type Types } from 'mongoose';

/**
 * A member's request to spend bonuses on a reward, keyed by (member, client idempotency key):
 * the unique index makes "once per key" a single-document guarantee (the insert that opens it
 * is the only write that decides on it). The price and title are snapshots taken when the
 * redemption was opened, so a later catalogue edit changes nothing.
 *
 * Life cycle (redemptionSteps.ts has the steps):
 *   opened FAILED (refused up front: frozen, no stock, balance short), settled at once;
 *   opened PENDING --reserve, debit--> decided DONE | FAILED (failureCode).
 * The decision of a PENDING redemption is a document of its own (redemptionDecision.model.ts),
 * inserted once; `status`, `failureCode`, `debitEntryId` and `compensationEntryId` here are its
 * mirror, written by every runner with the same values. A mirror still PENDING after the decision
 * (its writer crashed, or FerretDB v1 wrote a stale copy over it) is harmless: whoever reads it
 * takes the redemption forward, finds the decision and mirrors it again. `settled` turns true once
 * the recovery pass, after a grace period, has tidied up behind the decision (the unit back for a
 * FAILED one, a COMPENSATION if its debit went through after all), in the same write as the
 * mirror, so a settled redemption always mirrors its decision.
 */
export const redemptionStatuses = ['PENDING', 'DONE', 'FAILED'] as const;
export type RedemptionStatus = (typeof redemptionStatuses)[number];

export const redemptionFailures = ['OUT_OF_STOCK', 'INSUFFICIENT_FUNDS', 'ACCOUNT_FROZEN'] as const;
export type RedemptionFailure = (typeof redemptionFailures)[number];

export interface RedemptionDoc {
  _id: Types.ObjectId;
  memberId: string;
  /** The client's key, unique per member (SPEC §4). */
  idempotencyKey: string;
  rewardId: string;
  rewardTitle: string;
  price: number;
  status: RedemptionStatus;
  /** Read these with `?? null`: FerretDB drops nulls in some writes (an upsert's $setOnInsert). */
  failureCode?: RedemptionFailure | null;
  debitEntryId?: string | null;
  compensationEntryId?: string | null;
  settled: boolean;
  createdAt: Date;
  /** Bumped by every mirror write: the recovery pass waits for a grace period without progress. */
  updatedAt: Date;
}

const redemptionSchema = new Schema<RedemptionDoc>(
  {
    memberId: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    rewardId: { type: String, required: true },
    rewardTitle: { type: String, required: true },
    price: { type: Number, required: true },
    status: { type: String, enum: redemptionStatuses, required: true },
    failureCode: { type: String, enum: [...redemptionFailures, null], default: null },
    debitEntryId: { type: String, default: null },
    compensationEntryId: { type: String, default: null },
    settled: { type: Boolean, required: true, default: false },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'redemptions' },
);
redemptionSchema.index({ memberId: 1, idempotencyKey: 1 }, { unique: true });
redemptionSchema.index({ memberId: 1, createdAt: -1 });
redemptionSchema.index({ settled: 1, updatedAt: 1 });

export const Redemption = model<RedemptionDoc>('Redemption', redemptionSchema);
