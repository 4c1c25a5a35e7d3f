import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config';
import type { QuotaName } from '../core/context';
import { rateLimited, serviceUnavailable } from '../core/errors';

/**
 * Rate limits per IP, per member and per site (rate-limiter-flexible over Redis).
 * - General limits (ip, member, site) have an in-memory insurance limiter: with Redis down,
 *   reads keep working, each process limiting on its own.
 * - Quotas (submit, redeem, siteEvents) are network-wide promises; a per-process fallback
 *   would multiply them by the number of processes, so without Redis they answer
 *   SERVICE_UNAVAILABLE instead.
 */
type GeneralLimit = 'ip' | 'member' | 'site';

export interface RateLimits {
  consume(limit: GeneralLimit, key: string, points?: number): Promise<void>;
  consumeQuota(quota: QuotaName, key: string, points?: number): Promise<void>;
}

const windowSeconds = 60;

export function createRateLimits(redis: Redis, config: Config): RateLimits {
  const r = config.rateLimits;
  const limiter = (name: string, points: number, insured: boolean) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}rl:${name}`,
      points,
      duration: windowSeconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: insured
        ? new RateLimiterMemory({ points, duration: windowSeconds })
        : undefined,
    });
  const general: Record<GeneralLimit, RateLimiterRedis> = {
    ip: limiter('ip', r.ipPerMinute, true),
    member: limiter('member', r.memberPerMinute, true),
    site: limiter('site', r.sitePerMinute, true),
  };
  const quotas: Record<QuotaName, RateLimiterRedis> = {
    submit: limiter('submit', r.submitPerMinute, false),
    redeem: limiter('redeem', r.redeemPerMinute, false),
    siteEvents: limiter('siteEvents', r.siteEventsPerMinute, false),
  };

  async function spend(target: RateLimiterRedis, key: string, points: number) {
    try {
      await target.consume(key, points);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        throw rateLimited(Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)));
      }
      throw serviceUnavailable('redis');
    }
  }

  return {
    consume: (limit, key, points = 1) => spend(general[limit], key, points),
    consumeQuota: (quota, key, points = 1) => spend(quotas[quota], key, points),
  };
}
