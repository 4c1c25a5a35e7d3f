/**
 * Proves that the demo seed behind `npm start` (scripts/demo/seedDemo.ts) builds the network it
 * promises, through the real API and the jobs' own code over real FerretDB and Redis: every
 * material status, with a duplicate group settled and one waiting in the editor's queue; days
 * under the cap and days at it, never above; an OPEN fraud flag on the view farmer, who is banned
 * and frozen; an ACTIVE reversal by one support agent and a REINSTATED one undone by the other;
 * the demo member's negative day today and redemption; an audited look-up; a clean ledger and
 * audit chain. Then that seeding again works the way a person does it: `scripts/demo.ts` itself,
 * a second process on the same database, resets and reseeds it into the same network, serves
 * the sign-in links it prints, and stops cleanly on Ctrl-C (SIGINT). Last, that the reset never
 * wipes a database the demo did not make, unless told to.
 */
import mongoose from 'mongoose';
import { dailyCapOf } from '../../server/accrual';
import { verifyAuditLog } from '../../server/audit';
import { today } from '../../server/core/day';
import { getAccount, verifyLedger } from '../../server/ledger';
import { Material, materialStatuses } from '../../server/materials';
import { Member } from '../../server/members';
import { seedDemo, type DemoSummary } from '../../scripts/demo/seedDemo';
import {
  demoMarkerCollection,
  ForeignDataError,
  resetDemoDatabase,
} from '../../scripts/demo/resetDemoDatabase';
import { cast, demoPeople, expectedStatus, planMaterials } from '../../scripts/demo/demoNetwork';
import { startTestApi, testEnv, type TestApi } from '../support/harness';
import { killChildren, spawnTsx } from '../support/processes';

/** A seed takes well under a minute on a quiet machine; a busy one may take a few times that. */
const seedMsMax = 240_000;

let api: TestApi;
let summary: DemoSummary;
beforeAll(async () => {
  api = await startTestApi({}, 'demo_seed');
  summary = await seedDemo({ url: api.url, jwtSecret: api.config.jwtSecret });
}, seedMsMax);
afterAll(async () => {
  killChildren();
  await api?.close();
});

const as = (person: (typeof demoPeople)[number]) =>
  api.as({ sub: person.memberId, name: person.name, roles: person.roles });

