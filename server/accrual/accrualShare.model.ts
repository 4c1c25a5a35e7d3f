import { Schema, model } from 'mongoose';

/**
 * `accrualShares`: the day's allocation, one document per earning member, stored before anything
 * is posted so that every run (a racing worker, a resumed one) posts the same numbers. `_id` is
 * `<day>:<memberId>`: storing a share twice is a duplicate key, never a second share. Only whole
 * bonuses are stored, never a score (R14).
 */
export interface AccrualShareDoc {
  _id: string;
  day: string;
  memberId: string;
  amount: number;
}

export const shareId = (day: string, memberId: string) => `${day}:${memberId}`;

export const AccrualShare = model<AccrualShareDoc>(
  'AccrualShare',
  new Schema<AccrualShareDoc>(
    {
      _id: { type: String, required: true },
      day: { type: String, required: true },
      memberId: { type: String, required: true },
      amount: { type: Number, required: true },
    },
    { versionKey: false, collection: 'accrualShares' },
  ).index({ day: 1, memberId: 1 }),
);
