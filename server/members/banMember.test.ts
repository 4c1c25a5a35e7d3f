/**
 * Proves R16/R18/R19 over the real API: a ban freezes the account (balance kept, a redemption
 * refused with ACCOUNT_FROZEN, `me` and `myAccount` still readable), an unban unfreezes it, a
 * friend's account is untouched throughout; banning twice is a no-op (one interval, one audit
 * record); only MODERATOR and ADMIN may ban; bad input changes nothing. Then the intervals:
 * racing bans open one interval, a racing ban and unban leave the flags as the intervals say,
 * and wasBannedOn / membersBannedOn answer "banned at any moment of that UTC day".
 */
import { Types } from 'mongoose';
import type { UtcDay } from '../core/day';
import { codeOf, startTestApi, type TestApi } from '../../test/support/harness';
import {
  accountFields,
  accrue,
  auditLogQuery,
  banMutation,
  unbanMutation,
} from '../../test/support/trust';
import { getAccount } from '../ledger';
import { Ban } from './ban.model';
import { Member } from './member.model';
import { banMember, membersBannedOn, unbanMember, wasBannedOn } from '.';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, 'bans');
});
afterAll(() => api.close());

const accountQuery = `{ me { id banned } myAccount { ${accountFields} } }`;
const mod = () => api.as({ sub: 'mod', roles: ['MODERATOR'] });

async function redeemOne(memberId: string, key: string) {
  const admin = await api.as({ sub: 'admin', roles: ['ADMIN'] });
  const reward = await admin<{ upsertReward: { id: string } }>(
    'mutation { upsertReward(input: { title: "Mug", price: 10 }) { id } }',
  );
  const member = await api.as({ sub: memberId });
  return member(
    'mutation ($id: ID!, $key: String!) { redeemReward(rewardId: $id, idempotencyKey: $key) { id } }',
    { id: reward.data!.upsertReward.id, key },
  );
}

it('freezes on ban, unfreezes on unban, and leaves a friend alone', async () => {
  const alice = await api.as({ sub: 'alice' });
  const bob = await api.as({ sub: 'bob' });
  await alice('{ me { id } }');
  await bob('{ me { id } }');
  await accrue('alice', '2026-01-01', 100);
  await accrue('bob', '2026-01-01', 70);
  const moderator = await mod();

  const banned = await moderator(banMutation, { memberId: 'alice', reason: 'spam ring' });
  expect(banned.errors).toBeUndefined();
  expect(banned.data).toEqual({ banMember: { id: 'alice', banned: true, roles: [] } });

  const aliceView = await alice(accountQuery);
  expect(aliceView.data).toEqual({
    me: { id: 'alice', banned: true },
    myAccount: expect.objectContaining({ balance: 100, frozen: true }),
  });
  expect(codeOf(await redeemOne('alice', 'k1'))).toBe('ACCOUNT_FROZEN');
  expect((await alice(accountQuery)).data?.myAccount).toMatchObject({ balance: 100 });

  const bobView = await bob(accountQuery);
  expect(bobView.data).toEqual({
    me: { id: 'bob', banned: false },
    myAccount: expect.objectContaining({ balance: 70, frozen: false }),
  });
  expect((await redeemOne('bob', 'k1')).errors).toBeUndefined();

  const unbanned = await moderator(unbanMutation, { memberId: 'alice', reason: 'appeal' });
  expect(unbanned.data).toEqual({ unbanMember: { id: 'alice', banned: false } });
  expect((await alice(accountQuery)).data?.myAccount).toMatchObject({
    balance: 100,
    frozen: false,
  });
  expect((await redeemOne('alice', 'k2')).errors).toBeUndefined();
  expect((await alice(accountQuery)).data?.myAccount).toMatchObject({ balance: 90 });
  expect((await bob(accountQuery)).data?.myAccount).toMatchObject({ balance: 60, frozen: false });
});

