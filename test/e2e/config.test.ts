/**
 * Proves configuration is checked once at start: every bad variable is named, production needs
 * its secrets, and a server started with a bad value exits non-zero naming the variable. Also
 * proves the logger's redaction: tokens, the JWT secret and scoring weights never reach a log line.
 */
import { spawnSync } from 'node:child_process';
import { ConfigError, loadConfig } from '../../server/config';
import { createLogger } from '../../server/core/log';
import { LogCapture, startTestApi } from '../support/harness';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

it('names every bad variable at once', () => {
  const problems = problemsOf({
    PORT: 'abc',
    MONGO_URL: 'http://x',
    SCORING_WEIGHTS: '{"view":-1}',
    DAILY_CAP: '0',
  });
  expect(problems.map((p) => p.split(':')[0])).toEqual(
    expect.arrayContaining(['PORT', 'MONGO_URL', 'SCORING_WEIGHTS', 'DAILY_CAP']),
  );
});

it('requires JWT_SECRET, MONGO_URL and REDIS_URL in production', () => {
  const problems = problemsOf({ NODE_ENV: 'production' });
  expect(problems.join('\n')).toMatch(/JWT_SECRET/);
  expect(problems.join('\n')).toMatch(/MONGO_URL/);
});

it('takes an empty variable as unset, as docker compose passes one', () => {
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: 'a-production-secret-of-some-length',
    MONGO_URL: 'mongodb://mongo:27017/merit',
    REDIS_URL: 'redis://redis:6379/0',
    SCORING_WEIGHTS: '',
    SUPPORT_URL: '',
  });
  expect(config.scoringDefaults).toBeNull();
  expect(config.supportUrl).toBe('https://support.merit.example/');
});

it('applies defaults outside production', () => {
  const config = loadConfig({});
  expect(config.port).toBe(4000);
  expect(config.jwtSecretEphemeral).toBe(true);
  expect(config.scoringDefaults).toBeNull();
});

it('stops `serve` with a message naming the variable', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH, PORT: 'not-a-port' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/PORT/);
});

it('redacts secrets from log lines', () => {
  const capture = new LogCapture();
  const log = createLogger('info', capture);
  log.info(
    {
      token: 'tok-123',
      config: { jwtSecret: 'sekrit-456', weights: { view: 7 } },
      req: { headers: { authorization: 'Bearer abc.def' } },
    },
    'hello',
  );
  log.info({ settings: { weights: { like: 99 } }, JWT_SECRET: 'sekrit-789' }, 'again');
  expect(capture.text).toContain('hello');
  for (const secret of ['tok-123', 'sekrit-456', 'abc.def', 'sekrit-789', '"view"', '"like"']) {
    expect(capture.text).not.toContain(secret);
  }
});

it('keeps the bearer token out of request logs', async () => {
  const api = await startTestApi({}, 'logs');
  try {
    const token = await api.token({ sub: 'logged' });
    await api.gql('{ me { id } }', {}, token);
    await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ supportUrl }')}&token=${token}`);
    expect(api.logs.text).toContain('/graphql');
    expect(api.logs.text).toContain('[redacted]');
    expect(api.logs.text).not.toContain(token);
  } finally {
    await api.close();
  }
});
