import { assert } from '../core/assert';
import { crashPoint } from '../core/crashPoint';
import { isUtcDay, type UtcDay } from '../core/day';
import { DomainError, serviceUnavailable } from '../core/errors';
import { limits } from '../core/limits';
import { isDuplicateKey } from '../core/mongo';
import type { AccountDoc } from './account.model';
import type { EntryDoc, EntryKind, EntryRef } from './entry.model';
import { inAccountLane } from './accountLane';
import { forgetState, rememberState, rememberedState } from './accountMemo';
import { announcePosted } from './entryPosted';
import { amountProblem, hashTerms } from './entryRules';
import { getAccount } from './getAccount';
import {
  appendEntry,
  findEntryByKey,
  readJournalTip,
  type EntryDraft,
  type JournalTip,
} from './journal';
import { advanceAccount, readOrCreateAccount, rollForward } from './rebuildAccount';
import { isFrozen } from './setFrozen';

/**
 * THE write path for money (SPEC §7): nothing else appends entries or moves balances, and there
 * is deliberately no caller-chosen credit, transfer, top-up or fine built on it (R1, R15, R19, R21).
 *
 * Steps, each a single-document write, none needing a multi-document transaction:
 * 1. Queue behind this process's other postings to the account (accountLane.ts), then take the
 *    state this process last saw a posting to the account settle (accountMemo.ts), or else read
 *    the account cache (created empty on first use): its `(seq, balance)` is the state to append
 *    after; and, when the posting spends, whether the account is frozen. A remembered state may
 *    be old: a refusal or a lost race from it starts over once from the account cache.
 * 2. Check the refusals against that very state: ACCOUNT_FROZEN, INSUFFICIENT_FUNDS.
 * 3. Append entry `seq + 1` with `balanceAfter = balance + amount`. The unique (account, seq)
 *    index makes the cover check race-free: if anyone appended after the same state, this insert
 *    fails, and we retry from the journal's real tip, checking cover again against it.
 * 4. Advance the account cache from `seq` to `seq + 1` (conditioned on `seq`, see
 *    rebuildAccount.ts). If the cache was elsewhere, roll it forward from the journal, so that
 *    the cache returned covers the new entry. Remember that state for the next posting.
 * 5. Tell the `onEntryPosted` listeners (balance push), fire and forget.
 *
 * Idempotency: a key already posted returns its entry, whatever the caller sent this time
 * (`sameTerms` says whether the terms matched; the caller decides whether that is a bug), and
 * writes and pushes nothing. The unique (account, key) index is the lookup: a replay's append
 * fails on it, and before any refusal (frozen, cover) the key is looked up, so a replay is never
 * refused. The key is not read before appending because on FerretDB v1 every query on `entries`
 * scans the collection (it pushes filters down but no index serves them), while the insert's
 * unique-index check is an index probe; replays are rare, postings are not.
 *
 * A crash after 3 (crash point `ledger.afterAppend`, test/crash/ledgerCrash.test.ts) leaves the
 * cache behind the journal; the next writer loses step 3's race on that seq and rolls forward,
 * and every reader (getAccount) rolls forward when it sees it. The entry itself is there exactly
 * once, so a retried posting with the same key returns it.
 */
export interface Posting {
  memberId: string;
  /** Signed bonuses; the sign must fit the kind (credits positive, REVERSAL/REDEMPTION negative). */
  amount: number;
  kind: EntryKind;
  /** The day the entry concerns. Required for ACCRUAL; other kinds default to the posting day. */
  day?: UtcDay;
  /** Unique per member; the caller's act composes it (`accrual:<memberId>:<day>`...). */
  idempotencyKey: string;
  /** What caused the entry. */
  ref: EntryRef;
  /** Refuse a debit the balance does not cover (INSUFFICIENT_FUNDS). Default: REDEMPTION only. */
  requireCover?: boolean;
  /** Refuse on a frozen account (ACCOUNT_FROZEN). Default: REDEMPTION only (spending, R16). */
  refuseIfFrozen?: boolean;
}

export interface PostResult {
  entry: EntryDoc;
  /** The account cache once the entry is applied (possibly later entries too). */
  account: AccountDoc;
  /** False when the key had been posted before: `entry` is that first posting. */
  created: boolean;
  /** False when a replay's terms differ from the first posting's. */
  sameTerms: boolean;
}

export async function postEntry(posting: Posting): Promise<PostResult> {
  const draft = draftOf(posting);
  return inAccountLane(draft.memberId, () => appendPosting(posting, draft));
}

