import { Schema, model } from 'mongoose';

/**
 * A member's account: a cache of the journal, never the truth. `balance` and the lifetime totals
 * are exactly the state after entry `seq`, and every write replaces them with the state after
 * some entry (see rebuildAccount.ts), so the cache is always right, if possibly behind. It can
 * always be rolled forward or rebuilt from `entries`. Whether it is frozen is kept apart, in
 * freeze.model.ts.
 */
export interface AccountDoc {
  /** The member's id. */
  _id: string;
  balance: number;
  seq: number;
  lifetimeAccrued: number;
  /** Positive: the total written off by reversals. */
  lifetimeReversed: number;
  lifetimeReinstated: number;
  /** Positive: the total spent on redemptions. */
  lifetimeSpent: number;
  lifetimeCompensated: number;
  updatedAt: Date;
}

export const lifetimeFields = [
  'lifetimeAccrued',
  'lifetimeReversed',
  'lifetimeReinstated',
  'lifetimeSpent',
  'lifetimeCompensated',
] as const;
export type LifetimeField = (typeof lifetimeFields)[number];

const count = { type: Number, required: true, default: 0 };

const accountSchema = new Schema<AccountDoc>(
  {
    _id: { type: String, required: true },
    balance: count,
    seq: count,
    lifetimeAccrued: count,
    lifetimeReversed: count,
    lifetimeReinstated: count,
    lifetimeSpent: count,
    lifetimeCompensated: count,
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'accounts' },
);

export const Account = model<AccountDoc>('Account', accountSchema);

/** The state of an account that has no entry yet. */
export const emptyAccount = (memberId: string, now = new Date()): AccountDoc => ({
  _id: memberId,
  balance: 0,
  seq: 0,
  lifetimeAccrued: 0,
  lifetimeReversed: 0,
  lifetimeReinstated: 0,
  lifetimeSpent: 0,
  lifetimeCompensated: 0,
  updatedAt: now,
});

/** The account as read: the cache plus whether it is frozen. */
export interface AccountState extends AccountDoc {
  frozen: boolean;
}
