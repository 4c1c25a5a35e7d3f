import { Schema, model } from 'mongoose';

/**
 * `flagDecisions`: SUPPORT's (or the auto-reverse's) decision on a fraud flag, one per flag
 * (`_id` is the flag's id). The insert decides: confirm and dismiss racing on one flag cannot
 * both win, and the loser is CONFLICT. What follows (the reversal, the audit record, the flag's
 * mirrored status) is keyed and resumable (decideFlag.ts).
 */
export interface FlagDecisionDoc {
  _id: string;
  status: 'CONFIRMED' | 'DISMISSED';
  by: string;
  note: string;
  at: Date;
}

export const FlagDecision = model<FlagDecisionDoc>(
  'FlagDecision',
  new Schema<FlagDecisionDoc>(
    {
      _id: { type: String, required: true },
      status: { type: String, enum: ['CONFIRMED', 'DISMISSED'], required: true },
      by: { type: String, required: true },
      note: { type: String, required: true },
      at: { type: Date, required: true },
    },
    { versionKey: false, collection: 'flagDecisions' },
  ),
);
