import { Schema, model } from 'mongoose';
import type { ScoringWeights } from '../config';

/**
 * `programSettings`: the ADMIN's daily budget and secret scoring settings (R5, R14), one
 * document per version, never updated. `_id` is the version number 1, 2, 3...; the highest is in
 * force. An update inserts version latest + 1 holding every field (the changed ones from the
 * input, the others copied from the version it read). Two ADMINs saving at once both try the same
 * version and only one insert lands; the other re-reads and applies its input on top, so no
 * change is lost. (A `$set` on one document would not do: FerretDB v1 runs updates as
 * read-modify-write, so two concurrent saves of different fields could drop one of them.)
 * Version 0 is no document: the defaults from configuration.
 *
 * The weights are secret: this document is read by the scoring code and shown to ADMIN only.
 */
export interface ProgramSettingsDoc {
  _id: number;
  dailyCap: number;
  weights: ScoringWeights;
  /** Fraud detection's auto-reversal confidence threshold; null: no automatic reversal. */
  autoReverseThreshold: number | null;
  updatedBy: string;
  updatedAt: Date;
}

const weightsSchema = new Schema<ScoringWeights>(
  {
    view: { type: Number, required: true },
    like: { type: Number, required: true },
    comment: { type: Number, required: true },
    share: { type: Number, required: true },
    pointsPerScore: { type: Number, required: true },
  },
  { _id: false },
);

export const ProgramSettingsVersion = model<ProgramSettingsDoc>(
  'ProgramSettingsVersion',
  new Schema<ProgramSettingsDoc>(
    {
      _id: { type: Number, required: true },
      dailyCap: { type: Number, required: true },
      weights: { type: weightsSchema, required: true },
      autoReverseThreshold: { type: Number, default: null },
      updatedBy: { type: String, required: true },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false, collection: 'programSettings' },
  ),
);
