import type { YogaInitialContext } from 'graphql-yoga';
import type { Request as ExpressRequest } from 'express';
import type { Logger } from 'pino';
import { anonymous, bearerToken, verifyToken, type Viewer } from '../auth';
import type { QuotaName, RequestContext } from '../core/context';
import { isDomainError } from '../core/errors';
import type { RateLimits } from '../http/rateLimits';
import { ensureMember } from '../members';
import { maskedMessage, refusalError } from './errors';
import { GraphQLError } from 'graphql';

/**
 * Turns an HTTP request into a RequestContext: verifies the bearer token (SPEC §1), applies the
 * member / site rate limit, and creates the member on first sight. A refusal here is a GraphQL
 * error in a JSON body with its code (and 401 / 429 / 503 as HTTP status).
 */
export interface ContextDeps {
  secret: Uint8Array;
  rateLimits: RateLimits;
  log: Logger;
}

type ServerContext = YogaInitialContext & { req: ExpressRequest & { id?: unknown; log?: Logger } };

export function createContextFactory(deps: ContextDeps) {
  return async (initial: ServerContext): Promise<RequestContext> => {
    const requestId = String(initial.req?.id ?? 'none');
    const log = initial.req?.log ?? deps.log;
    try {
      const token = bearerToken(initial.request.headers.get('authorization'));
      const viewer: Viewer = token ? (await verifyToken(token, deps.secret)).viewer : anonymous;
      if (viewer.kind === 'person') {
        await deps.rateLimits.consume('member', viewer.memberId);
        await ensureMember(viewer.memberId, viewer.name);
      } else if (viewer.kind === 'site') {
        await deps.rateLimits.consume('site', viewer.siteId);
      }
      const quotaKey =
        viewer.kind === 'person'
          ? viewer.memberId
          : viewer.kind === 'site'
            ? viewer.siteId
            : 'anonymous';
      return {
        viewer,
        requestId,
        log,
        consumeQuota: (quota: QuotaName, points?: number) =>
          deps.rateLimits.consumeQuota(quota, quotaKey, points),
      };
    } catch (error) {
      if (isDomainError(error)) throw refusalError(error);
      log.error({ err: error, requestId }, 'unexpected error while building the request context');
      throw new GraphQLError(maskedMessage, {
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, http: { status: 500 } },
      });
    }
  };
}
