import { Schema, model } from 'mongoose';
import type { ScoringWeights } from '../config';

/**
 * `accrualDays`: one document per accrued UTC day, the plan every run of that day follows.
 *
 * The plan is decided once, by the first run to insert it (`_id` is the day, so two workers
 * racing insert one plan and both read the winner): the cap and weights in force at that moment,
 * and the members left out (banned at some moment of the day, or frozen when the plan was made:
 * R16 and SPEC §6). Everything after follows from the plan and the closed day's stored events, so
 * every run computes the same allocation, and `allocation` (written once the day's shares are all
 * stored) carries its totals and digest for the others to check against.
 *
 * The weights are secret (R14): this document is read by accrual and verify-accrual only and is
 * never presented; the API shows the cap and the totals, nothing else.
 */
export interface AllocationTotals {
  /** Members with counted activity (not left out). */
  scored: number;
  /** Members with counted activity left out (banned or frozen). */
  excludedScored: number;
  /** Members with a positive amount. */
  earners: number;
  /** Sum of the uncapped earnings. */
  demand: number;
  /** Sum of the amounts: <= dailyCap. */
  issued: number;
  capped: boolean;
  /** sha256 over the sorted (member, amount) pairs: every run must reach the same one. */
  digest: string;
}

export interface AccrualDayDoc {
  /** The UTC day. */
  _id: string;
  dailyCap: number;
  weights: ScoringWeights;
  settingsVersion: number;
  /** Members who earn nothing for the day (R16, SPEC §6 "skips frozen members"). */
  excluded: string[];
  plannedAt: Date;
  /** Set once every share of the day is stored. */
  allocation?: AllocationTotals | null;
  /** Set once every share is posted as an ACCRUAL. */
  postedAt?: Date | null;
}

const totalsSchema = new Schema<AllocationTotals>(
  {
    scored: { type: Number, required: true },
    excludedScored: { type: Number, required: true },
    earners: { type: Number, required: true },
    demand: { type: Number, required: true },
    issued: { type: Number, required: true },
    capped: { type: Boolean, required: true },
    digest: { type: String, required: true },
  },
  { _id: false },
);

export const AccrualDay = model<AccrualDayDoc>(
  'AccrualDay',
  new Schema<AccrualDayDoc>(
    {
      _id: { type: String, required: true },
      dailyCap: { type: Number, required: true },
      weights: { type: Object, required: true },
      settingsVersion: { type: Number, required: true },
      excluded: { type: [String], default: [] },
      plannedAt: { type: Date, required: true },
      allocation: { type: totalsSchema, default: null },
      postedAt: { type: Date, default: null },
    },
    { versionKey: false, collection: 'accrualDays' },
  ),
);
