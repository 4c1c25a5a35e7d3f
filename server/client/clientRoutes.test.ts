/**
 * Proves the browser side of the server: the built client is served with an SPA fallback that
 * never shadows the API, health checks, sockets, missing files or /dev; the development sign-in
 * mints tokens the API accepts for each persona; and in production /dev/sign-in does not exist.
 * Uses a fixture dist folder (no vite build) and real servers through the harness.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../../test/support/harness';
import { clientRoutes, demoPersonas, isClientBuildStale, signInPath } from '.';

const dist = mkdtempSync(join(tmpdir(), 'merit-client-dist-'));
const indexHtml = '<!doctype html><title>fixture app</title><div id="root"></div>';
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), indexHtml);
writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log("app")');

afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** One server at a time: the process has one mongoose connection. */
function serverFor(env: Record<string, string>, distDir = dist) {
  const holder: { api?: TestApi } = {};
  beforeAll(async () => {
    holder.api = await startTestApi(env, 'client', {
      extraRoutes: (config) => clientRoutes(config, { distDir }),
    });
  });
  afterAll(() => holder.api?.close());
  return () => holder.api!;
}

const get = (api: TestApi, path: string) => fetch(`${api.url}${path}`, { redirect: 'manual' });

describe('static client', () => {
  const api = serverFor({});
  it.each(['/', '/account', '/support/audit'])(
    'answers the screen path %s with the app',
    async (path) => {
      const response = await get(api(), path);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(indexHtml);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('serves hashed assets as immutable and 404s a missing one', async () => {
    const asset = await get(api(), '/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await get(api(), '/assets/missing-000.js')).status).toBe(404);
    expect((await get(api(), '/favicon.ico')).status).toBe(404);
  });

  it('leaves the API, health checks and sockets to their own routes', async () => {
    expect(await (await get(api(), '/healthz')).json()).toEqual({ status: 'ok' });
    const graphql = await get(api(), `/graphql?query=${encodeURIComponent('{ supportUrl }')}`);
    expect(await graphql.json()).toEqual({ data: { supportUrl: expect.any(String) } });
    const socket = await get(api(), '/socket.io/?EIO=4&transport=polling');
    expect(await socket.text()).not.toBe(indexHtml);
  });
});

describe('before the first build', () => {
  const empty = mkdtempSync(join(tmpdir(), 'merit-client-empty-'));
  const api = serverFor({}, empty);
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('says the app is being prepared', async () => {
    const response = await get(api(), '/account');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('being prepared');
  });
});

describe('development sign-in', () => {
  const api = serverFor({});
  it('lists every persona with its link', async () => {
    const response = await get(api(), '/dev/sign-in');
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const persona of demoPersonas) {
      expect(html).toContain(persona.name);
      expect(html).toContain(`href="${signInPath(persona)}"`);
    }
  });

  it.each(demoPersonas.map((p) => [p.key, p] as const))(
    'signs in as %s with a token the API accepts',
    async (_key, persona) => {
      const response = await get(api(), signInPath(persona));
      expect(response.status).toBe(302);
      const location = response.headers.get('location') ?? '';
      expect(location).toMatch(/^\/#token=[\w-]+\.[\w-]+\.[\w-]+$/);
      const token = location.slice('/#token='.length);
      const me = await api().gql('{ me { id name roles } }', {}, token);
      expect(me.data).toEqual({
        me: { id: persona.memberId, name: persona.name, roles: persona.roles },
      });
    },
  );

  it('refuses an unknown persona', async () => {
    expect((await get(api(), '/dev/sign-in/nobody')).status).toBe(404);
  });
});

describe('development sign-in in production', () => {
  const api = serverFor({ NODE_ENV: 'production' });

  it('does not exist, not even as the app', async () => {
    for (const path of ['/dev/sign-in', signInPath(demoPersonas[0]!)]) {
      const response = await get(api(), path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toBe(indexHtml);
    }
    expect((await get(api(), '/account')).status).toBe(200);
  });
});

describe('build freshness', () => {
  it('calls a build stale when missing or older than the client sources', () => {
    const built = mkdtempSync(join(tmpdir(), 'merit-client-built-'));
    try {
      expect(isClientBuildStale(built)).toBe(true);
      writeFileSync(join(built, 'index.html'), indexHtml);
      utimesSync(join(built, 'index.html'), new Date(0), new Date(0));
      expect(isClientBuildStale(built)).toBe(true);
      const future = new Date(Date.now() + 3_600_000);
      utimesSync(join(built, 'index.html'), future, future);
      expect(isClientBuildStale(built)).toBe(false);
    } finally {
      rmSync(built, { recursive: true, force: true });
    }
  });
});
