/**
 * Proves the accrual job's money rules on the real database (SPEC §6, R4, R5, R7, R8, R10, R16):
 * a day under the cap credits every earning in full; a day over it credits exactly the cap,
 * shared in proportion to score (the more popular author gets more; never-seen readers count
 * half once the network has history); pending and duplicate
 * materials earn nothing; a member banned on the day earns nothing while others are unaffected;
 * a rerun posts nothing; an event for an accrued day is DAY_CLOSED; issuance, the what-if and
 * verify-accrual agree with the ledger, and verify-accrual catches a tampered share.
 */
import mongoose from 'mongoose';
import { startTestApi, type TestApi } from '../../test/support/harness';
import { submitAs, upsertSites } from '../../test/support/network';
import { banMutation, recordEvents, seedMaterials, type SeedEvent } from '../../test/support/trust';
import { addDays, dayStart, today, type UtcDay } from '../core/day';
import { Entry } from '../ledger/entry.model';
import { AccrualShare } from './accrualShare.model';
import { accrueDay, verifyAccrual } from './index';

let api: TestApi;
const twoDaysAgo = addDays(today(), -2);
const yesterday = addDays(today(), -1);
const noonOf = (day: UtcDay, minute = 0) =>
  new Date(dayStart(day).getTime() + (12 * 60 + minute) * 60_000);

const views = (materialId: string, actors: number, day: UtcDay, prefix = 'v'): SeedEvent[] =>
  Array.from({ length: actors }, (_, i) => ({
    type: 'VIEW' as const,
    materialId,
    actorId: `${prefix}${i}`,
    occurredAt: noonOf(day, i % 60),
  }));

async function accrualsOf(day: UtcDay): Promise<Record<string, number>> {
  const entries = await Entry.find({ kind: 'ACCRUAL', day }).lean();
  return Object.fromEntries(entries.map((e) => [e.accountId, e.amount]));
}

async function setBudget(dailyCap: number) {
  const admin = await api.as({ sub: 'admin', roles: ['ADMIN'] });
  const res = await admin(
    'mutation($input: ProgramSettingsInput!) { updateProgramSettings(input: $input) { dailyCap } }',
    {
      input: { dailyCap, weights: { view: 1, like: 2, comment: 3, share: 4, pointsPerScore: 10 } },
    },
  );
  expect(res.errors).toBeUndefined();
}

beforeAll(async () => {
  api = await startTestApi({}, 'accrual');
  await seedMaterials([
    { id: 'alice-post', authorId: 'alice', siteId: 'news' },
    { id: 'bob-post', authorId: 'bob', siteId: 'forum' },
    { id: 'mallory-post', authorId: 'mallory', siteId: 'news' },
  ]);
});
afterAll(() => api.close());

it('credits every earning in full on a day under the cap, and posts nothing on a rerun', async () => {
  await setBudget(10_000);
  // Scores: alice sqrt(4) = 2 -> 20 bonuses; bob sqrt(9) = 3 -> 30.
  await recordEvents('news', views('alice-post', 4, twoDaysAgo));
  await recordEvents('forum', views('bob-post', 9, twoDaysAgo));
  // A viewer counts once per material and day, however often they come back (R10).
  await recordEvents('news', views('alice-post', 4, twoDaysAgo));

  const first = await accrueDay(twoDaysAgo);
  expect(first).toMatchObject({
    alreadyAccrued: false,
    earners: 2,
    issued: 50,
    cap: 10_000,
    capped: false,
    posted: 2,
  });
  expect(await accrualsOf(twoDaysAgo)).toEqual({ alice: 20, bob: 30 });

  const again = await accrueDay(twoDaysAgo);
  expect(again).toMatchObject({ alreadyAccrued: true, issued: 50, posted: 0 });
  expect(await Entry.countDocuments({ kind: 'ACCRUAL', day: twoDaysAgo })).toBe(2);
});

it('refuses events for an accrued day with DAY_CLOSED', async () => {
  const site = await api.as({ sub: 'news-backend', roles: ['SITE'], site: 'news' });
  const res = await site<{ recordActivity: { accepted: number; rejected: { reason: string }[] } }>(
    `mutation($events: [ActivityEventInput!]!) { recordActivity(events: $events) { accepted rejected { reason } } }`,
    {
      events: [
        {
          id: 'late-1',
          type: 'LIKE',
          materialId: 'alice-post',
          actorId: 'late',
          occurredAt: noonOf(twoDaysAgo).toISOString(),
        },
      ],
    },
  );
  expect(res.data?.recordActivity).toEqual({ accepted: 0, rejected: [{ reason: 'DAY_CLOSED' }] });
});

