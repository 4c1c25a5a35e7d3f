import { Emitter } from '@socket.io/redis-emitter';
import type { Config } from '../config';
import type { Logger } from '../core/log';
import { closeRedis, waitForRedis } from '../core/redis';
import { createLivePublisherClient } from './liveRedis';
import { liveKeyOf, type LiveEvents } from './liveNames';
import { pushBalance } from './pushBalance';

/**
 * Balance pushes from a process that serves no sockets (the job CLI, the worker): the Redis
 * emitter publishes each push on the channel the API processes' Redis adapter listens to (same
 * key, see liveNames.ts), and they deliver it. Waits a little for Redis at start so that the
 * first postings of a short job are not lost to a connection still opening; Redis being down
 * stops nothing (pushes are then dropped, see liveRedis.ts).
 */
export interface LivePublisher {
  close(): Promise<void>;
}

const redisWaitMs = 3000;

export async function startLivePublisher(config: Config, log: Logger): Promise<LivePublisher> {
  const redis = createLivePublisherClient(config.redisUrl, { name: 'merit-live-emitter', log });
  if (!(await waitForRedis(redis, redisWaitMs)))
    log.warn('Redis is not reachable yet: balance pushes are dropped until it is');
  const emitter = new Emitter<LiveEvents>(redis, { key: liveKeyOf(config.redisPrefix) });
  const stopPushes = pushBalance(emitter, log);
  return {
    async close() {
      stopPushes();
      await closeRedis(redis);
    },
  };
}
