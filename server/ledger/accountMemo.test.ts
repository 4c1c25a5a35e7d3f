/**
 * Proves that a remembered account state (accountMemo.ts) that another process has made old
 * costs a retry, never a wrong entry or a wrong refusal: this process posts to an account (and
 * remembers its state), another process then posts to the same account, and this process's
 * next postings, started from the old state,
 * - land right after the other process's entry, with the right balanceAfter (no twin seq);
 * - are not refused for cover when the real balance covers them (the old state would not);
 * - are refused, writing nothing, when the real balance does not cover them (the old one would).
 * Then verify-ledger is clean.
 */
import type { UtcDay } from '../core/day';
import { testEnv, useTestDatabase } from '../../test/support/harness';
import { spawnTsx } from '../../test/support/processes';
import { Entry } from './entry.model';
import { getAccount, postEntry, verifyLedger, type Posting } from '.';

const database = useTestDatabase('accountmemo');

const posting = (memberId: string, key: string, amount: number): Posting => ({
  memberId,
  amount,
  kind: amount > 0 ? 'ACCRUAL' : 'REDEMPTION',
  day: '2026-01-15' as UtcDay,
  idempotencyKey: key,
  ref: { type: 'test', id: key },
});

/** Posts in another process (test/support/ledgerRacer.ts), which this process cannot see. */
async function postElsewhere(postings: Posting[]): Promise<void> {
  const child = spawnTsx('test/support/ledgerRacer.ts', testEnv(database), [
    JSON.stringify(postings),
  ]);
  await child.waitForLine(/^READY$/, 60_000); // a child's start on a busy machine
  child.send('go');
  expect(await child.exited).toBe(0);
  const outcomes = JSON.parse(child.lines.at(-1)!) as { code: string }[];
  expect(outcomes.map((o) => o.code)).toEqual(postings.map(() => 'OK'));
}

it('appends after, and refuses by, the journal, not an old remembered state', async () => {
  await postEntry(posting('dana', 'here:1', 10)); // remembered: seq 1, balance 10
  await postElsewhere([posting('dana', 'there:1', 100)]); // journal: seq 2, balance 110

  const covered = await postEntry(posting('dana', 'here:2', -50)); // the old state: 10 < 50
  expect(covered.entry).toMatchObject({ seq: 3, balanceAfter: 60 });
  expect(covered.account).toMatchObject({ seq: 3, balance: 60 });

  await postElsewhere([posting('dana', 'there:2', -55)]); // journal: seq 4, balance 5
  await expect(postEntry(posting('dana', 'here:3', -20))).rejects.toMatchObject({
    code: 'INSUFFICIENT_FUNDS',
  }); // the old state (60) would have covered it
  expect(await Entry.countDocuments({ idempotencyKey: 'here:3' })).toBe(0);

  const credit = await postEntry(posting('dana', 'here:4', 1));
  expect(credit.entry).toMatchObject({ seq: 5, balanceAfter: 6 });
  expect(await getAccount('dana')).toMatchObject({ seq: 5, balance: 6 });
  expect((await verifyLedger()).breaches).toEqual([]);
}, 60_000);
