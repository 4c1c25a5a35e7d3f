import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config';
import { connectMongo, disconnectMongo, pingMongo } from './core/mongo';
import { closeRedis, createRedis, pingRedis, waitForRedis } from './core/redis';
import { createGraphQLHandler } from './graphql/yoga';
import { createHttpApp } from './http/app';
import { createRateLimits } from './http/rateLimits';
import { attachLive, pushBalance } from './live';
import { configureSettings } from './settings';

/**
 * The API process, assembled: MongoDB, Redis, HTTP (+ GraphQL), and live balance pushes over
 * socket.io on the same HTTP server (every entry this process posts is pushed). Used by
 * `server/main.ts` and by tests, which start it on port 0 with their own database. Redis being
 * down at start is not fatal: the server comes up and /readyz names it.
 */
export interface MeritServer {
  http: Server;
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  log: Logger;
  extraRoutes?: (app: Express) => void;
}

export async function startServer(config: Config, options: ServerOptions): Promise<MeritServer> {
  const { log } = options;
  configureSettings(config, log);
  await connectMongo(config.mongoUrl);
  const redis = createRedis(config.redisUrl, { name: 'merit-api' });
  if (!(await waitForRedis(redis, 3000)))
    log.warn('Redis is not reachable yet; serving without it');
  const rateLimits = createRateLimits(redis, config);
  const yoga = createGraphQLHandler(config, rateLimits, log);
  const app = createHttpApp({
    log,
    rateLimits,
    graphql: yoga,
    readiness: { check: async () => ({ mongo: await pingMongo(), redis: await pingRedis(redis) }) },
    extraRoutes: options.extraRoutes,
  });
  const http = createServer(app);
  const live = attachLive(http, { config, rateLimits, log });
  const stopPushes = pushBalance(live.io, log);
  await new Promise<void>((resolve) => http.listen(config.port, resolve));
  const { port } = http.address() as AddressInfo;
  log.info({ port, env: config.env }, 'merit API listening');

  return {
    http,
    url: `http://127.0.0.1:${port}`,
    async close() {
      stopPushes();
      http.closeAllConnections();
      await live.close(); // socket.io closes its sockets, then the HTTP server it is attached to
      await closeRedis(redis);
      await disconnectMongo();
    },
  };
}
