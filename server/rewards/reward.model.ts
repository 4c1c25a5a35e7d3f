import { Schema, model } from 'mongoose';

/**
 * A catalogue item (SPEC §3): title, price and whether members see it. Its stock is not here:
 * the stock journal (stockMove.model.ts) is its truth, read at its tip, because on FerretDB v1 a
 * conditional `$inc` on this document would let two racers take the last unit. This document
 * changes only by ADMIN's edits (upsertReward.ts), where last-writer-wins is what an edit means.
 */
export interface RewardDoc {
  _id: string;
  title: string;
  price: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const rewardSchema = new Schema<RewardDoc>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    price: { type: Number, required: true },
    active: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'rewards' },
);
rewardSchema.index({ active: 1, createdAt: 1 });

export const Reward = model<RewardDoc>('Reward', rewardSchema);
