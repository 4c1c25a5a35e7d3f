/**
 * Proves the catalogue and a single member's redemptions over real HTTP and the real database:
 * - upsertReward is ADMIN only (role before arguments), validates each field by name and writes
 *   nothing on bad input, creates without id, updates with id (unknown id NOT_FOUND), keeps
 *   omitted fields, and `stock: null` reads back as null (unlimited);
 * - members see active rewards only, ADMIN sees all;
 * - redeemReward debits the price once, takes one unit, and a replay returns the same redemption;
 *   a failed redemption replays its error code even after the cause is gone; the same key for
 *   another reward is CONFLICT; a frozen account, a short balance and an empty stock are refused
 *   without debit or lost unit; an inactive reward is NOT_FOUND;
 * - myRedemptions lists the member's own redemptions, newest first, page by page.
 */
import { Entry } from '../ledger/entry.model';
import { getAccount, setFrozen, verifyLedger } from '../ledger';
import { codeOf, startTestApi, type TestApi } from '../../test/support/harness';
import {
  createReward,
  credit,
  redeemMutation,
  rewardAsAdmin,
  upsertRewardMutation,
} from '../../test/support/rewards';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, 'rewards');
});
afterAll(() => api.close());

const asAdmin = () => api.as({ sub: 'admin', roles: ['ADMIN'] });
const redeemAs = async (memberId: string, rewardId: string, key: string) =>
  (await api.as({ sub: memberId }))(redeemMutation, { rewardId, key });

describe('upsertReward', () => {
  it('is for ADMIN only, whatever the arguments', async () => {
    for (const roles of [['MEMBER'], ['SUPPORT'], ['EDITOR', 'MODERATOR']] as const) {
      const gql = await api.as({ sub: 'someone', roles: [...roles] });
      expect(codeOf(await gql(upsertRewardMutation, { input: { title: '', price: -1 } }))).toBe(
        'FORBIDDEN',
      );
    }
  });

  it.each([
    ['a blank title', { title: '  ', price: 10 }, 'title'],
    ['a title over 200 characters', { title: 'x'.repeat(201), price: 10 }, 'title'],
    ['no title on create', { price: 10 }, 'title'],
    ['no price on create', { title: 'Mug' }, 'price'],
    ['a zero price', { title: 'Mug', price: 0 }, 'price'],
    ['a negative price', { title: 'Mug', price: -5 }, 'price'],
    ['a negative stock', { title: 'Mug', price: 10, stock: -1 }, 'stock'],
    ['a blank id', { id: ' ', title: 'Mug', price: 10 }, 'id'],
  ])('refuses %s naming the field, writing nothing', async (_label, input, field) => {
    const gql = await asAdmin();
    const before = (await gql<{ rewards: unknown[] }>('{ rewards { id } }')).data?.rewards.length;
    const res = await gql(upsertRewardMutation, { input });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    const after = (await gql<{ rewards: unknown[] }>('{ rewards { id } }')).data?.rewards.length;
    expect(after).toBe(before);
  });

  it('creates, updates, keeps omitted fields, and reads stock null back as null', async () => {
    const created = await createReward(api, { title: '  T-shirt ', price: 500, stock: 3 });
    expect(created).toEqual({
      id: expect.any(String),
      title: 'T-shirt',
      price: 500,
      stock: 3,
      active: true,
    });
    const gql = await asAdmin();
    const renamed = await gql(upsertRewardMutation, { input: { id: created.id, title: 'Tee' } });
    expect(renamed.data?.upsertReward).toEqual({ ...created, title: 'Tee' });
    const unlimited = await gql(upsertRewardMutation, { input: { id: created.id, stock: null } });
    expect(unlimited.data?.upsertReward).toEqual({ ...created, title: 'Tee', stock: null });
    expect(await rewardAsAdmin(api, created.id)).toEqual({ ...created, title: 'Tee', stock: null });
    const unknown = await gql(upsertRewardMutation, {
      input: { id: 'no-such-reward', title: 'X', price: 1 },
    });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
  });

  it('shows members the active rewards only, and ADMIN all of them', async () => {
    const shown = await createReward(api, { title: 'Shown', price: 1 });
    const hidden = await createReward(api, { title: 'Hidden', price: 1, active: false });
    const member = await api.as({ sub: 'browser' });
    const ids = (
      await member<{ rewards: { id: string }[] }>('{ rewards { id } }')
    ).data?.rewards.map((r) => r.id);
    expect(ids).toContain(shown.id);
    expect(ids).not.toContain(hidden.id);
    expect(await rewardAsAdmin(api, hidden.id)).toMatchObject({ active: false });
  });
});

