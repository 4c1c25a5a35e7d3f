import { Schema, model } from 'mongoose';
import { redemptionFailures, type RedemptionFailure } from './redemption.model';

/**
 * `redemptionDecisions`: the outcome of a redemption that was opened PENDING, one per
 * redemption (`_id` is the redemption's id), inserted once and never updated. The insert decides
 * (core/insertFirst.ts): on FerretDB v1 a conditional update `{ status: 'PENDING' } -> DONE`
 * racing `-> FAILED` could let both win, an insert against `_id` cannot. Every runner that gets
 * this far reads the winner and mirrors it onto the redemption (its `status`, `failureCode`,
 * `debitEntryId`), so the mirror's last writer always writes the same values.
 */
export const decidedStatuses = ['DONE', 'FAILED'] as const;

export interface RedemptionDecisionDoc {
  _id: string;
  status: (typeof decidedStatuses)[number];
  /** FAILED: why. */
  failureCode: RedemptionFailure | null;
  /** DONE: the REDEMPTION entry that paid for it. */
  debitEntryId: string | null;
  decidedAt: Date;
}

export const RedemptionDecision = model<RedemptionDecisionDoc>(
  'RedemptionDecision',
  new Schema<RedemptionDecisionDoc>(
    {
      _id: { type: String, required: true },
      status: { type: String, enum: decidedStatuses, required: true },
      failureCode: { type: String, enum: [...redemptionFailures, null], default: null },
      debitEntryId: { type: String, default: null },
      decidedAt: { type: Date, required: true },
    },
    { versionKey: false, collection: 'redemptionDecisions' },
  ),
);