it('treats a second ban as a no-op: one interval, one audit record', async () => {
  const carol = await api.as({ sub: 'carol' });
  await carol('{ me { id } }');
  const moderator = await mod();
  const admin = await api.as({ sub: 'admin2', roles: ['ADMIN'] });
  await moderator(banMutation, { memberId: 'carol', reason: 'first' });
  const again = await admin(banMutation, { memberId: 'carol', reason: 'second' });
  expect(again.data).toEqual({ banMember: { id: 'carol', banned: true, roles: [] } });
  expect(await Ban.find({ memberId: 'carol' }).lean()).toEqual([
    expect.objectContaining({ n: 1, reason: 'first', by: 'mod', until: null }),
  ]);
  const support = await api.as({ sub: 'sup', roles: ['SUPPORT'] });
  const log = await support<{ auditLog: { nodes: { action: string; targetId: string }[] } }>(
    auditLogQuery,
    { first: 100 },
  );
  const carolBans = log.data!.auditLog.nodes.filter((r) => r.targetId === 'carol');
  expect(carolBans).toEqual([
    expect.objectContaining({ action: 'BAN', actorId: 'mod', reason: 'first' }),
  ]);
});

it('lets only MODERATOR and ADMIN ban, and refuses bad input without writing', async () => {
  await (
    await api.as({ sub: 'dave' })
  )('{ me { id } }');
  for (const roles of [['MEMBER'], ['SUPPORT'], ['EDITOR']] as const) {
    const caller = await api.as({ sub: 'x', roles: [...roles] });
    expect(codeOf(await caller(banMutation, { memberId: 'dave', reason: 'r' }))).toBe('FORBIDDEN');
    expect(codeOf(await caller(unbanMutation, { memberId: 'dave', reason: 'r' }))).toBe(
      'FORBIDDEN',
    );
  }
  const moderator = await mod();
  const blank = await moderator(banMutation, { memberId: 'dave', reason: '  ' });
  expect(codeOf(blank)).toBe('BAD_USER_INPUT');
  expect(blank.errors?.[0]?.extensions?.field).toBe('reason');
  expect(codeOf(await moderator(banMutation, { memberId: 'nobody', reason: 'r' }))).toBe(
    'NOT_FOUND',
  );
  expect(await Ban.countDocuments({ memberId: { $in: ['dave', 'nobody'] } })).toBe(0);
  expect((await Member.findById('dave').lean())?.banned).toBe(false);
});

it('opens one interval when 10 bans race, and ends a racing ban and unban consistently', async () => {
  await Member.create({ _id: 'eve', name: null, createdAt: new Date(), banned: false });
  await Promise.all(
    Array.from({ length: 10 }, (_, i) => banMember(`mod${i}`, { memberId: 'eve', reason: 'r' })),
  );
  expect(await Ban.countDocuments({ memberId: 'eve' })).toBe(1);

  for (let round = 0; round < 5; round++) {
    await Promise.allSettled([
      banMember('m1', { memberId: 'eve', reason: 'again' }),
      unbanMember('m2', { memberId: 'eve', reason: 'lift' }),
    ]);
    const latest = await Ban.findOne({ memberId: 'eve' }).sort({ n: -1 }).lean();
    const member = await Member.findById('eve').lean();
    expect(member?.banned).toBe(latest?.until === null);
    expect((await getAccount('eve')).frozen).toBe(latest?.until === null);
  }
});

it('says a member was banned on every UTC day that a ban interval touches', async () => {
  const at = (iso: string) => new Date(iso);
  await Ban.collection.insertMany([
    ban('frank', 1, at('2026-02-10T23:59:00Z'), at('2026-02-12T00:01:00Z')),
    ban('frank', 2, at('2026-02-20T12:00:00Z'), null),
    ban('gina', 1, at('2026-02-11T00:00:00Z'), at('2026-02-11T00:00:00.001Z')),
  ]);
  const days = ['2026-02-09', '2026-02-10', '2026-02-11', '2026-02-12', '2026-02-13'];
  const frank = await Promise.all(days.map((d) => wasBannedOn('frank', d as UtcDay)));
  expect(frank).toEqual([false, true, true, true, false]);
  expect(await wasBannedOn('frank', '2026-02-19' as UtcDay)).toBe(false);
  expect(await wasBannedOn('frank', '2026-03-30' as UtcDay)).toBe(true);
  expect(await wasBannedOn('gina', '2026-02-10' as UtcDay)).toBe(false);
  expect(await wasBannedOn('gina', '2026-02-11' as UtcDay)).toBe(true);
  expect([...(await membersBannedOn('2026-02-11' as UtcDay))].sort()).toEqual(['frank', 'gina']);
  expect([...(await membersBannedOn('2026-02-13' as UtcDay))]).toEqual([]);
});

const ban = (memberId: string, n: number, from: Date, until: Date | null) => ({
  _id: new Types.ObjectId(),
  memberId,
  n,
  from,
  until,
  reason: 'test',
  by: 'mod',
  unbanReason: null,
  unbannedBy: null,
});
