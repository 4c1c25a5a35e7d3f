import type { Redis } from 'ioredis';
import type { Logger } from '../core/log';
import { limits } from '../core/limits';
import { createRedis } from '../core/redis';

/**
 * The Redis clients behind live pushes, made safe for Redis being down (SPEC §7: nothing
 * crashes). socket.io's Redis adapter and emitter fire PUBLISH and (UN)SUBSCRIBE and never look
 * at the reply; while Redis is away ioredis rejects those replies, and one unobserved rejection
 * is enough to kill a Node process. So each such command gets an observer here that logs the
 * failure at warn (one line per `livePushWarnIntervalMs`, with how many more failed meanwhile:
 * an accrual run with Redis down would otherwise log a line per member). The reply itself is
 * still returned, unchanged, to whoever wants it.
 *
 * A lost push costs nothing (the client refetches its account on reconnect), so nothing is
 * retried or queued: the publisher fails fast like every other Redis client of Merit (see
 * core/redis.ts). The subscriber is the exception: its subscriptions are sent once, when the
 * adapter starts, so it queues them until Redis answers, and ioredis renews them after an outage.
 */
const firedAndForgotten = [
  'publish',
  'psubscribe',
  'subscribe',
  'punsubscribe',
  'unsubscribe',
] as const;
type FiredCommand = (typeof firedAndForgotten)[number];

export interface LiveRedisOptions {
  /** The connection's name in Redis (`CLIENT LIST`). */
  name: string;
  log: Logger;
}

/** Publishes pushes; fails fast while Redis is away. */
export function createLivePublisherClient(url: string, options: LiveRedisOptions): Redis {
  return observeReplies(createRedis(url, { name: options.name }), options);
}

/**
 * Holds the adapter's subscriptions: waits for Redis rather than dropping them. Made from the
 * publisher (same server, database and reconnection policy) with a queue and no retry limit.
 */
export function createLiveSubscriberClient(publisher: Redis, options: LiveRedisOptions): Redis {
  const client = publisher.duplicate({
    connectionName: options.name,
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
  });
  client.on('error', () => undefined); // as in core/redis.ts: readiness reports it
  return observeReplies(client, options);
}

function observeReplies(client: Redis, { name, log }: LiveRedisOptions): Redis {
  let lastWarnAt = -Infinity;
  let unreported = 0;
  const report = (command: FiredCommand, error: unknown) => {
    const now = Date.now();
    if (now - lastWarnAt < limits.livePushWarnIntervalMs) {
      unreported += 1;
      return;
    }
    log.warn(
      {
        redisClient: name,
        command,
        err: error instanceof Error ? error.message : String(error),
        alsoFailedSinceLastWarning: unreported,
      },
      'live push: a Redis command failed; pushes are lost until Redis answers',
    );
    lastWarnAt = now;
    unreported = 0;
  };
  for (const command of firedAndForgotten) {
    const send = (client[command] as (...args: unknown[]) => Promise<unknown>).bind(client);
    const observed = (...args: unknown[]) => {
      const reply = send(...args);
      reply.catch((error: unknown) => report(command, error));
      return reply;
    };
    Object.defineProperty(client, command, { value: observed, configurable: true });
  }
  return client;
}