async function data<T>(
  person: (typeof demoPeople)[number],
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await (await as(person))<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const expectedStatusCounts = () => {
  const counts = Object.fromEntries(materialStatuses.map((s) => [s, 0]));
  for (const m of planMaterials()) counts[expectedStatus(m)]! += 1;
  return counts;
};

it('has every member, with the personas under their own ids and names', async () => {
  expect(summary.members).toBe(demoPeople.length);
  expect(demoPeople.length).toBeGreaterThanOrEqual(45);
  const members = await Member.find({}, { name: 1 }).lean();
  expect(new Map(members.map((m) => [m._id, m.name]))).toEqual(
    new Map(demoPeople.map((p) => [p.memberId, p.name])),
  );
});

it('has materials in every status, and a duplicate group of 2-3 in the editor’s queue', async () => {
  expect(summary.materials).toEqual(expectedStatusCounts());
  for (const status of materialStatuses) expect(summary.materials[status]).toBeGreaterThan(0);

  const { moderationQueue } = await data<{
    moderationQueue: { nodes: { materials: { id: string }[] }[] };
  }>(cast.editor, '{ moderationQueue(first: 100) { nodes { materials { id } } } }');
  const groups = moderationQueue.nodes.map((g) => g.materials.map((m) => m.id).sort());
  expect(groups).toContainEqual([...summary.pendingGroup].sort());
  expect(summary.pendingGroup.length).toBeGreaterThanOrEqual(2);
  expect(summary.pendingGroup.length).toBeLessThanOrEqual(3);
  // The settled group: one published, the others DUPLICATE in the same group.
  const duplicates = await Material.find({ status: 'DUPLICATE' }).lean();
  const groupIds = new Set(duplicates.map((m) => m.duplicateGroup));
  expect(groupIds.size).toBe(1);
  const [groupId] = [...groupIds];
  expect(await Material.countDocuments({ duplicateGroup: groupId, status: 'PUBLISHED' })).toBe(1);
});

it('has days under the cap and days at it, never above', async () => {
  const { issuance } = await data<{
    issuance: { day: string; cap: number; issued: number; capped: boolean }[];
  }>(
    cast.admin,
    'query ($from: Date!, $to: Date!) { issuance(from: $from, to: $to) { day cap issued capped } }',
    { from: summary.days.from, to: summary.days.to },
  );
  expect(issuance).toHaveLength(summary.days.accrued);
  const capped = issuance.filter((d) => d.capped);
  const uncapped = issuance.filter((d) => !d.capped);
  expect(capped.length).toBeGreaterThan(0);
  expect(uncapped.length).toBeGreaterThan(0);
  for (const day of capped) expect(day.issued).toBe(day.cap);
  for (const day of uncapped) expect(day.issued).toBeLessThan(day.cap);
  // The cap moved: ADMIN changed it between days.
  expect(new Set(issuance.map((d) => d.cap)).size).toBeGreaterThan(1);
});

it('has an OPEN fraud flag on the view farmer, whom the moderator banned (frozen)', async () => {
  const { fraudFlags } = await data<{
    fraudFlags: { nodes: { memberId: string; day: string; confidence: number }[] };
  }>(cast.support, '{ fraudFlags(status: OPEN) { nodes { memberId day confidence } } }');
  expect(fraudFlags.nodes).toContainEqual(
    expect.objectContaining({ memberId: cast.viewFarmer.memberId, day: summary.farmDay }),
  );
  const { supportAccount } = await data<{
    supportAccount: { member: { banned: boolean }; account: { frozen: boolean } };
  }>(
    cast.secondSupport,
    'query ($id: ID!) { supportAccount(memberId: $id, reason: "demo seed test") { member { banned } account { frozen } } }',
    { id: cast.viewFarmer.memberId },
  );
  expect(supportAccount).toEqual({ member: { banned: true }, account: { frozen: true } });
});

it('has an ACTIVE reversal by one support agent and a REINSTATED one by the other', async () => {
  const reversals = async (status: string) =>
    (
      await data<{
        reversals: { nodes: { memberId: string; actorId: string; reinstatedBy: string | null }[] };
      }>(
        cast.support,
        `{ reversals(status: ${status}) { nodes { memberId actorId reinstatedBy } } }`,
      )
    ).reversals.nodes;
  expect(await reversals('ACTIVE')).toContainEqual({
    memberId: cast.member.memberId,
    actorId: cast.support.memberId,
    reinstatedBy: null,
  });
  expect(await reversals('REINSTATED')).toContainEqual({
    memberId: cast.wronglyReversed.memberId,
    actorId: cast.support.memberId,
    reinstatedBy: cast.secondSupport.memberId,
  });
});

it('shows the demo member a negative day today, and what they redeemed', async () => {
  const day = today();
  const { myStatement, myRedemptions } = await data<{
    myStatement: { day: string; reversed: number; spent: number; net: number }[];
    myRedemptions: { nodes: { status: string; reward: { title: string } }[] };
  }>(
    cast.member,
    `query ($day: Date!) {
      myStatement(from: $day, to: $day) { day reversed spent net }
      myRedemptions { nodes { status reward { title } } }
    }`,
    { day },
  );
  expect(myStatement).toEqual([
    {
      day,
      reversed: summary.staff.reversedAmount,
      spent: expect.any(Number),
      net: expect.any(Number),
    },
  ]);
  expect(myStatement[0]!.net).toBeLessThan(0);
  expect(myRedemptions.nodes).toContainEqual({ status: 'DONE', reward: { title: 'Sticker pack' } });
  expect(summary.catalogue.redeemed).toBeGreaterThan(1);
  expect(summary.catalogue.refused).toBe(1); // the T-shirt: out of stock
});

it('leaves a clean ledger and an intact audit chain that records every kind of act', async () => {
  const ledger = await verifyLedger({ capForDay: dailyCapOf });
  expect(ledger.breaches).toEqual([]);
  expect(ledger.cappedDays).toBe(summary.days.accrued);
  expect(await verifyAuditLog()).toMatchObject({ ok: true });
  const { auditLog } = await data<{ auditLog: { nodes: { action: string }[] } }>(
    cast.admin,
    '{ auditLog(first: 100) { nodes { action } } }',
  );
  const actions = new Set(auditLog.nodes.map((r) => r.action));
  for (const action of [
    'SUPPORT_ACCOUNT_VIEW',
    'BAN',
    'REVERSAL',
    'REINSTATEMENT',
    'SETTINGS_CHANGE',
  ])
    expect(actions).toContain(action);
});

it(
  'seeds again as `npm start` does: a second process resets, reseeds and serves the sign-in links',
  async () => {
    const balanceBefore = (await getAccount(cast.member.memberId)).balance;
    const demo = spawnTsx('scripts/demo.ts', testEnv(api.database));
    await demo.waitForLine(/^Ctrl-C stops the demo/, seedMsMax);
    const ready = demo.lines.find((line) => line.startsWith('Merit demo is ready at '))!;
    const base = /at (http:\/\/\S+)/.exec(ready)![1]!;
    const signIn = demo.lines.find((line) => line.includes('/dev/sign-in/member'));
    expect(signIn).toContain(`${base}/dev/sign-in/member`);

    const response = await fetch(`${base}/dev/sign-in/member`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const token = (response.headers.get('location') ?? '').replace('/#token=', '');
    const me = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id name } myAccount { balance } }' }),
    });
    const { data: reseeded } = (await me.json()) as {
      data: { me: { id: string; name: string }; myAccount: { balance: number } };
    };
    expect(reseeded.me).toEqual({ id: cast.member.memberId, name: cast.member.name });

    // The same network again, from scratch: same materials, same activity, same balances.
    for (const status of materialStatuses)
      expect(await Material.countDocuments({ status })).toBe(summary.materials[status]);
    expect(reseeded.myAccount.balance).toBe(balanceBefore);
    expect((await verifyLedger({ capForDay: dailyCapOf })).breaches).toEqual([]);

    demo.process.kill('SIGINT');
    expect(await demo.exited).toBe(0);
  },
  seedMsMax + 30_000,
);

it('refuses to wipe a database that the demo did not make, unless told to', async () => {
  const db = mongoose.connection.db!;
  await db.dropCollection(demoMarkerCollection);
  await expect(resetDemoDatabase()).rejects.toThrow(ForeignDataError);
  expect(await Material.countDocuments()).toBeGreaterThan(0); // nothing was dropped
  await resetDemoDatabase({ replaceForeignData: true });
  expect(await Material.countDocuments()).toBe(0);
  expect((await db.listCollections({ name: demoMarkerCollection }).toArray()).length).toBe(1);
});
