import { dayOf, isUtcDay, type UtcDay } from '../core/day';
import { distinctSorted } from '../core/distinctSorted';
import { limits } from '../core/limits';
import { Account, lifetimeFields, type AccountDoc, type LifetimeField } from './account.model';
import { Entry, entryKinds, type EntryDoc } from './entry.model';
import { amountProblem, entryRules, lifetimeIncrement } from './entryRules';
import { readAccount, rollForward } from './rebuildAccount';

/**
 * verify-ledger (SPEC §6): the second path that checks what postEntry checked when appending.
 * For every account: seq runs 1, 2, 3... without gap; each entry's amount fits its kind and
 * `balanceAfter` = previous `balanceAfter` + `amount`; the sum of amounts computed by the database
 * equals the chain's balance; no idempotency key twice; the account cache equals the journal's
 * state at the cache's seq, and is not ahead of it. A cache found behind (a crash between the
 * two writes of a posting) is rolled forward first, as any reader would, and counted.
 * Optionally each day's ACCRUAL total is held against that day's cap (the accrual module knows
 * the caps and passes `capForDay`).
 *
 * Everything streams through cursors in batches: memory holds one account's keys at a time.
 * On a live system, entries appended while it runs are simply checked or left for next time.
 */
export interface LedgerBreach {
  accountId?: string;
  day?: UtcDay;
  problem: string;
}

export interface VerifyLedgerOptions {
  /** The cap of a day, or null when that day has none to hold against. */
  capForDay?: (day: UtcDay) => number | null | Promise<number | null>;
  /** Roll caches that are behind the journal forward before comparing (default true). */
  rollForward?: boolean;
}

export interface LedgerVerification {
  ok: boolean;
  accounts: number;
  entries: number;
  /** Days whose accrual total was held against a cap. */
  cappedDays: number;
  /** Caches found behind the journal and rolled forward. */
  rolledForward: number;
  breachCount: number;
  /** The first `limits.ledgerBreachesListedMax` breaches. */
  breaches: LedgerBreach[];
}

type Lifetime = Record<LifetimeField, number>;
const zeroLifetime = (): Lifetime =>
  Object.fromEntries(lifetimeFields.map((f) => [f, 0])) as Lifetime;

interface ChainState {
  seq: number;
  balance: number;
  lifetime: Lifetime;
}

export async function verifyLedger(options: VerifyLedgerOptions = {}): Promise<LedgerVerification> {
  const result: LedgerVerification = {
    ok: true,
    accounts: 0,
    entries: 0,
    cappedDays: 0,
    rolledForward: 0,
    breachCount: 0,
    breaches: [],
  };
  const report = (breach: LedgerBreach) => {
    result.ok = false;
    result.breachCount += 1;
    if (result.breaches.length < limits.ledgerBreachesListedMax) result.breaches.push(breach);
  };

  for await (const accountId of distinctSorted(Entry.collection, {}, 'accountId')) {
    result.accounts += 1;
    await verifyAccount(accountId, options.rollForward ?? true, result, report);
  }

  // Caches that claim entries of a journal that has none.
  const cached = Account.find({ seq: { $gt: 0 } })
    .lean<AccountDoc[]>()
    .cursor({ batchSize: limits.cursorBatchSize });
  for await (const account of cached) {
    if (!(await Entry.exists({ accountId: account._id }))) {
      report({
        accountId: account._id,
        problem: `account is at seq ${account.seq} but has no entries`,
      });
    }
  }

  if (options.capForDay) await verifyCaps(options.capForDay, result, report);
  return result;
}