async function appendPosting(posting: Posting, draft: EntryDraft): Promise<PostResult> {
  const { memberId, idempotencyKey } = draft;
  const checksFreeze = posting.refuseIfFrozen ?? posting.kind === 'REDEMPTION';
  const remembered = rememberedState(memberId);
  const [account, frozen] = await Promise.all([
    remembered ?? readOrCreateAccount(memberId),
    checksFreeze ? isFrozen(memberId) : false,
  ]);
  let tip: JournalTip = { seq: account.seq, balance: account.balance };
  // The cache is the full state at `tip` until a lost race makes us read the tip from the journal.
  let cacheAtTip: AccountDoc | null = account;
  // A remembered state may be old (accountMemo.ts): before refusing, or on losing the seq race,
  // start again once from the account cache, as a posting without memory would have.
  let mayBeOld = remembered !== undefined;
  const startFromCache = async () => {
    forgetState(memberId);
    mayBeOld = false;
    cacheAtTip = await readOrCreateAccount(memberId);
    tip = { seq: cacheAtTip.seq, balance: cacheAtTip.balance };
  };
  for (let attempt = 1; ; attempt++) {
    const refusal = refusalOf(posting, tip, frozen);
    if (refusal) {
      // The key may have been posted already (or just now, by a racer): then it is a replay.
      const earlier = await findEntryByKey(memberId, idempotencyKey);
      if (earlier) return replayOf(earlier, draft);
      if (mayBeOld) {
        await startFromCache();
        continue;
      }
      // The cache may be behind the journal (a writer crashed between its two writes): refuse
      // only on the journal's own tip.
      if (cacheAtTip) {
        const journalTip = await readJournalTip(memberId);
        if (journalTip.seq !== tip.seq) {
          tip = journalTip;
          cacheAtTip = null;
          continue;
        }
      }
      throw refusal;
    }
    let entry: EntryDoc;
    try {
      entry = await appendEntry(draft, tip);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const earlier = await findEntryByKey(memberId, idempotencyKey);
      if (earlier) return replayOf(earlier, draft);
      if (mayBeOld) {
        await startFromCache();
        continue;
      }
      // Lost the seq race: someone appended after the same state. Retry from the journal's tip.
      if (attempt >= limits.retryAttemptsMax) throw serviceUnavailable('ledger');
      await pause(attempt);
      tip = await readJournalTip(memberId);
      cacheAtTip = null;
      continue;
    }
    crashPoint('ledger.afterAppend');
    const advanced = cacheAtTip ? await advanceAccount(entry, cacheAtTip) : null;
    const settled = advanced ?? (await rollForward(memberId));
    rememberState(settled);
    announcePosted(entry);
    return { entry, account: settled, created: true, sameTerms: true };
  }
}

/** Postings come from code, not people: a malformed one is a bug, so these are assertions. */
function draftOf(posting: Posting): EntryDraft {
  const { memberId, amount, kind, day, idempotencyKey, ref } = posting;
  assert(typeof memberId === 'string' && memberId.length > 0, 'a posting names a member');
  const problem = amountProblem(kind, amount);
  assert(problem === null, `posting ${idempotencyKey}: ${problem}`);
  assert(
    day === undefined || isUtcDay(day),
    `posting ${idempotencyKey}: day ${day} is not a UtcDay`,
  );
  assert(
    kind !== 'ACCRUAL' || day !== undefined,
    `posting ${idempotencyKey}: an ACCRUAL names its day`,
  );
  assert(
    idempotencyKey.length > 0 && idempotencyKey.length <= limits.ledgerKeyLengthMax,
    'a posting has an idempotency key of sensible length',
  );
  assert(ref.type.length > 0 && ref.id.length > 0, `posting ${idempotencyKey} says what caused it`);
  const terms = { memberId, amount, kind, day: day ?? null, ref };
  return { ...terms, idempotencyKey, inputHash: hashTerms(terms) };
}

/** `frozen` was only read if the posting refuses frozen accounts. */
function refusalOf(posting: Posting, tip: JournalTip, frozen: boolean): DomainError | null {
  if (frozen) {
    return new DomainError('ACCOUNT_FROZEN', 'This account is frozen: nothing can be spent');
  }
  if ((posting.requireCover ?? posting.kind === 'REDEMPTION') && tip.balance + posting.amount < 0) {
    return new DomainError('INSUFFICIENT_FUNDS', 'The balance does not cover this amount');
  }
  return null;
}

async function replayOf(entry: EntryDoc, draft: EntryDraft): Promise<PostResult> {
  return {
    entry,
    account: await getAccount(draft.memberId),
    created: false,
    sameTerms: entry.inputHash === draft.inputHash,
  };
}

/** Jittered and growing, so writers that collided do not collide again in lockstep. */
function pause(attempt: number): Promise<void> {
  const ceilingMs = Math.min(2 ** attempt, limits.retryBackoffMsMax);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceilingMs));
}
