/**
 * Proves that the ledger survives a process killed at any moment (SPEC §7, STYLE habit 11), with
 * no transaction to roll anything back:
 * - a child posting a varied series in a loop is SIGKILLed at 20 random moments; after each kill
 *   verify-ledger is clean, every posting the child acknowledged is in the journal exactly once
 *   (with the entry id it acknowledged), nothing it never attempted is, and the restarted child's
 *   retry of the one unacknowledged posting ends with exactly one entry for that key;
 * - killed at the named point `ledger.afterAppend` (entry appended, account cache not yet
 *   advanced), the cache is left behind the journal (verify-ledger without rolling forward says
 *   so), and both a reader (`getAccount`) and the next posting roll it forward to the journal's
 *   exact state; the killed posting's retry returns the entry that landed.
 */
import type { UtcDay } from '../../server/core/day';
import { getAccount, postEntry, verifyLedger } from '../../server/ledger';
import { Account } from '../../server/ledger/account.model';
import { Entry } from '../../server/ledger/entry.model';
import { testEnv, useTestDatabase } from '../support/harness';
import { seriesPosting, type PosterArgs } from '../support/ledgerPoster';
import { spawnTsx, type TsxChild } from '../support/processes';

const database = useTestDatabase('ledgercrash');
const env = testEnv(database);

const kills = 20;
/** After the child's first acknowledgement, it is killed within this many milliseconds. */
const killDelayMsMax = 400;
const seriesLength = 1_000_000; // a bound the child never reaches before it is killed
/** A child's start (tsx, MongoDB) on a busy machine shared with other test files. */
const childStartMsMax = 60_000;

const poster = (args: PosterArgs): TsxChild =>
  spawnTsx('test/support/ledgerPoster.ts', env, [JSON.stringify(args)]);

interface Acknowledged {
  key: string;
  entryId: string | null;
  created: boolean | null;
}

/** What the child acknowledged, in order: postings (with their entry) and refusals (none). */
function acknowledged(child: TsxChild): Acknowledged[] {
  return child.lines.flatMap((line): Acknowledged[] => {
    const [word, key, entryId, created] = line.split(' ');
    if (word === 'ACK') return [{ key: key!, entryId: entryId!, created: created === 'true' }];
    if (word === 'REFUSED') return [{ key: key!, entryId: null, created: null }];
    return [];
  });
}

async function entriesByKey(): Promise<Map<string, string[]>> {
  const entries = await Entry.find({}, { idempotencyKey: 1 }).lean();
  const byKey = new Map<string, string[]>();
  for (const e of entries)
    byKey.set(e.idempotencyKey, [...(byKey.get(e.idempotencyKey) ?? []), e._id.toHexString()]);
  return byKey;
}

async function expectCleanLedger() {
  const verification = await verifyLedger();
  expect(verification.breaches).toEqual([]);
  expect(verification.ok).toBe(true);
  return verification;
}

