/**
 * Proves that outside production introspection is allowed and the query-shape limits do not
 * apply (SPEC §4), so developer tools keep working.
 */
import { startTestApi, type TestApi } from '../support/harness';

let dev: TestApi;
beforeAll(async () => {
  dev = await startTestApi({ NODE_ENV: 'development' }, 'dev');
});
afterAll(() => dev.close());

const nested = (depth: number) =>
  `{ me { ${'... on Member { '.repeat(depth)} id ${'} '.repeat(depth)} } }`;

it('allows introspection outside production, without the limits', async () => {
  const res = await dev.gql('{ __schema { queryType { name } } }');
  expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  const deep = await dev.gql(nested(20), {}, await dev.token({ sub: 'd1' }));
  expect(deep.data).toEqual({ me: { id: 'd1' } });
});
