import type mongoose from 'mongoose';
import { assert } from '../core/assert';
import { serviceUnavailable } from '../core/errors';
import { limits } from '../core/limits';
import { isDuplicateKey } from '../core/mongo';
import {
  Account,
  emptyAccount,
  lifetimeFields,
  type AccountDoc,
  type LifetimeField,
} from './account.model';
import { Entry, type EntryDoc, type EntryKind } from './entry.model';
import { applyEntry, entryRules, lifetimeIncrement } from './entryRules';
import { readJournalTip } from './journal';

/**
 * Keeping the account cache in step with the journal. The invariant: the account document is
 * always exactly the state after some entry of its journal (after entry `seq`). Every write
 * below keeps it so, because each one replaces the money fields with such a state:
 * - `advanceAccount` turns the state after entry n-1 into the state after entry n (the filter
 *   `seq: n-1` only matches that state, which is the only one at n-1: so the state after n can be
 *   computed without reading it back; `$set` balance and seq, `$inc` one lifetime total);
 * - `rollForward` applies, in order, whatever the journal holds past the cache (after a crash
 *   between appending an entry and advancing the cache, or a writer slower than its successor);
 * - `rebuildAccount` writes the state at the journal's tip, recomputed from scratch (repairs a
 *   cache that verify-ledger found wrong).
 * On MongoDB an update is atomic, so entry n is applied once however many processes try. On
 * FerretDB v1 an update writes back the whole document it read, without checking the filter
 * again: two processes applying entry n both write the state after n (the same values), and a
 * slow one may write it over a later state. The cache then steps back to an earlier state, still
 * exact, and the next reader or writer rolls it forward. At worst behind, never double-counted.
 */

/** The driver's view of `accounts`: string ids, as the schema has them. */
type AccountCollection = mongoose.mongo.Collection<AccountDoc>;

export async function readAccount(memberId: string): Promise<AccountDoc | null> {
  return Account.findById(memberId).lean<AccountDoc>();
}

/** Reads the account, creating it empty on first use (a lost creation race is no error). */
export async function readOrCreateAccount(memberId: string): Promise<AccountDoc> {
  const found = await readAccount(memberId);
  if (found) return found;
  const { _id: _, ...empty } = emptyAccount(memberId);
  try {
    await Account.updateOne({ _id: memberId }, { $setOnInsert: empty }, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const created = await readAccount(memberId);
  assert(created, `account ${memberId} exists after its upsert`);
  return created;
}

/**
 * Moves the cache from `before` (the state after entry n-1) to the state after `entry` (n).
 * Returns that state, or null when the cache was not at n-1 (moved on, or behind).
 */
export async function advanceAccount(
  entry: EntryDoc,
  before: AccountDoc,
): Promise<AccountDoc | null> {
  const after = applyEntry(before, entry);
  const field = entryRules[entry.kind].lifetimeField;
  // The driver's update: filter and values are already typed, mongoose would only cast them.
  const { matchedCount } = await (Account.collection as unknown as AccountCollection).updateOne(
    { _id: entry.accountId, seq: before.seq },
    {
      $set: { balance: after.balance, seq: after.seq, updatedAt: after.updatedAt },
      $inc: { [field]: lifetimeIncrement(entry.kind, entry.amount) },
    },
  );
  return matchedCount === 1 ? after : null;
}

/**
 * Brings the cache up to (at least) the journal's tip as it was when called, and returns it.
 * Safe to run from any number of processes at once: each step is `advanceAccount`.
 */
export async function rollForward(memberId: string): Promise<AccountDoc> {
  let idleRounds = 0;
  for (;;) {
    let state = await readOrCreateAccount(memberId);
    const behind = await Entry.find({ accountId: memberId, seq: { $gt: state.seq } })
      .sort({ seq: 1 })
      .limit(limits.cursorBatchSize)
      .lean<EntryDoc[]>();
    if (behind.length === 0) return state;
    assert(
      behind[0]?.seq === state.seq + 1,
      `journal of ${memberId} has a gap after seq ${state.seq}`,
    );
    let applied = 0;
    for (const entry of behind) {
      const next = await advanceAccount(entry, state);
      if (!next) break; // someone else moved it: read it again and go on from there
      state = next;
      applied += 1;
    }
    if (applied === behind.length && behind.length < limits.cursorBatchSize) return state;
    if (applied > 0) idleRounds = 0;
    else if (++idleRounds >= limits.retryAttemptsMax) throw serviceUnavailable('ledger');
  }
}

/**
 * Recomputes the cache from the journal: balance and seq from the tip, lifetime totals from the
 * entries up to it. Written with one unconditioned `$set`: the values are an exact state, so a
 * posting racing this finds the cache at that state (or later) and applies what follows.
 */
export async function rebuildAccount(memberId: string): Promise<AccountDoc> {
  const tip = await readJournalTip(memberId);
  const totals = await Entry.aggregate<{ _id: EntryKind; total: number }>([
    { $match: { accountId: memberId, seq: { $lte: tip.seq } } },
    { $group: { _id: '$kind', total: { $sum: '$amount' } } },
  ]);
  const lifetime = Object.fromEntries(lifetimeFields.map((field) => [field, 0])) as Record<
    LifetimeField,
    number
  >;
  for (const { _id: kind, total } of totals) {
    lifetime[entryRules[kind].lifetimeField] += lifetimeIncrement(kind, total);
  }
  await readOrCreateAccount(memberId);
  const rebuilt = await Account.findOneAndUpdate(
    { _id: memberId },
    { $set: { balance: tip.balance, seq: tip.seq, ...lifetime, updatedAt: new Date() } },
    { returnDocument: 'after', lean: true },
  );
  assert(rebuilt, `account ${memberId} exists while being rebuilt`);
  return rebuilt;
}
