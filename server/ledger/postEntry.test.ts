/**
 * Proves postEntry's promises on the real database, by racing real concurrent calls
 * (Promise.allSettled) and counting what landed:
 * - concurrent postings on one account get distinct, consecutive seqs and lose no update
 *   (balance = sum of amounts): the unique (account, seq) index plus retry, no transaction;
 * - one idempotency key posted concurrently lands once and every caller gets that entry;
 * - the cover check is race-free: 20 debits of 10 against 100 give exactly 10 successes;
 * - a frozen account refuses spending; a replay returns the first entry even when the same
 *   posting would now be refused or carries other terms; replays announce nothing;
 * - the same three races hold between four separate processes, where no in-process queue helps.
 */
import type { UtcDay } from '../core/day';
import { testEnv, useTestDatabase } from '../../test/support/harness';
import { spawnTsx } from '../../test/support/processes';
import { Account } from './account.model';
import { Entry } from './entry.model';
import { appendEntry, emptyTip } from './journal';
import { getAccount, onEntryPosted, postEntry, setFrozen, verifyLedger, type Posting } from '.';

const database = useTestDatabase('postentry');

const day = '2026-01-15' as UtcDay;
const credit = (memberId: string, key: string, amount: number): Posting => ({
  memberId,
  amount,
  kind: 'ACCRUAL',
  day,
  idempotencyKey: key,
  ref: { type: 'test', id: key },
});
const spend = (memberId: string, key: string, amount: number): Posting => ({
  memberId,
  amount: -amount,
  kind: 'REDEMPTION',
  idempotencyKey: key,
  ref: { type: 'test', id: key },
});
const codeOf = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === 'rejected' ? (outcome.reason as { code?: string }).code : 'OK';

it('gives 50 concurrent postings on one account distinct consecutive seqs and loses none', async () => {
  const amounts = Array.from({ length: 50 }, (_, i) => i + 1);
  const outcomes = await Promise.allSettled(
    amounts.map((a) => postEntry(credit('busy', `busy:${a}`, a))),
  );
  expect(outcomes.map(codeOf)).toEqual(amounts.map(() => 'OK'));

  const entries = await Entry.find({ accountId: 'busy' }).sort({ seq: 1 }).lean();
  expect(entries.map((e) => e.seq)).toEqual(amounts);
  const sum = amounts.reduce((a, b) => a + b, 0);
  expect(entries.at(-1)?.balanceAfter).toBe(sum);
  const account = await getAccount('busy');
  expect(account).toMatchObject({ balance: sum, seq: 50, lifetimeAccrued: sum });
  expect((await verifyLedger()).breaches).toEqual([]);
});

it('lands one idempotency key once when 20 callers post it at the same time', async () => {
  const announced: string[] = [];
  const stop = onEntryPosted((entry) => announced.push(entry.idempotencyKey));
  const results = await Promise.all(
    Array.from({ length: 20 }, () => postEntry(credit('twin', 'twin:1', 7))),
  );
  stop();
  expect(await Entry.countDocuments({ accountId: 'twin' })).toBe(1);
  expect(new Set(results.map((r) => r.entry._id.toHexString())).size).toBe(1);
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(announced).toEqual(['twin:1']);
  expect((await getAccount('twin')).balance).toBe(7);
});

it('lets exactly 10 of 20 concurrent debits of 10 through a balance of 100', async () => {
  await postEntry(credit('spender', 'spender:credit', 100));
  const outcomes = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) =>
      postEntry({ ...spend('spender', `spender:${i}`, 10), requireCover: true }),
    ),
  );
  const codes = outcomes.map(codeOf);
  expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
  expect(codes.filter((c) => c === 'INSUFFICIENT_FUNDS')).toHaveLength(10);
  expect(await getAccount('spender')).toMatchObject({ balance: 0, lifetimeSpent: 100 });
  expect(await Entry.countDocuments({ accountId: 'spender' })).toBe(11);
});

it('refuses spending on a frozen account, keeps crediting it, and spends again once unfrozen', async () => {
  await postEntry(credit('banned', 'banned:credit', 50));
  await setFrozen('banned', true);
  await expect(postEntry(spend('banned', 'banned:spend', 5))).rejects.toMatchObject({
    code: 'ACCOUNT_FROZEN',
  });
  await postEntry(credit('banned', 'banned:credit2', 5));
  expect(await getAccount('banned')).toMatchObject({ balance: 55, frozen: true });
  await setFrozen('banned', false);
  await postEntry(spend('banned', 'banned:spend', 5));
  expect(await getAccount('banned')).toMatchObject({ balance: 50, frozen: false });
});

it('keeps a freeze made while postings land on the account', async () => {
  await Promise.all([
    ...Array.from({ length: 10 }, (_, i) => postEntry(credit('raced', `raced:${i}`, 1))),
    setFrozen('raced', true),
  ]);
  expect(await getAccount('raced')).toMatchObject({ balance: 10, frozen: true });
});