async function verifyAccount(
  accountId: string,
  rollForwardBehind: boolean,
  result: LedgerVerification,
  report: (breach: LedgerBreach) => void,
): Promise<void> {
  const breach = (problem: string) => report({ accountId, problem });
  const cache = await readAccount(accountId);
  if (!cache) breach('has entries but no account document');

  const chain: ChainState = { seq: 0, balance: 0, lifetime: zeroLifetime() };
  let sum = 0;
  let chainIntact = true;
  let atCache: ChainState | null = cache?.seq === 0 ? structuredClone(chain) : null;
  const keys = new Set<string>();
  const entries = Entry.find({ accountId })
    .sort({ seq: 1 })
    .lean<EntryDoc[]>()
    .cursor({ batchSize: limits.cursorBatchSize });
  for await (const entry of entries) {
    result.entries += 1;
    const at = `entry seq ${entry.seq}`;
    if (entry.seq !== chain.seq + 1) {
      breach(`seq ${chain.seq + 1} is missing: the next entry is seq ${entry.seq}`);
      chainIntact = false;
    }
    if (!entryKinds.includes(entry.kind)) {
      breach(`${at}: unknown kind ${String(entry.kind)}`);
      chainIntact = false;
    } else {
      const problem = amountProblem(entry.kind, entry.amount);
      if (problem) breach(`${at}: ${problem}`);
      chain.lifetime[entryRules[entry.kind].lifetimeField] += lifetimeIncrement(
        entry.kind,
        entry.amount,
      );
    }
    if (entry.balanceAfter !== chain.balance + entry.amount) {
      breach(
        `${at}: balanceAfter ${entry.balanceAfter}, but ${chain.balance} + ${entry.amount} = ${chain.balance + entry.amount}`,
      );
      chainIntact = false;
    }
    if (keys.has(entry.idempotencyKey)) breach(`${at}: idempotency key used twice`);
    keys.add(entry.idempotencyKey);
    if (!isUtcDay(entry.day) || entry.postedDay !== dayOf(entry.createdAt))
      breach(`${at}: day or postedDay is wrong`);

    sum += entry.amount;
    chain.seq = entry.seq;
    chain.balance = entry.balanceAfter;
    if (cache && entry.seq === cache.seq) atCache = structuredClone(chain);
  }
  // The database's own sum over the entries the chain walked (later ones may be appending now).
  const total = await journalTotal(accountId, chain.seq);
  if (total !== sum) breach(`the entries' amounts sum to ${total}, the chain says ${sum}`);
  if (!cache) return;
  if (cache.seq > chain.seq)
    return breach(`account cache is at seq ${cache.seq}, ahead of the journal (${chain.seq})`);
  if (atCache && differs(cache, atCache)) {
    return breach(
      `account cache differs from the journal at seq ${cache.seq}: ${describe(cache, atCache)}`,
    );
  }
  if (cache.seq < chain.seq) {
    if (!rollForwardBehind || !chainIntact) {
      return breach(`account cache is behind the journal (seq ${cache.seq} < ${chain.seq})`);
    }
    const rolled = await rollForward(accountId);
    result.rolledForward += 1;
    if (rolled.seq === chain.seq && differs(rolled, chain)) {
      breach(`rolled-forward cache differs from the journal: ${describe(rolled, chain)}`);
    }
  }
}

async function journalTotal(accountId: string, seqMax: number): Promise<number> {
  const [row] = await Entry.aggregate<{ total: number }>([
    { $match: { accountId, seq: { $lte: seqMax } } },
    { $group: { _id: null, total: { $sum: '$amount' } } },
  ]);
  return row?.total ?? 0;
}

const differs = (cache: AccountDoc, state: ChainState): boolean =>
  cache.balance !== state.balance || lifetimeFields.some((f) => cache[f] !== state.lifetime[f]);

const describe = (cache: AccountDoc, state: ChainState): string =>
  [
    ['balance', cache.balance, state.balance] as const,
    ...lifetimeFields.map((f) => [f, cache[f], state.lifetime[f]] as const),
  ]
    .filter(([, a, b]) => a !== b)
    .map(([field, a, b]) => `${field} ${a} (journal ${b})`)
    .join(', ');

async function verifyCaps(
  capForDay: NonNullable<VerifyLedgerOptions['capForDay']>,
  result: LedgerVerification,
  report: (breach: LedgerBreach) => void,
): Promise<void> {
  const days = Entry.aggregate<{ _id: UtcDay; total: number }>([
    { $match: { kind: 'ACCRUAL' } },
    { $group: { _id: '$day', total: { $sum: '$amount' } } },
    { $sort: { _id: 1 } },
  ]).cursor({ batchSize: limits.cursorBatchSize });
  for await (const { _id: day, total } of days) {
    const cap = await capForDay(day);
    if (cap === null) continue;
    result.cappedDays += 1;
    if (total > cap)
      report({ day, problem: `accruals total ${total}, over the day's cap of ${cap}` });
  }
}
