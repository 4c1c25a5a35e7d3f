import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import type { Config } from '../config';
import { secretKey } from '../auth';
import type { Logger } from '../core/log';
import { closeRedis } from '../core/redis';
import type { RateLimits } from '../http/rateLimits';
import { admitSocket, type LiveSocketData } from './admitSocket';
import { createLivePublisherClient, createLiveSubscriberClient } from './liveRedis';
import { liveKeyOf, memberRoom, type LiveEvents } from './liveNames';

/** setTimeout's ceiling (about 24.8 days); a longer-lived token is cut then, and reconnects. */
const maxTimerMs = 2 ** 31 - 1;

/**
 * socket.io on the API's HTTP server (SPEC §5), default path `/socket.io/`. A socket is admitted
 * by its handshake token (admitSocket.ts) and joins its member's room at once; clients send
 * nothing. Rooms span processes through the classic Redis adapter: an emit to a member's room in
 * any API process, or by a job process's emitter (livePublisher.ts), is published on Redis under
 * the deployment's key (liveNames.ts) and every API process delivers it to its own sockets in
 * that room. With Redis away, an API process still delivers its own emits to its own sockets.
 *
 * `close` disconnects every socket, stops the adapter and, as socket.io does, closes the HTTP
 * server it is attached to (waiting for its connections to end).
 */
export type LiveServer = Server<
  Record<string, never>,
  LiveEvents,
  Record<string, never>,
  LiveSocketData
>;

export interface LiveDeps {
  config: Config;
  rateLimits: RateLimits;
  log: Logger;
}

export interface AttachedLive {
  io: LiveServer;
  close(): Promise<void>;
}

export function attachLive(http: HttpServer, deps: LiveDeps): AttachedLive {
  const { config, log } = deps;
  const publisher = createLivePublisherClient(config.redisUrl, { name: 'merit-live-pub', log });
  const subscriber = createLiveSubscriberClient(publisher, { name: 'merit-live-sub', log });
  const io: LiveServer = new Server(http, {
    serveClient: false,
    adapter: createAdapter(publisher, subscriber, { key: liveKeyOf(config.redisPrefix) }),
  });
  io.use(admitSocket({ secret: secretKey(config.jwtSecret), rateLimits: deps.rateLimits, log }));
  io.on('connection', (socket) => {
    void socket.join(memberRoom(socket.data.memberId));
    // A token is checked once, at the handshake: the socket ends when the token does.
    const expiry = setTimeout(
      () => socket.disconnect(true),
      Math.min(socket.data.expiresAtMs - Date.now(), maxTimerMs),
    );
    socket.once('disconnect', () => clearTimeout(expiry));
  });
  return {
    io,
    async close() {
      await io.close();
      // A subscriber has nothing to flush, and its QUIT would wait for a Redis that may be down.
      subscriber.disconnect();
      await closeRedis(publisher);
    },
  };
}
