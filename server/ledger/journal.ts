import { Types } from 'mongoose';
import { assert } from '../core/assert';
import { dayOf, type UtcDay } from '../core/day';
import { Entry, type EntryDoc, type EntryKind, type EntryRef } from './entry.model';

/**
 * The journal's steps, each one single-document operation. Only `postEntry` strings them
 * together (crash tests call them one by one to stop between two of them).
 */

/** A posting ready to append: everything but its place in the account's sequence. */
export interface EntryDraft {
  memberId: string;
  amount: number;
  kind: EntryKind;
  /** Null: the posting day. */
  day: UtcDay | null;
  idempotencyKey: string;
  inputHash: string;
  ref: EntryRef;
}

/** The account's state after its latest entry: what the next entry follows. */
export interface JournalTip {
  seq: number;
  balance: number;
}

export const emptyTip: JournalTip = { seq: 0, balance: 0 };

/**
 * Appends `draft` as entry `tip.seq + 1`. Throws Mongo's duplicate-key error when that seq is
 * taken (another writer appended after the same state: re-read, retry) or the key is (the
 * posting already happened). `balanceAfter` is computed from `tip`, so whatever was checked
 * against `tip` (cover) holds for the entry that lands.
 */
export async function appendEntry(
  draft: EntryDraft,
  tip: JournalTip,
  now = new Date(),
): Promise<EntryDoc> {
  const balanceAfter = tip.balance + draft.amount;
  assert(
    Number.isSafeInteger(balanceAfter),
    `balance of ${draft.memberId} would leave the safe integers`,
  );
  const entry: EntryDoc = {
    _id: new Types.ObjectId(),
    accountId: draft.memberId,
    seq: tip.seq + 1,
    amount: draft.amount,
    balanceAfter,
    kind: draft.kind,
    day: draft.day ?? dayOf(now),
    postedDay: dayOf(now),
    createdAt: now,
    idempotencyKey: draft.idempotencyKey,
    inputHash: draft.inputHash,
    ref: { type: draft.ref.type, id: draft.ref.id },
  };
  // The driver's insert: the document is built and checked here, mongoose would only copy it.
  await Entry.collection.insertOne(entry);
  return entry;
}

export async function findEntryByKey(
  memberId: string,
  idempotencyKey: string,
): Promise<EntryDoc | null> {
  return Entry.findOne({ accountId: memberId, idempotencyKey }).lean<EntryDoc>();
}

/** The latest entry's state, read from the journal itself (the account cache may lag behind). */
export async function readJournalTip(memberId: string): Promise<JournalTip> {
  const latest = await Entry.findOne({ accountId: memberId })
    .sort({ seq: -1 })
    .select({ seq: 1, balanceAfter: 1 })
    .lean<Pick<EntryDoc, 'seq' | 'balanceAfter'>>();
  return latest ? { seq: latest.seq, balance: latest.balanceAfter } : emptyTip;
}
