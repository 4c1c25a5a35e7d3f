/**
 * Proves SPEC §1 authentication over real HTTP: only HS256 tokens with `exp` and a valid
 * signature get in; every other token is UNAUTHENTICATED; SITE tokens carry nothing else; and a
 * member is created exactly once even when 50 first requests race.
 */
import { SignJWT, UnsecuredJWT } from 'jose';
import mongoose from 'mongoose';
import { codeOf, postGraphQL, startTestApi, testSecret, type TestApi } from '../support/harness';
import { signToken } from '../support/tokens';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, 'auth');
});
afterAll(() => api.close());

const meQuery = '{ me { id name roles banned } }';
const key = new TextEncoder().encode(testSecret);
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('JWT matrix', () => {
  it('accepts a valid HS256 token and defaults roles to MEMBER', async () => {
    const token = await new SignJWT({ sub: 'alice', name: 'Alice' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(inAnHour())
      .sign(key);
    const res = await api.gql(meQuery, {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      me: { id: 'alice', name: 'Alice', roles: ['MEMBER'], banned: false },
    });
  });

  it('keeps staff roles without requiring MEMBER', async () => {
    const res = await api.gql(
      meQuery,
      {},
      await api.token({ sub: 'sam', roles: ['SUPPORT', 'ADMIN'] }),
    );
    expect(res.data?.me).toMatchObject({ id: 'sam', roles: ['SUPPORT', 'ADMIN'] });
  });

  const refused: [string, () => Promise<string>][] = [
    [
      'alg none',
      async () => new UnsecuredJWT({ sub: 'mallory' }).setExpirationTime(inAnHour()).encode(),
    ],
    [
      'HS512',
      async () =>
        new SignJWT({ sub: 'mallory' })
          .setProtectedHeader({ alg: 'HS512' })
          .setExpirationTime(inAnHour())
          .sign(new Uint8Array(64).fill(7)),
    ],
    [
      'HS384 with the right secret',
      async () =>
        new SignJWT({ sub: 'mallory' })
          .setProtectedHeader({ alg: 'HS384' })
          .setExpirationTime(inAnHour())
          .sign(key),
    ],
    [
      'a wrong signature',
      async () =>
        new SignJWT({ sub: 'mallory' })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime(inAnHour())
          .sign(new TextEncoder().encode('another-secret-of-enough-length')),
    ],
    [
      'an expired token',
      async () =>
        new SignJWT({ sub: 'mallory' })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
          .sign(key),
    ],
    [
      'no exp',
      async () => new SignJWT({ sub: 'mallory' }).setProtectedHeader({ alg: 'HS256' }).sign(key),
    ],
    [
      'no sub',
      async () =>
        new SignJWT({ name: 'x' })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime(inAnHour())
          .sign(key),
    ],
    [
      'an unknown role',
      async () =>
        new SignJWT({ sub: 'm', roles: ['GOD'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime(inAnHour())
          .sign(key),
    ],
    ['SITE without site', async () => signToken(testSecret, { sub: 'site-bot', roles: ['SITE'] })],
    [
      'SITE with another role',
      async () => signToken(testSecret, { sub: 'site-bot', roles: ['SITE', 'ADMIN'], site: 's1' }),
    ],
    ['garbage', async () => 'not.a.jwt'],
  ];
  it.each(refused)('refuses %s with UNAUTHENTICATED in a JSON body', async (_label, make) => {
    const res = await api.gql(meQuery, {}, await make());
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });

  it('refuses an operation without a token', async () => {
    const res = await api.gql(meQuery);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed Authorization header', async () => {
    const res = await postGraphQL(api.url, meQuery, {}, undefined, { authorization: 'Basic abc' });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('lets a SITE token in, but not as a person', async () => {
    const token = await api.token({ sub: 'bot', roles: ['SITE'], site: 'news' });
    expect(codeOf(await api.gql(meQuery, {}, token))).toBe('FORBIDDEN');
    const sites = await api.gql('{ sites { id } }', {}, token);
    expect(sites.errors).toBeUndefined();
  });

  it('answers GET queries too', async () => {
    const token = await api.token({ sub: 'getter' });
    const response = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`,
      {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      },
    );
    expect(await response.json()).toEqual({ data: { me: { id: 'getter' } } });
  });
});

describe('first sight', () => {
  it('creates a member exactly once when 50 first requests race', async () => {
    const token = await api.token({ sub: 'racer', name: 'Racer' });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => api.gql(meQuery, {}, token)),
    );
    for (const res of results) expect(res.data?.me).toMatchObject({ id: 'racer' });
    const count = await mongoose.connection
      .db!.collection('members')
      .countDocuments({ _id: 'racer' as never });
    expect(count).toBe(1);
  });
});
