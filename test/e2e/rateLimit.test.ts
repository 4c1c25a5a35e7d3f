/**
 * Proves the per-member and per-IP limits (SPEC §7): a burst from one member gets RATE_LIMITED
 * with the wait in extensions.retryAfter (and a Retry-After header) while another member still
 * passes; the IP limit refuses with the same GraphQL error body.
 */
import { codeOf, startTestApi, type TestApi } from '../support/harness';

let api: TestApi;
afterEach(() => api.close());

it('limits a bursting member without affecting another member', async () => {
  api = await startTestApi({ RATE_MEMBER_PER_MIN: '5' }, 'rate');
  const burster = await api.as({ sub: 'burster' });
  const results = await Promise.all(Array.from({ length: 8 }, () => burster('{ me { id } }')));
  const limited = results.filter((r) => codeOf(r) === 'RATE_LIMITED');
  expect(limited).toHaveLength(3);
  expect(limited[0]?.status).toBe(429);
  expect(limited[0]?.errors?.[0]?.extensions?.retryAfter).toEqual(expect.any(Number));
  expect(Number(limited[0]?.headers.get('retry-after'))).toBeGreaterThan(0);

  const other = await api.as({ sub: 'calm' });
  expect((await other('{ me { id } }')).data).toEqual({ me: { id: 'calm' } });
});

it('limits an IP with a GraphQL error body', async () => {
  api = await startTestApi({ RATE_IP_PER_MIN: '3' }, 'rateip');
  const results = await Promise.all(Array.from({ length: 5 }, () => api.gql('{ supportUrl }')));
  expect(results.filter((r) => codeOf(r) === 'RATE_LIMITED')).toHaveLength(2);
  expect(results.filter((r) => r.data?.supportUrl)).toHaveLength(3);
});
