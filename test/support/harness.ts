/**
 * Test harness: a real Merit API on a free port, over the real FerretDB/MongoDB and Redis that
 * globalSetup started (or MONGO_URL / REDIS_URL), in a database and Redis prefix of its own.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import mongoose from 'mongoose';
import { loadConfig, type Config } from '../../server/config';
import { createLogger } from '../../server/core/log';
import { startServer, type MeritServer, type ServerOptions } from '../../server/app';
import { forgetSeenMembers } from '../../server/members';
import { connectMongo, disconnectMongo } from '../../server/core/mongo';
import { killChildren } from './processes';
import { signToken, type TokenClaims } from './tokens';

export const testSecret = 'test-secret-0123456789abcdef-merit';

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export function testMongoUrl(database: string): string {
  const base = process.env.MERIT_TEST_MONGO_URL;
  if (!base)
    throw new Error('MERIT_TEST_MONGO_URL is not set: run tests through jest (globalSetup)');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export function testRedisUrl(): string {
  const url = process.env.MERIT_TEST_REDIS_URL;
  if (!url)
    throw new Error('MERIT_TEST_REDIS_URL is not set: run tests through jest (globalSetup)');
  return url;
}

/** Environment for a test server or a child process of this test file. */
export function testEnv(
  database: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    MONGO_URL: testMongoUrl(database),
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: `${database}:`,
    JWT_SECRET: testSecret,
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}

/** Collects log lines in memory so a test can read what the server logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
  get text() {
    return this.lines.join('\n');
  }
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

export interface TestApi {
  server: MeritServer;
  url: string;
  config: Config;
  database: string;
  logs: LogCapture;
  token(claims: TokenClaims): Promise<string>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  as(
    claims: TokenClaims,
  ): Promise<
    <T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
    ) => Promise<GraphQLResponse<T>>
  >;
  close(): Promise<void>;
}

export async function postGraphQL<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
  return {
    status: response.status,
    data: body.data,
    errors: body.errors,
    headers: response.headers,
  };
}

export interface TestApiOptions {
  /** Routes mounted after the API, as server/main.ts does (e.g. `clientRoutes` for the browser). */
  extraRoutes?: (config: Config) => ServerOptions['extraRoutes'];
}

export async function startTestApi(
  overrides: Record<string, string> = {},
  name = 'api',
  options: TestApiOptions = {},
): Promise<TestApi> {
  const database = uniqueName(name);
  const config = loadConfig(testEnv(database, overrides));
  const logs = new LogCapture();
  forgetSeenMembers();
  const server = await startServer(config, {
    log: createLogger('info', logs),
    extraRoutes: options.extraRoutes?.(config),
  });
  const token = (claims: TokenClaims) => signToken(testSecret, claims);
  const gql = <T>(query: string, variables?: Record<string, unknown>, tok?: string) =>
    postGraphQL<T>(server.url, query, variables, tok);
  return {
    server,
    url: server.url,
    config,
    database,
    logs,
    token,
    gql,
    as: async (claims) => {
      const tok = await token(claims);
      return (query, variables) => gql(query, variables, tok);
    },
    close: async () => {
      await mongoose.connection.db?.dropDatabase().catch(() => undefined);
      await server.close();
    },
  };
}

/** The error code of the first error, or undefined. */
export const codeOf = (res: GraphQLResponse<unknown>): unknown => res.errors?.[0]?.extensions?.code;

/**
 * For a test file that talks to the database directly (no API): connects this process to a
 * database of its own before the file's tests and, after them, kills any child process still
 * running, drops the database and disconnects. Returns the database's name.
 */
export function useTestDatabase(prefix: string): string {
  const database = uniqueName(prefix);
  beforeAll(() => connectMongo(testMongoUrl(database)));
  afterAll(async () => {
    killChildren();
    await mongoose.connection.db?.dropDatabase();
    await disconnectMongo();
  });
  return database;
}
