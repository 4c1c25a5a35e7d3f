/**
 * Proves SPEC §7 "Redis down": with a dedicated redis-server that the test kills, the server
 * stays up, /readyz answers 503 naming redis, balances and reads keep working from MongoDB, an
 * operation that needs Redis (a member's submission quota) answers SERVICE_UNAVAILABLE and writes
 * nothing; after Redis is back everything answers again.
 */
import mongoose from 'mongoose';
import { startRedis, stopChild } from '../../scripts/services';
import { codeOf, startTestApi, type TestApi } from '../support/harness';

let api: TestApi;
let redis: Awaited<ReturnType<typeof startRedis>>;

beforeAll(async () => {
  redis = await startRedis(false, () => undefined, true);
  api = await startTestApi({ REDIS_URL: `redis://127.0.0.1:${redis.port}/0` }, 'redisdown');
});
afterAll(async () => {
  await api.close();
  if (redis.child) await stopChild(redis.child);
});

const readyz = async () => {
  const res = await fetch(`${api.url}/readyz`);
  return { status: res.status, body: (await res.json()) as { failing: string[] } };
};
const waitUntil = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
};

const submit = `mutation($input: SubmitMaterialInput!) { submitMaterial(input: $input) { id status } }`;

it('keeps serving reads and refuses Redis-bound writes while Redis is down', async () => {
  const admin = await api.as({ sub: 'admin', roles: ['ADMIN'] });
  await admin(
    'mutation { upsertSite(input: { id: "news", name: "News", domain: "news.example" }) { id } }',
  );
  const member = await api.as({ sub: 'reader' });
  await waitUntil(async () => (await readyz()).status === 200);
  expect(await readyz()).toEqual({ status: 200, body: expect.objectContaining({ failing: [] }) });

  await stopChild(redis.child!);
  await waitUntil(async () => (await readyz()).status === 503);
  expect((await readyz()).body.failing).toEqual(['redis']);

  const me = await member('{ me { id } myAccount { balance } }');
  expect(me.errors).toBeUndefined();
  expect(me.data).toEqual({ me: { id: 'reader' }, myAccount: { balance: 0 } });

  const input = {
    siteId: 'news',
    title: 'A guide',
    url: 'https://news.example/guide',
    category: 'guides',
  };
  const refused = await member(submit, { input });
  expect(codeOf(refused)).toBe('SERVICE_UNAVAILABLE');
  expect(await mongoose.connection.db!.collection('materials').countDocuments()).toBe(0);

  redis = await startRedis(false, () => undefined, true, redis.port);
  await waitUntil(async () => (await readyz()).status === 200);
  expect((await readyz()).body.failing).toEqual([]);
  const accepted = await member(submit, { input });
  expect(accepted.data).toEqual({ submitMaterial: { id: expect.any(String), status: 'PENDING' } });
});