it('shares exactly the cap in proportion to score on a day over it, and skips a banned member', async () => {
  await setBudget(7);
  // Readers never seen before, on a network with history: each counts half (actorWeight.ts).
  await recordEvents('news', views('alice-post', 4, yesterday, 'y'));
  await recordEvents('forum', views('bob-post', 9, yesterday, 'y'));
  await recordEvents('news', views('mallory-post', 100, yesterday, 'm'));
  await (
    await api.as({ sub: 'mallory' })
  )('{ me { id } }'); // members exist once seen
  const moderator = await api.as({ sub: 'mod', roles: ['MODERATOR'] });
  const ban = await moderator(banMutation, { memberId: 'mallory', reason: 'view farm' });
  expect(ban.errors).toBeUndefined();

  const summary = await accrueDay(yesterday);
  // Scores: alice sqrt(4 / 2) -> 14 bonuses, bob sqrt(9 / 2) -> 21. Demand 35 > 7:
  // 7 * 14/35 = 2.8 and 7 * 21/35 = 4.2 -> 2 and 4, the leftover bonus to the larger remainder
  // (alice's .8).
  expect(summary).toMatchObject({
    scored: 2,
    excluded: 1,
    earners: 2,
    demand: 35,
    cap: 7,
    issued: 7,
    capped: true,
  });
  expect(await accrualsOf(yesterday)).toEqual({ alice: 3, bob: 4 });
});

it('gives pending and duplicate materials nothing', async () => {
  await upsertSites(api, ['news']);
  const published = await submitAs(api, 'carol', { url: 'https://c.example/story' });
  const duplicate = await submitAs(api, 'dave', { url: 'https://www.c.example/story/' });
  const pending = await submitAs(api, 'erin', { url: 'https://c.example/other' });
  const editor = await api.as({ sub: 'ed', roles: ['EDITOR'] });
  await editor('mutation($id: ID!) { publishMaterial(id: $id) { id } }', { id: published });
  const site = await api.as({ sub: 'news-backend', roles: ['SITE'], site: 'news' });
  const res = await site<{ recordActivity: { rejected: { id: string; reason: string }[] } }>(
    `mutation($events: [ActivityEventInput!]!) { recordActivity(events: $events) { rejected { id reason } } }`,
    {
      events: [duplicate, pending].map((materialId, i) => ({
        id: `not-counted-${i}`,
        type: 'VIEW',
        materialId,
        actorId: 'reader',
        occurredAt: new Date().toISOString(),
      })),
    },
  );
  expect(res.data?.recordActivity.rejected.map((r) => r.reason)).toEqual([
    'NOT_PUBLISHED',
    'NOT_PUBLISHED',
  ]);
});

it('agrees with issuance, the what-if and verify-accrual, and verify-accrual catches a tampered share', async () => {
  const admin = await api.as({ sub: 'admin', roles: ['ADMIN'] });
  const issuance = await admin<{ issuance: unknown[] }>(
    'query($from: Date!, $to: Date!) { issuance(from: $from, to: $to) { day cap issued reversed earners capped } }',
    { from: twoDaysAgo, to: yesterday },
  );
  expect(issuance.data?.issuance).toEqual([
    { day: twoDaysAgo, cap: 10_000, issued: 50, reversed: 0, earners: 2, capped: false },
    { day: yesterday, cap: 7, issued: 7, reversed: 0, earners: 2, capped: true },
  ]);

  const whatIf = await admin<{ simulateAccrual: Record<string, unknown> }>(
    'query($day: Date!) { simulateAccrual(day: $day, input: { dailyCap: 1000 }) { dailyCap demand issued earners capped actualIssued giniCoefficient topDecileShare } }',
    { day: yesterday },
  );
  expect(whatIf.data?.simulateAccrual).toMatchObject({
    dailyCap: 1000,
    demand: 35,
    issued: 35,
    earners: 2,
    capped: false,
    actualIssued: 7,
    topDecileShare: 0.6,
  });
  expect(await accrualsOf(yesterday)).toEqual({ alice: 3, bob: 4 }); // the what-if wrote nothing

  const member = await api.as({ sub: 'alice' });
  expect(
    (await member('{ issuance(from: "2026-01-01", to: "2026-01-02") { day } }')).errors?.[0]
      ?.extensions?.code,
  ).toBe('FORBIDDEN');

  expect(await verifyAccrual(yesterday)).toMatchObject({ ok: true, issued: 7, earners: 2 });
  await AccrualShare.updateOne({ day: yesterday, memberId: 'bob' }, { $set: { amount: 5 } });
  const tampered = await verifyAccrual(yesterday);
  expect(tampered.ok).toBe(false);
  expect(tampered.problems).toEqual(['member bob: recomputed 4, stored 5, credited 4']);
});

afterAll(async () => {
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
});