it('returns the first entry for a repeated key, even if it would now be refused or differs', async () => {
  await postEntry(credit('replayer', 'replayer:credit', 10));
  const first = await postEntry(spend('replayer', 'replayer:spend', 10));
  const again = await postEntry(spend('replayer', 'replayer:spend', 10));
  expect(again).toMatchObject({ created: false, sameTerms: true });
  expect(again.entry._id.equals(first.entry._id)).toBe(true);
  const other = await postEntry(spend('replayer', 'replayer:spend', 3));
  expect(other).toMatchObject({ created: false, sameTerms: false, entry: { amount: -10 } });
  expect(await getAccount('replayer')).toMatchObject({ balance: 0, seq: 2 });
});

it('refuses a debit the balance does not cover and writes nothing', async () => {
  await postEntry(credit('poor', 'poor:credit', 5));
  await expect(postEntry(spend('poor', 'poor:spend', 6))).rejects.toMatchObject({
    code: 'INSUFFICIENT_FUNDS',
  });
  expect(await Entry.countDocuments({ accountId: 'poor' })).toBe(1);
});

it('lets a reversal take the balance below zero (R11)', async () => {
  await postEntry(credit('fraudster', 'fraudster:credit', 20));
  await postEntry(spend('fraudster', 'fraudster:spend', 15));
  const reversal = await postEntry({
    memberId: 'fraudster',
    amount: -20,
    kind: 'REVERSAL',
    day,
    idempotencyKey: 'reversal:fraudster',
    ref: { type: 'reversal', id: 'r1' },
  });
  expect(reversal.entry).toMatchObject({ balanceAfter: -15, day });
  expect(reversal.account).toMatchObject({ balance: -15, lifetimeReversed: 20 });
});

it('reads a member who never had an entry as zeros without writing anything', async () => {
  expect(await getAccount('stranger')).toMatchObject({
    balance: 0,
    frozen: false,
    seq: 0,
    lifetimeSpent: 0,
  });
  expect(await Account.exists({ _id: 'stranger' })).toBeNull();
});

describe('across processes, where the unique indexes alone settle the races', () => {
  interface Outcome {
    key: string;
    code: string;
    entryId: string | null;
    created: boolean | null;
  }
  /** Runs one plan of postings per child process, all released at the same moment. */
  async function race(plans: Posting[][]): Promise<Outcome[]> {
    const children = plans.map((plan) =>
      spawnTsx('test/support/ledgerRacer.ts', testEnv(database), [JSON.stringify(plan)]),
    );
    await Promise.all(children.map((child) => child.waitForLine(/^READY$/)));
    for (const child of children) child.send('go');
    const codes = await Promise.all(children.map((child) => child.exited));
    expect(codes).toEqual(plans.map(() => 0));
    return children.flatMap((child) => JSON.parse(child.lines.at(-1)!) as Outcome[]);
  }

  it('keeps seqs consecutive, lands a key once and covers debits race-free', async () => {
    await postEntry(credit('xp-spender', 'xp-spender:credit', 100));
    const plans = [0, 1, 2, 3].map((p) => [
      ...Array.from({ length: 10 }, (_, i) => credit('xp-busy', `xp-busy:${p}:${i}`, 1 + i)),
      ...Array.from({ length: 3 }, () => credit('xp-twin', 'xp-twin:1', 9)),
      ...Array.from({ length: 5 }, (_, i) => spend('xp-spender', `xp-spender:${p}:${i}`, 10)),
    ]);
    const outcomes = await race(plans);

    const busy = await Entry.find({ accountId: 'xp-busy' }).sort({ seq: 1 }).lean();
    expect(busy.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await getAccount('xp-busy')).balance).toBe(4 * 55);

    const twins = outcomes.filter((o) => o.key === 'xp-twin:1');
    expect(new Set(twins.map((o) => o.entryId)).size).toBe(1);
    expect(twins.filter((o) => o.created)).toHaveLength(1);
    expect(await Entry.countDocuments({ accountId: 'xp-twin' })).toBe(1);

    const debits = outcomes.filter((o) => o.key.startsWith('xp-spender:'));
    expect(debits.filter((o) => o.code === 'OK')).toHaveLength(10);
    expect(debits.filter((o) => o.code === 'INSUFFICIENT_FUNDS')).toHaveLength(10);
    expect((await getAccount('xp-spender')).balance).toBe(0);
    expect((await verifyLedger()).breaches).toEqual([]);
  });
});

it('refuses on the journal, not on a cache a crash left behind', async () => {
  // A crash between the journal write and the cache update, as a killed process leaves it.
  await appendEntry({ ...credit('lagging', 'lagging-credit', 100), day, inputHash: 'h' }, emptyTip);
  expect((await Account.findById('lagging'))?.balance ?? 0).toBe(0);
  const { entry, account } = await postEntry(spend('lagging', 'lagging-spend', 60));
  expect(entry).toMatchObject({ seq: 2, balanceAfter: 40 });
  expect(account).toMatchObject({ seq: 2, balance: 40 });
  await expect(postEntry(spend('lagging', 'lagging-spend-2', 60))).rejects.toMatchObject({
    code: 'INSUFFICIENT_FUNDS',
  });
});
