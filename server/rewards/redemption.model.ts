import { Schema, model, type Types } from 'mongoose';

/**
 * A member's request to spend bonuses on a reward, keyed by (member, client idempotency key):
 * the unique index makes "once per key" a single-document guarantee. The price and title are
 * snapshots taken when the redemption was opened, so a later catalogue edit changes nothing.
 *
 * Life cycle (redeemReward.ts has the steps):
 *   PENDING --reserve, debit--> DONE
 *   PENDING --refused (stock, funds, frozen)--> FAILED (failureCode)
 * The decision is one conditional update from PENDING, so the first runner to decide wins and
 * every replay reads the same outcome. `settled` turns true once the recovery pass, after a
 * grace period, has tidied up behind the decision (the unit's memory on the reward, and a
 * COMPENSATION if a FAILED redemption's debit went through after all).
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
  /** Fields that start null may be absent: FerretDB drops nulls from an upsert's $setOnInsert. */
  failureCode?: RedemptionFailure | null;
  /** The stock step is done: a unit is held on the reward (or the reward was unlimited). */
  stockReserved: boolean;
  debitEntryId?: string | null;
  compensationEntryId?: string | null;
  settled: boolean;
  createdAt: Date;
  /** Bumped by every step: the recovery pass waits for a grace period without progress. */
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
    stockReserved: { type: Boolean, required: true, default: false },
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
