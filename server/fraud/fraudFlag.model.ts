import { Schema, model } from 'mongoose';
import { signalCodes, type SignalCode } from './detectors/signal';

export const flagStatuses = ['OPEN', 'CONFIRMED', 'DISMISSED'] as const;
export type FlagStatus = (typeof flagStatuses)[number];

/**
 * `fraudFlags`: the detector's suspicion about one member-day, with its signals and confidence.
 * `_id` is `<day>:<memberId>` (the day has a fixed length, so the id is unambiguous): at most
 * one flag per member-day, and a re-run of detection inserts nothing new for a flagged day (an
 * `_id` rather than a secondary unique index, because FerretDB v1 reports per-document
 * conflicts of an unordered insertMany on `_id` only).
 *
 * The decision is taken by inserting a flag decision (flagDecision.model.ts); `status`,
 * `decidedBy`, `decidedAt`, `note` and `reversalId` here mirror it for listing.
 */
export interface FlagSignal {
  code: SignalCode;
  value: number;
  detail: string;
  strength: number;
}

export interface FraudFlagDoc {
  _id: string;
  memberId: string;
  day: string;
  signals: FlagSignal[];
  confidence: number;
  status: FlagStatus;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  note: string | null;
  reversalId: string | null;
}

export const flagId = (day: string, memberId: string) => `${day}:${memberId}`;

const signalSchema = new Schema<FlagSignal>(
  {
    code: { type: String, enum: signalCodes, required: true },
    value: { type: Number, required: true },
    detail: { type: String, required: true },
    strength: { type: Number, required: true },
  },
  { _id: false },
);

const fraudFlagSchema = new Schema<FraudFlagDoc>(
  {
    _id: { type: String, required: true },
    memberId: { type: String, required: true },
    day: { type: String, required: true },
    signals: { type: [signalSchema], default: [] },
    confidence: { type: Number, required: true },
    status: { type: String, enum: flagStatuses, required: true },
    createdAt: { type: Date, required: true },
    decidedBy: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    note: { type: String, default: null },
    reversalId: { type: String, default: null },
  },
  { versionKey: false, collection: 'fraudFlags' },
);
// SUPPORT's queue (newest first, by status) and a day's flags (auto-reverse, re-runs).
fraudFlagSchema.index({ status: 1, createdAt: -1 });
fraudFlagSchema.index({ day: 1, status: 1 });

export const FraudFlag = model<FraudFlagDoc>('FraudFlag', fraudFlagSchema);
