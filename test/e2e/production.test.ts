/**
 * Proves the production guards of SPEC §4: with NODE_ENV=production introspection is refused,
 * and queries deeper than 15 levels or with more than 50 aliases are refused before execution,
 * while an ordinary query still runs.
 */
import { codeOf, startTestApi, type TestApi } from '../support/harness';

let prod: TestApi;
let token: string;
beforeAll(async () => {
  prod = await startTestApi({ NODE_ENV: 'production' }, 'prod');
  token = await prod.token({ sub: 'p1' });
});
afterAll(() => prod.close());

const nested = (depth: number) =>
  `{ me { ${'... on Member { '.repeat(depth)} id ${'} '.repeat(depth)} } }`;

it('refuses introspection in production', async () => {
  const res = await prod.gql('{ __schema { types { name } } }', {}, token);
  expect(res.errors?.length).toBeGreaterThan(0);
  expect(res.data ?? null).toBeNull();
});

it('refuses a 20-deep query before execution', async () => {
  const res = await prod.gql(nested(20), {}, token);
  expect(res.errors?.[0]?.message).toMatch(/depth|cost/i);
  expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(res.data ?? null).toBeNull();
});

it('refuses a 500-alias query before execution', async () => {
  const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: me { id }`).join(' ');
  const res = await prod.gql(`{ ${aliases} }`, {}, token);
  expect(res.errors?.[0]?.message).toMatch(/alias/i);
  expect(res.data ?? null).toBeNull();
});

it('draws the depth line at 15 levels', async () => {
  // `me` is level 1 and `id` the last: nested(13) is 15 levels deep, nested(14) is 16.
  expect((await prod.gql(nested(13), {}, token)).data).toEqual({ me: { id: 'p1' } });
  const tooDeep = await prod.gql(nested(14), {}, token);
  expect(tooDeep.errors?.[0]?.message).toMatch(/depth limit of 15/i);
});

it('runs an ordinary query in production', async () => {
  const res = await prod.gql(nested(5), {}, token);
  expect(res.errors).toBeUndefined();
  expect(res.data).toEqual({ me: { id: 'p1' } });
});