describe('redeemReward', () => {
  it('debits the price once per key and takes one unit', async () => {
    await credit('ann', 100);
    const reward = await createReward(api, { title: 'Mug', price: 30, stock: 5 });
    const first = await redeemAs('ann', reward.id, 'click-1');
    expect(first.errors).toBeUndefined();
    expect(first.data?.redeemReward).toMatchObject({
      reward: { id: reward.id, title: 'Mug' },
      price: 30,
      status: 'DONE',
      failureCode: null,
      compensated: false,
    });
    const replay = await redeemAs('ann', reward.id, 'click-1');
    expect(replay.data?.redeemReward).toEqual(first.data?.redeemReward);
    expect((await getAccount('ann')).balance).toBe(70);
    expect((await rewardAsAdmin(api, reward.id))?.stock).toBe(4);
    expect(await Entry.countDocuments({ accountId: 'ann', kind: 'REDEMPTION' })).toBe(1);
  });

  it('replays a failure with the same code, even once the cause is gone; another reward is CONFLICT', async () => {
    const reward = await createReward(api, { title: 'Poster', price: 50 });
    const broke = await redeemAs('bob', reward.id, 'k');
    expect(codeOf(broke)).toBe('INSUFFICIENT_FUNDS');
    await credit('bob', 80);
    expect(codeOf(await redeemAs('bob', reward.id, 'k'))).toBe('INSUFFICIENT_FUNDS');
    const other = await createReward(api, { title: 'Sticker', price: 1 });
    expect(codeOf(await redeemAs('bob', other.id, 'k'))).toBe('CONFLICT');
    expect((await redeemAs('bob', reward.id, 'k2')).data?.redeemReward).toMatchObject({
      status: 'DONE',
    });
    expect((await getAccount('bob')).balance).toBe(30);
  });

  it('refuses a frozen account and an empty stock without taking money or a unit', async () => {
    await credit('cid', 100);
    const reward = await createReward(api, { title: 'Cap', price: 10, stock: 1 });
    await setFrozen('cid', true);
    expect(codeOf(await redeemAs('cid', reward.id, 'a'))).toBe('ACCOUNT_FROZEN');
    expect((await rewardAsAdmin(api, reward.id))?.stock).toBe(1);
    await setFrozen('cid', false);
    expect((await redeemAs('cid', reward.id, 'b')).data?.redeemReward).toMatchObject({
      status: 'DONE',
    });
    expect(codeOf(await redeemAs('cid', reward.id, 'c'))).toBe('OUT_OF_STOCK');
    expect((await rewardAsAdmin(api, reward.id))?.stock).toBe(0);
    expect((await getAccount('cid')).balance).toBe(90);
  });

  it('hides inactive and unknown rewards, and checks its arguments', async () => {
    await credit('dan', 100);
    const inactive = await createReward(api, { title: 'Old', price: 1, active: false });
    expect(codeOf(await redeemAs('dan', inactive.id, 'a'))).toBe('NOT_FOUND');
    expect(codeOf(await redeemAs('dan', 'nope', 'a'))).toBe('NOT_FOUND');
    const reward = await createReward(api, { title: 'New', price: 1 });
    for (const key of ['', 'k'.repeat(201)]) {
      const res = await redeemAs('dan', reward.id, key);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe('idempotencyKey');
    }
    const staff = await api.as({ sub: 'sue', roles: ['SUPPORT'] });
    expect(codeOf(await staff(redeemMutation, { rewardId: reward.id, key: 'x' }))).toBe(
      'FORBIDDEN',
    );
    expect((await getAccount('dan')).balance).toBe(100);
  });
});

describe('myRedemptions', () => {
  it("lists the member's own redemptions, newest first, page by page", async () => {
    await credit('eve', 100);
    const reward = await createReward(api, { title: 'Pin', price: 1 });
    for (const key of ['1', '2', '3']) await redeemAs('eve', reward.id, key);
    await redeemAs('eve', reward.id, 'x'.repeat(3)); // a fourth
    await credit('fay', 100);
    await redeemAs('fay', reward.id, '1');
    const eve = await api.as({ sub: 'eve' });
    const query = `query ($after: String) { myRedemptions(first: 3, after: $after) {
      nodes { id status price createdAt } pageInfo { endCursor hasNextPage } } }`;
    type PageData = {
      myRedemptions: {
        nodes: { id: string; createdAt: string }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    };
    const first = (await eve<PageData>(query)).data!.myRedemptions;
    expect(first.nodes).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await eve<PageData>(query, { after: first.pageInfo.endCursor })).data!
      .myRedemptions;
    expect(second.nodes).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const all = [...first.nodes, ...second.nodes];
    const times = all.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(all.map((n) => n.id)).size).toBe(4);
  });

  it('keeps the ledger verifiable', async () => {
    expect((await verifyLedger()).ok).toBe(true);
  });
});
