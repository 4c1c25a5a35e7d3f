import { Schema, model } from 'mongoose';

/**
 * A catalogue item (SPEC §3). `stock` is the number of units left; null means unlimited.
 *
 * Stock and a redemption live in different documents and there are no transactions, so the
 * reward itself remembers which redemptions took a unit, in the same atomic update that takes
 * it (see stockHold.ts). Without that memory, a process killed between "take a unit" and "note
 * it on the redemption" would lose the unit for good, and a retried step would take a second one.
 * - `heldBy`: redemptions holding a unit (taken from `stock`, outcome not known yet);
 * - `doneWith`: redemptions whose unit was consumed (DONE) or given back (FAILED), remembered
 *   until the recovery pass settles them, so that a late retry of a step cannot take a unit again.
 * Both stay short: an id is there only while its redemption is in flight or recently finished.
 */
export interface RewardDoc {
  _id: string;
  title: string;
  price: number;
  stock: number | null;
  active: boolean;
  heldBy: string[];
  doneWith: string[];
  createdAt: Date;
  updatedAt: Date;
}

const rewardSchema = new Schema<RewardDoc>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    price: { type: Number, required: true },
    stock: { type: Number, default: null },
    active: { type: Boolean, required: true },
    heldBy: { type: [String], default: [] },
    doneWith: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'rewards' },
);
rewardSchema.index({ active: 1, createdAt: 1 });

export const Reward = model<RewardDoc>('Reward', rewardSchema);
