import type { ExtendedError, Socket } from 'socket.io';
import { verifyToken } from '../auth';
import type { Logger } from '../core/log';
import { DomainError, isDomainError, unauthenticated } from '../core/errors';
import type { RateLimits } from '../http/rateLimits';
import { ensureMember } from '../members';
import type { LiveEvents } from './liveNames';

/**
 * The socket.io handshake's gate (SPEC §5): `auth: { token }` is the same JWT as an HTTP
 * request's bearer token, and is taken the same way (graphql/context.ts): verified by
 * `verifyToken` (HS256 only, `exp` required), the member's rate limit spent, the member created
 * on first sight. A refusal reaches the client as `connect_error` whose `data.code` is the
 * API's code (UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED); no socket is made. Only a person has a
 * balance to follow: a SITE token is FORBIDDEN.
 */
export interface LiveSocketData {
  memberId: string;
  /** When the handshake token expires: the socket is closed then (io.ts). */
  expiresAtMs: number;
}

export type LiveSocket = Socket<
  Record<string, never>,
  LiveEvents,
  Record<string, never>,
  LiveSocketData
>;

export interface AdmitDeps {
  secret: Uint8Array;
  rateLimits: RateLimits;
  log: Logger;
}

export function admitSocket(deps: AdmitDeps) {
  return (socket: LiveSocket, next: (error?: ExtendedError) => void): void => {
    memberOf(socket.handshake.auth, deps).then(
      (admitted) => {
        socket.data.memberId = admitted.memberId;
        socket.data.expiresAtMs = admitted.expiresAtMs;
        next();
      },
      (error: unknown) => next(refusalOf(error, deps.log)),
    );
  };
}

async function memberOf(auth: Record<string, unknown>, deps: AdmitDeps): Promise<LiveSocketData> {
  const token = auth.token;
  if (typeof token !== 'string' || token.length === 0) throw unauthenticated();
  const { viewer, expiresAtMs } = await verifyToken(token, deps.secret);
  if (viewer.kind !== 'person')
    throw new DomainError('FORBIDDEN', 'Only a member has a balance to follow');
  await deps.rateLimits.consume('member', viewer.memberId);
  await ensureMember(viewer.memberId, viewer.name);
  return { memberId: viewer.memberId, expiresAtMs };
}

function refusalOf(error: unknown, log: Logger): ExtendedError {
  if (isDomainError(error)) {
    return Object.assign(new Error(error.message), { data: { code: error.code } });
  }
  log.error({ err: error }, 'unexpected error while admitting a live socket');
  return Object.assign(new Error('Unexpected error'), {
    data: { code: 'INTERNAL_SERVER_ERROR' },
  });
}