it('keeps every acknowledged posting exactly once across 20 random SIGKILLs', async () => {
  const series = 'loop';
  const ackedKeys = new Map<string, string | null>(); // key -> entry id (null: refused)
  let next = 0; // the first posting not yet acknowledged: the one in flight at the kill
  let cachesLeftBehind = 0;
  for (let round = 0; round <= kills; round++) {
    const last = round === kills;
    const child = poster({ series, from: next, count: last ? 1 : seriesLength, accounts: 4 });
    // The first posting of every child after the first is the retry of the previous one's
    // unacknowledged posting: wait for it to be acknowledged, then kill at a random moment.
    await child.waitForLine(/^(ACK|REFUSED) /, childStartMsMax);
    if (last) {
      expect(await child.exited).toBe(0);
    } else {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * killDelayMsMax));
      child.process.kill('SIGKILL');
      expect(await child.exited).toBeNull();
    }

    const acks = acknowledged(child);
    expect(acks[0]?.key).toBe(`${series}:${next}`);
    const byKey = await entriesByKey();
    // The retried posting (and every other acknowledged one) has exactly one entry.
    for (const ack of acks) {
      if (ack.entryId === null) {
        expect(byKey.get(ack.key)).toBeUndefined();
      } else {
        expect(byKey.get(ack.key)).toEqual([ack.entryId]);
      }
      ackedKeys.set(ack.key, ack.entryId);
    }
    next += acks.length;
    // Earlier rounds' acknowledgements still hold; nothing past the posting in flight exists.
    for (const [key, entryId] of ackedKeys) {
      expect(byKey.get(key)).toEqual(entryId === null ? undefined : [entryId]);
    }
    const inFlight = `${series}:${next}`;
    for (const key of byKey.keys()) expect(ackedKeys.has(key) || key === inFlight).toBe(true);

    cachesLeftBehind += (await expectCleanLedger()).rolledForward;
  }
  expect(ackedKeys.size).toBeGreaterThan(kills);
  // Not asserted (the moments are random), but worth seeing when this test is tuned.
  console.log(
    `${ackedKeys.size} postings acknowledged over ${kills} kills; caches left behind: ${cachesLeftBehind}`,
  );
}, 300_000);

describe('a kill at ledger.afterAppend', () => {
  const series = 'point';
  const args = { series, accounts: 1 } as const;
  const member = `${series}-m0`;

  /** A balance that covers every debit of the series, so none of its postings is refused. */
  beforeAll(() =>
    postEntry({
      memberId: member,
      amount: 10_000,
      kind: 'ACCRUAL',
      day: '2026-01-01' as UtcDay,
      idempotencyKey: `${series}:seed`,
      ref: { type: 'crash-test', id: 'seed' },
    }),
  );

  const postHere = (i: number) => postEntry(seriesPosting(args, i));
  /** Posts i in a child armed to die right after appending it; returns the entry that landed. */
  async function postAndDie(i: number) {
    const child = poster({ ...args, from: i, count: 1, crashAt: 'ledger.afterAppend' });
    expect(await child.exited).toBeNull();
    expect(child.process.signalCode).toBe('SIGKILL');
    expect(acknowledged(child)).toEqual([]);
    const landed = await Entry.find({ idempotencyKey: `${series}:${i}` }).lean();
    expect(landed).toHaveLength(1);
    return landed[0]!;
  }

  it('leaves the cache behind, and a reader rolls it forward', async () => {
    await postHere(0);
    await postHere(1);
    const landed = await postAndDie(2);

    expect(landed.seq).toBe(4);
    expect((await Account.findById(member).lean())?.seq).toBe(3);
    const unrolled = await verifyLedger({ rollForward: false });
    expect(unrolled.breaches).toEqual([
      { accountId: member, problem: 'account cache is behind the journal (seq 3 < 4)' },
    ]);

    expect(await getAccount(member)).toMatchObject({ seq: 4, balance: landed.balanceAfter });
    expect(await Account.findById(member).lean()).toMatchObject({
      seq: 4,
      balance: landed.balanceAfter,
    });
    expect((await expectCleanLedger()).rolledForward).toBe(0);
  }, 60_000);

  it('leaves the cache behind, and the next posting rolls it forward; the retry finds the entry', async () => {
    const landed = await postAndDie(3);
    expect(landed.seq).toBe(5);
    expect((await Account.findById(member).lean())?.seq).toBe(4);

    const following = await postHere(4);
    expect(following.entry.seq).toBe(6);
    expect(following.entry.balanceAfter).toBe(landed.balanceAfter + following.entry.amount);
    expect(following.account).toMatchObject({ seq: 6, balance: following.entry.balanceAfter });
    expect(await Account.findById(member).lean()).toMatchObject({
      seq: 6,
      balance: following.entry.balanceAfter,
    });

    const retry = await postHere(3);
    expect(retry).toMatchObject({ created: false, sameTerms: true });
    expect(retry.entry._id.toHexString()).toBe(landed._id.toHexString());
    expect((await expectCleanLedger()).rolledForward).toBe(0);
  }, 60_000);
});
