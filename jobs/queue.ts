import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Config } from '../server/config';
import type { UtcDay } from '../server/core/day';
import { attemptsOf, keepFinishedSeconds, queueName, runId, type DailyStep } from './schedule';

/** What a queued run carries: the day, for the daily chain's steps. */
export interface RunData {
  day?: UtcDay;
}

/** BullMQ's Redis connections: blocking commands need `maxRetriesPerRequest: null`. */
export const queueRedis = (config: Config) =>
  new Redis(config.redisUrl, { maxRetriesPerRequest: null, connectionName: 'merit-worker' });

export const queuePrefix = (config: Config) => `${config.redisPrefix}bull`;

/** The queue and its own Redis connection (BullMQ leaves a connection it was given open). */
export function openQueue(config: Config): { queue: Queue; close(): Promise<void> } {
  const connection = queueRedis(config);
  const queue = new Queue(queueName, { connection, prefix: queuePrefix(config) });
  return {
    queue,
    close: async () => {
      await queue.close();
      await connection.quit();
    },
  };
}

export async function enqueueStep(queue: Queue, step: DailyStep, day: UtcDay): Promise<void> {
  await queue.add(step, { day } satisfies RunData, {
    jobId: runId(step, day),
    attempts: attemptsOf(step),
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { age: keepFinishedSeconds },
    removeOnFail: { age: keepFinishedSeconds },
  });
}
