import { createHash } from 'node:crypto';
import { assert } from '../core/assert';
import type { AccountDoc, LifetimeField } from './account.model';
import type { EntryDoc, EntryKind, EntryRef } from './entry.model';

/**
 * What each kind of entry may do: the sign of its amount, and the lifetime total it feeds
 * (lifetime totals are positive sums, so a REVERSAL of -30 adds 30 to `lifetimeReversed`).
 * Checked when posting and again by verifyLedger.
 */
export const entryRules: Record<EntryKind, { sign: 1 | -1; lifetimeField: LifetimeField }> = {
  ACCRUAL: { sign: 1, lifetimeField: 'lifetimeAccrued' },
  REVERSAL: { sign: -1, lifetimeField: 'lifetimeReversed' },
  REINSTATEMENT: { sign: 1, lifetimeField: 'lifetimeReinstated' },
  REDEMPTION: { sign: -1, lifetimeField: 'lifetimeSpent' },
  COMPENSATION: { sign: 1, lifetimeField: 'lifetimeCompensated' },
};

/** Why an amount does not fit its kind, or null when it does. */
export function amountProblem(kind: EntryKind, amount: number): string | null {
  if (!Number.isSafeInteger(amount) || amount === 0)
    return 'amount must be a non-zero safe integer';
  if (Math.sign(amount) !== entryRules[kind].sign) {
    return `a ${kind} amount must be ${entryRules[kind].sign > 0 ? 'positive' : 'negative'}`;
  }
  return null;
}

/** The positive amount an entry adds to its lifetime total. */
export const lifetimeIncrement = (kind: EntryKind, amount: number): number =>
  entryRules[kind].sign * amount;

/** The account's state after `entry`, from its state just before it. */
export function applyEntry(before: AccountDoc, entry: EntryDoc, now = new Date()): AccountDoc {
  assert(entry.seq === before.seq + 1, `entry seq ${entry.seq} does not follow seq ${before.seq}`);
  assert(
    entry.balanceAfter === before.balance + entry.amount,
    `entry seq ${entry.seq} of ${entry.accountId} breaks the balanceAfter chain`,
  );
  const field = entryRules[entry.kind].lifetimeField;
  return {
    ...before,
    balance: entry.balanceAfter,
    seq: entry.seq,
    [field]: before[field] + lifetimeIncrement(entry.kind, entry.amount),
    updatedAt: now,
  };
}

export interface PostingTerms {
  memberId: string;
  amount: number;
  kind: EntryKind;
  /** Only the day the caller gave: a replay on another day must not look like other terms. */
  day: string | null;
  ref: EntryRef;
}

/**
 * A hash of a posting's terms. The values are hashed as a JSON array in a fixed order (not an
 * object, whose key order would depend on how the caller built it), so the same terms always
 * give the same hash, in every process and version.
 */
export function hashTerms(terms: PostingTerms): string {
  const ordered = [
    terms.memberId,
    terms.amount,
    terms.kind,
    terms.day,
    terms.ref.type,
    terms.ref.id,
  ];
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}
