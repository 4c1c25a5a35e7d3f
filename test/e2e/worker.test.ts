/**
 * Proves the worker (SPEC §6, §8): two worker processes started on a database with an ended,
 * un-accrued day catch it up once between them (one ACCRUAL per member-day), run the rest of the
 * day's chain (detect-fraud, verify-accrual, verify-ledger) to completion, register the daily and
 * recovery schedulers (upserted, so two workers leave one of each), and stop cleanly on SIGTERM.
 */
import mongoose from 'mongoose';
import { loadConfig } from '../../server/config';
import { connectMongo, disconnectMongo } from '../../server/core/mongo';
import { addDays, dayStart, today } from '../../server/core/day';
import { Entry } from '../../server/ledger/entry.model';
import { openQueue } from '../../jobs/queue';
import { runId } from '../../jobs/schedule';
import { testEnv, testMongoUrl, uniqueName } from '../support/harness';
import { killChildren, spawnTsx } from '../support/processes';
import { recordEvents, seedMaterials } from '../support/trust';

const database = uniqueName('worker');
const env = testEnv(database, { LOG_LEVEL: 'info' });
const day = addDays(today(), -1);
const { queue, close: closeQueue } = openQueue(loadConfig(env));

beforeAll(async () => {
  await connectMongo(testMongoUrl(database));
  await seedMaterials([
    { id: 'w1', authorId: 'wanda', siteId: 'news' },
    { id: 'w2', authorId: 'walt', siteId: 'news' },
  ]);
  await recordEvents(
    'news',
    ['w1', 'w2', 'w2'].map((materialId, i) => ({
      type: 'VIEW' as const,
      materialId,
      actorId: `reader-${i}`,
      occurredAt: new Date(dayStart(day).getTime() + 3_600_000),
    })),
  );
});
afterAll(async () => {
  killChildren();
  await queue.obliterate({ force: true });
  await closeQueue();
  await mongoose.connection.db?.dropDatabase();
  await disconnectMongo();
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

it('catches up a missed day once across two workers and runs its whole chain', async () => {
  const workers = [spawnTsx('jobs/worker.ts', env), spawnTsx('jobs/worker.ts', env)];
  await Promise.all(workers.map((w) => w.waitForLine(/merit worker started/, 30_000)));

  await until('the day chain to finish', async () => {
    const last = await queue.getJob(runId('verify-ledger', day));
    return (await last?.isCompleted()) ?? false;
  });
  for (const step of ['accrue', 'detect-fraud', 'verify-accrual'] as const) {
    expect(await (await queue.getJob(runId(step, day)))?.isCompleted()).toBe(true);
  }
  const accruals = await Entry.find({ kind: 'ACCRUAL', day }).lean();
  expect(accruals.map((e) => [e.accountId, e.amount]).sort()).toEqual([
    ['walt', 1],
    ['wanda', 1],
  ]);

  const schedulers = await queue.getJobSchedulers();
  expect(schedulers.map((s) => s.key).sort()).toEqual(['daily', 'resume-redemptions']);
  expect(schedulers.find((s) => s.key === 'daily')).toMatchObject({
    pattern: '5 0 * * *',
    tz: 'UTC',
  });

  for (const worker of workers) worker.process.kill('SIGTERM');
  expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
}, 120_000);
