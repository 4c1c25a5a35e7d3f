import { randomUUID } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { DomainError, isDomainError } from '../core/errors';
import { limits } from '../core/limits';
import type { RateLimits } from './rateLimits';
import { sendRefusal } from './refusal';

export interface Readiness {
  check(): Promise<Record<string, boolean>>;
}

export interface HttpAppDeps {
  log: Logger;
  rateLimits: RateLimits;
  readiness: Readiness;
  graphql: (req: Request, res: Response) => unknown;
  /** Mounted after the API (static client, dev sign-in); the API never depends on it. */
  extraRoutes?: (app: Express) => void;
}

const requestIdPattern = /^[A-Za-z0-9_.-]{1,64}$/;

/** Host sites may link with `?token=`: a logged URL never carries it (nor a GraphQL query's variables). */
const secretParams = ['token', 'variables'];
function withoutUrlSecrets(req: { url?: string; query?: Record<string, unknown> }) {
  if (req.url?.includes('?')) {
    const url = new URL(req.url, 'http://merit.invalid');
    for (const name of secretParams)
      if (url.searchParams.has(name)) url.searchParams.set(name, '[redacted]');
    req.url = `${url.pathname}${url.search}`;
  }
  if (req.query)
    req.query = Object.fromEntries(
      Object.entries(req.query).map(([k, v]) => [k, secretParams.includes(k) ? '[redacted]' : v]),
    );
  return req;
}

export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      serializers: { req: withoutUrlSecrets },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await deps.readiness.check();
    const failing = Object.keys(checks).filter((name) => !checks[name]);
    res
      .status(failing.length ? 503 : 200)
      .json({ status: failing.length ? 'unavailable' : 'ready', checks, failing });
  });

  app.use('/graphql', async (req, res, next) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > limits.bodyBytesMax) {
      sendRefusal(
        res,
        413,
        new DomainError('BAD_USER_INPUT', `Request body over ${limits.bodyBytesMax} bytes`, {
          field: 'body',
        }),
      );
      return;
    }
    try {
      await deps.rateLimits.consume('ip', req.ip ?? 'unknown');
      next();
    } catch (error) {
      if (!isDomainError(error)) return next(error);
      sendRefusal(res, error.code === 'RATE_LIMITED' ? 429 : 503, error);
    }
  });
  app.use('/graphql', (req, res) => deps.graphql(req, res));
  deps.extraRoutes?.(app);

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    req.log.error({ err: error }, 'unexpected HTTP error');
    res.status(500).json({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });
  return app;
}
