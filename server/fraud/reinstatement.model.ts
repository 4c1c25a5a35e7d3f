import { Schema, model } from 'mongoose';

/**
 * `reinstatements`: the decision that a reversal was wrong, one per reversal (`_id` is the
 * reversal's id). Inserting it is what makes "reinstated once" hold under races: of two SUPPORT
 * members reinstating the same reversal at once, one insert lands and the other is CONFLICT.
 * The ledger entry (`reinstate:<reversalId>`), the audit record and the reversal's status follow
 * from it (reinstateReversal.ts).
 */
export interface ReinstatementDoc {
  _id: string;
  by: string;
  note: string;
  at: Date;
}

export const Reinstatement = model<ReinstatementDoc>(
  'Reinstatement',
  new Schema<ReinstatementDoc>(
    {
      _id: { type: String, required: true },
      by: { type: String, required: true },
      note: { type: String, required: true },
      at: { type: Date, required: true },
    },
    { versionKey: false, collection: 'reinstatements' },
  ),
);
