/**
 * Proves the accrual job is exactly-once under crashes and races (SPEC §6, §7): a job process
 * SIGKILLed at each named step and at random moments, then run again, leaves the same ledger as a
 * clean run on an identical copy of the day (one ACCRUAL per member, same amounts, sum within the
 * cap), verify-ledger and verify-accrual clean; two job processes started at the same moment
 * credit each member-day once; the CLI refuses a day that has not ended.
 *
 * Each scenario gets its own database holding the same generated day, so amounts compare
 * member by member.
 */
import mongoose from 'mongoose';
import { testEnv, testMongoUrl, uniqueName } from '../support/harness';
import { killChildren, runTsx, spawnTsx } from '../support/processes';
import { recordEvents, seedMaterials, type SeedEvent } from '../support/trust';
import { configureSettings, updateProgramSettings } from '../../server/settings';
import { connectMongo, disconnectMongo } from '../../server/core/mongo';
import { createLogger } from '../../server/core/log';
import { loadConfig } from '../../server/config';
import { addDays, dayStart, today, type UtcDay } from '../../server/core/day';
import { Entry } from '../../server/ledger/entry.model';
import { verifyLedger } from '../../server/ledger';
import { dailyCapOf, verifyAccrual } from '../../server/accrual';

const day = addDays(today(), -1);
const authors = 40;
const child = 'test/support/accrueChild.ts';

/** A day where author i's material has i + 1 distinct viewers and a like: demand well over the cap. */
async function seedDay(database: string): Promise<void> {
  await connectMongo(testMongoUrl(database));
  configureSettings(loadConfig(testEnv(database)), createLogger('silent'));
  await updateProgramSettings('admin', {
    dailyCap: 997,
    weights: { view: 1, like: 3, comment: 5, share: 8, pointsPerScore: 10 },
  });
  const ids = Array.from({ length: authors }, (_, i) => `author-${String(i).padStart(2, '0')}`);
  await seedMaterials(ids.map((id) => ({ id: `${id}-post`, authorId: id, siteId: 'news' })));
  const events: SeedEvent[] = ids.flatMap((id, i) => [
    ...Array.from({ length: i + 1 }, (_, v) => ({
      type: 'VIEW' as const,
      materialId: `${id}-post`,
      actorId: `viewer-${v}`,
      occurredAt: new Date(dayStart(day).getTime() + (i * 60 + v) * 1000),
    })),
    {
      type: 'LIKE' as const,
      materialId: `${id}-post`,
      actorId: 'fan',
      occurredAt: new Date(dayStart(day).getTime() + 3_600_000),
    },
  ]);
  await recordEvents('news', events);
  await disconnectMongo();
}

/** The day's ledger, read in-process: member -> amounts of their ACCRUAL entries for the day. */
async function ledgerOf(database: string) {
  await connectMongo(testMongoUrl(database));
  try {
    const entries = await Entry.find({ kind: 'ACCRUAL', day }).lean();
    const amounts: Record<string, number[]> = {};
    for (const e of entries) (amounts[e.accountId] ??= []).push(e.amount);
    const ledger = await verifyLedger({ capForDay: dailyCapOf });
    const accrual = await verifyAccrual(day as UtcDay);
    return { amounts, ledgerOk: ledger.ok, ledgerBreaches: ledger.breaches, accrual };
  } finally {
    await disconnectMongo();
  }
}

const accrue = (database: string, ...crash: string[]) =>
  spawnTsx(child, testEnv(database), [day, ...crash]);

let clean: Awaited<ReturnType<typeof ledgerOf>>;

beforeAll(async () => {
  const database = uniqueName('accrual_clean');
  await seedDay(database);
  const run = accrue(database);
  expect(await run.exited).toBe(0);
  clean = await ledgerOf(database);
  expect(clean.ledgerOk).toBe(true);
  expect(clean.accrual).toMatchObject({ ok: true, issued: 997 });
  expect(Object.keys(clean.amounts)).toHaveLength(authors);
}, 120_000);
afterEach(killChildren);
afterAll(() => mongoose.disconnect());

it('ends where a clean run ends after SIGKILLs at every step and at random moments', async () => {
  const database = uniqueName('accrual_crash');
  await seedDay(database);
  const namedPoints = [
    ['accrual.planned'],
    ['accrual.sharesBatchStored'],
    ['accrual.allocated'],
    ['accrual.posted', '0'],
    ['accrual.posted', '7'],
    ['accrual.posted', '23'],
  ];
  for (const point of namedPoints) {
    const run = accrue(database, ...point);
    expect(await run.exited).toBeNull(); // killed by its own crash point, a signal: no exit code
  }
  for (let kill = 0; kill < 4; kill++) {
    const run = accrue(database);
    await run.waitForLine(/^READY$/);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
    run.process.kill('SIGKILL');
    await run.exited;
  }
  const last = accrue(database);
  expect(await last.exited).toBe(0);
  const crashed = await ledgerOf(database);
  expect(crashed.ledgerBreaches).toEqual([]);
  expect(crashed.accrual).toMatchObject({ ok: true, issued: 997, problems: [] });
  expect(crashed.amounts).toEqual(clean.amounts);
}, 180_000);

it('credits each member-day once when two job processes start at the same moment', async () => {
  const database = uniqueName('accrual_race');
  await seedDay(database);
  const racers = [accrue(database), accrue(database)];
  expect(await Promise.all(racers.map((r) => r.exited))).toEqual([0, 0]);
  const posted = racers.map((r) => JSON.parse(r.lines.at(-1)!).posted as number);
  expect(posted[0]! + posted[1]!).toBe(authors);
  const raced = await ledgerOf(database);
  expect(raced.amounts).toEqual(clean.amounts);
  expect(raced.ledgerOk).toBe(true);
}, 120_000);

it('refuses, from the CLI, a day that has not ended', async () => {
  const database = uniqueName('accrual_refuse');
  const refused = spawnTsx('jobs/cli.ts', testEnv(database), ['accrue', '--day', today()]);
  expect(await refused.exited).toBe(2);
  expect(refused.stderr()).toContain('has not ended yet');
  await expect(
    runTsx('jobs/cli.ts', testEnv(database), ['accrue', '--day', '2026-02-30']),
  ).rejects.toThrow(/real date/);
});
