/**
 * Proves that redemptions stay exact under concurrent HTTP calls, with stock and money in
 * different documents and no transactions, on a server where a conditional update is not atomic
 * (FerretDB v1 lets two `{ stock: { $gte: 1 } }` + `$inc` racers both win: 11 of 200 members once
 * got a 10-unit reward). Stock moves, debits and decisions are inserts against unique indexes:
 * - 200 members race for a reward with 10 units: exactly 10 succeed, 190 get OUT_OF_STOCK,
 *   stock ends at 0 (never below), exactly 10 units taken and 10 debits land, the ledger verifies;
 * - one member with the balance for 3 fires 20 redemptions with different keys: exactly 3;
 * - one member fires the same key 20 times: one debit, one unit, every call gets that redemption;
 * - a frozen member fires 20: all ACCOUNT_FROZEN, no debit, no unit.
 * Then the recovery pass settles everything without moving a unit or a bonus.
 */
import mongoose from 'mongoose';
import { getAccount, verifyLedger } from '../../server/ledger';
import { Entry } from '../../server/ledger/entry.model';
import { createLogger } from '../../server/core/log';
import { setFrozen } from '../../server/ledger';
import { listRewards, Redemption, resumeRedemptions } from '../../server/rewards';
import { codeOf, startTestApi, type GraphQLResponse, type TestApi } from '../support/harness';
import {
  createReward,
  credit,
  redeemMutation,
  rewardAsAdmin,
  stockAudit,
} from '../support/rewards';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, 'redeemrace');
});
afterAll(() => api.close());

type RedeemData = { redeemReward: { id: string; status: string } };
const redeem = async (memberId: string, rewardId: string, key: string) =>
  api.gql<RedeemData>(redeemMutation, { rewardId, key }, await api.token({ sub: memberId }));
const outcome = (res: GraphQLResponse<RedeemData>) => res.data?.redeemReward?.status ?? codeOf(res);
const tally = (outcomes: unknown[]) =>
  outcomes.reduce<Record<string, number>>(
    (counts, o) => ({ ...counts, [String(o)]: (counts[String(o)] ?? 0) + 1 }),
    {},
  );
const debits = (filter: Record<string, unknown> = {}) =>
  Entry.countDocuments({ kind: 'REDEMPTION', ...filter });

it('gives a 10-unit reward to exactly 10 of 200 racing members', async () => {
  const members = Array.from({ length: 200 }, (_, i) => `racer-${i}`);
  await Promise.all(members.map((m) => credit(m, 100)));
  const reward = await createReward(api, { title: 'Console', price: 40, stock: 10 });
  const tokens = await Promise.all(members.map((sub) => api.token({ sub })));

  const results = await Promise.all(
    members.map((_, i) =>
      api.gql<RedeemData>(redeemMutation, { rewardId: reward.id, key: 'buy' }, tokens[i]),
    ),
  );
  expect(tally(results.map(outcome))).toEqual({ DONE: 10, OUT_OF_STOCK: 190 });
  expect((await rewardAsAdmin(api, reward.id))?.stock).toBe(0);
  expect(await stockAudit(reward.id)).toEqual({
    stock: 0,
    taken: 10,
    returned: 0,
    done: 10,
    chainIntact: true,
  });
  expect(await debits()).toBe(10);
  const winners = members.filter((_, i) => outcome(results[i]!) === 'DONE');
  for (const m of winners) expect((await getAccount(m)).balance).toBe(60);
  expect((await verifyLedger()).ok).toBe(true);
});

it('lets a member with the balance for 3 redeem exactly 3 of 20 racing requests', async () => {
  await credit('thrifty', 30);
  const reward = await createReward(api, { title: 'Badge', price: 10 });
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => redeem('thrifty', reward.id, `k${i}`)),
  );
  expect(tally(results.map(outcome))).toEqual({ DONE: 3, INSUFFICIENT_FUNDS: 17 });
  expect((await getAccount('thrifty')).balance).toBe(0);
  expect(await debits({ accountId: 'thrifty' })).toBe(3);
});

it('debits one key once when it is sent 20 times at once', async () => {
  await credit('eager', 25);
  const reward = await createReward(api, { title: 'Hoodie', price: 25, stock: 5 });
  const results = await Promise.all(
    Array.from({ length: 20 }, () => redeem('eager', reward.id, 'same')),
  );
  expect(results.map(outcome)).toEqual(Array(20).fill('DONE'));
  expect(new Set(results.map((r) => r.data?.redeemReward.id)).size).toBe(1);
  expect(await debits({ accountId: 'eager' })).toBe(1);
  expect((await getAccount('eager')).balance).toBe(0);
  expect((await rewardAsAdmin(api, reward.id))?.stock).toBe(4);
  expect(await stockAudit(reward.id)).toMatchObject({ stock: 4, taken: 1, returned: 0, done: 1 });
});

it("refuses a frozen member's 20 racing requests without a debit or a unit", async () => {
  await credit('icy', 500);
  await setFrozen('icy', true);
  const reward = await createReward(api, { title: 'Scarf', price: 10, stock: 3 });
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => redeem('icy', reward.id, `k${i}`)),
  );
  expect(tally(results.map(outcome))).toEqual({ ACCOUNT_FROZEN: 20 });
  expect(await debits({ accountId: 'icy' })).toBe(0);
  expect((await getAccount('icy')).balance).toBe(500);
  expect(await stockAudit(reward.id)).toMatchObject({ stock: 3, taken: 0, returned: 0 });
});

it('settles everything in the recovery pass without moving a unit or a bonus', async () => {
  const catalogueBefore = await listRewards(true);
  const log = createLogger('silent');
  const summary = await resumeRedemptions({ log, graceMs: 0, now: new Date(Date.now() + 1000) });
  expect(summary).toMatchObject({ completed: 0, compensated: 0, errors: 0 });
  expect(summary.settled).toBe(summary.examined);
  expect(await listRewards(true)).toEqual(catalogueBefore);
  expect(await Redemption.countDocuments({ settled: false })).toBe(0);
  for (const reward of catalogueBefore) {
    const audit = await stockAudit(reward._id);
    expect(audit.chainIntact).toBe(true);
    expect(audit.taken - audit.returned).toBe(reward.stock === null ? 0 : audit.done);
  }
  expect(await Entry.countDocuments({ kind: 'COMPENSATION' })).toBe(0);
  expect((await verifyLedger()).ok).toBe(true);
  expect(mongoose.connection.readyState).toBe(1);
});
