/**
 * Proves that live pushes survive Redis being down (SPEC §7): with a dedicated redis-server that
 * the test kills, a posting in an API process still succeeds and still reaches that process's
 * own sockets (nothing crashes on the publish that fails); a job process posts and exits cleanly
 * (its pushes are dropped, with a warning); once Redis is back, the API's subscription is
 * renewed and a job's push reaches the socket through Redis again; and the API shuts down
 * while Redis is down (nothing waits for it). Child processes run with
 * Node's default policy, under which one unobserved rejected publish would crash them.
 */
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { startRedis, stopChild } from '../../scripts/services';
import type { UtcDay } from '../../server/core/day';
import { postEntry } from '../../server/ledger';
import type { BalancePush } from '../../server/live';
import { startTestApi, testEnv, type TestApi } from '../support/harness';
import { killChildren, spawnTsx } from '../support/processes';

let api: TestApi;
let redis: Awaited<ReturnType<typeof startRedis>>;
let redisUrl: string;
let socket: Socket;
const received: BalancePush[] = [];

beforeAll(async () => {
  redis = await startRedis(false, () => undefined, true);
  redisUrl = `redis://127.0.0.1:${redis.port}/0`;
  api = await startTestApi({ REDIS_URL: redisUrl }, 'liveredisdown');
  socket = io(api.url, { auth: { token: await api.token({ sub: 'carol' }) } });
  socket.on('balance', (push: BalancePush) => received.push(push));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
}, 60_000);
afterAll(async () => {
  socket.disconnect();
  killChildren();
  if (redis.child) await stopChild(redis.child);
});

const waitUntil = async (
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const credit = (key: string, amount: number) => ({
  memberId: 'carol',
  amount,
  kind: 'ACCRUAL' as const,
  day: '2026-01-20' as UtcDay,
  idempotencyKey: key,
  ref: { type: 'test', id: key },
});

/** A job process posts one credit and exits; resolves with its exit code. */
async function postInJob(key: string, amount: number): Promise<number | null> {
  const job = spawnTsx('test/support/jobPoster.ts', testEnv(api.database, { REDIS_URL: redisUrl }));
  await job.waitForLine(/^READY$/, 30_000);
  job.send(JSON.stringify(credit(key, amount)));
  await job.waitForLine(/^POSTED /);
  job.process.stdin!.end();
  return job.exited;
}

it('posts and pushes locally while Redis is down, and through Redis again once it is back', async () => {
  await stopChild(redis.child!);
  const local = await postEntry(credit('down-api', 5));
  expect(local.created).toBe(true);
  await waitUntil('the local push', () => received.length === 1);
  expect(received[0]).toMatchObject({
    balance: 5,
    delta: 5,
    entryId: local.entry._id.toHexString(),
  });

  expect(await postInJob('down-job', 3)).toBe(0);
  expect(api.logs.text).not.toContain('"level":50');
  expect(api.logs.text).toContain('live push: a Redis command failed');

  redis = await startRedis(false, () => undefined, true, redis.port);
  // Pushes published before the adapter's subscription is renewed would be lost (a lost push
  // costs nothing: clients refetch on reconnect), so wait for it before posting.
  const probe = new Redis(redisUrl);
  try {
    await waitUntil(
      'the adapter to subscribe again',
      async () => Number(await probe.call('PUBSUB', 'NUMPAT')) > 0,
    );
  } finally {
    probe.disconnect();
  }
  expect(await postInJob('back-job', 7)).toBe(0);
  await waitUntil('the job’s push through Redis', () => received.length === 2);
  expect(received[1]).toMatchObject({ balance: 15, delta: 7 });
}, 120_000);

it('shuts down while Redis is down', async () => {
  await stopChild(redis.child!);
  socket.disconnect();
  await api.close();
}, 10_000);
