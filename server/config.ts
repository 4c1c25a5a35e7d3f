import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The only reader of process.env. Every variable is checked at start; all problems are reported
 * together and the process exits. Secrets (JWT_SECRET, SCORING_WEIGHTS) are kept out of logs by
 * the logger's redaction and never leave the server.
 */
const nonNegative = z.number().finite().min(0, 'must be non-negative');

export const scoringWeightsSchema = z
  .object({
    view: nonNegative,
    like: nonNegative,
    comment: nonNegative,
    share: nonNegative,
    /** Bonuses per point of score before the daily cap is applied. */
    pointsPerScore: nonNegative,
  })
  .strict();
export type ScoringWeights = z.infer<typeof scoringWeightsSchema>;

const jsonWeights = z.string().transform((text, ctx) => {
  try {
    const parsed = scoringWeightsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    ctx.addIssue({
      code: 'custom',
      message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'must be JSON like {"view":1,"like":3,"comment":5,"share":8,"pointsPerScore":1}',
    });
  }
  return z.NEVER;
});

const perMinute = z.coerce.number().int().min(1);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    MONGO_URL: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\/.+\/[^/?]+/, 'must be a mongodb:// URL naming a database')
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/, 'must be a redis:// URL')
      .optional(),
    REDIS_PREFIX: z.string().min(1).default('merit:'),
    JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    SUPPORT_URL: z.string().url().default('https://support.merit.example/'),
    SCORING_WEIGHTS: jsonWeights.optional(),
    DAILY_CAP: z.coerce.number().int().min(1).default(10_000),
    RATE_IP_PER_MIN: perMinute.default(3000),
    RATE_MEMBER_PER_MIN: perMinute.default(1200),
    RATE_SITE_PER_MIN: perMinute.default(1200),
    RATE_SUBMIT_PER_MIN: perMinute.default(60),
    RATE_REDEEM_PER_MIN: perMinute.default(60),
    RATE_SITE_EVENTS_PER_MIN: perMinute.default(60_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of ['JWT_SECRET', 'MONGO_URL', 'REDIS_URL'] as const) {
      if (!env[key])
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'is required when NODE_ENV=production',
        });
    }
  });

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly production: boolean;
  readonly port: number;
  readonly mongoUrl: string;
  readonly redisUrl: string;
  readonly redisPrefix: string;
  readonly jwtSecret: string;
  /** True when no JWT_SECRET was given outside production: a random one lives for this process. */
  readonly jwtSecretEphemeral: boolean;
  readonly logLevel: string;
  readonly supportUrl: string;
  /** Initial scoring settings; ADMIN settings in the database override them. */
  readonly scoringDefaults: ScoringWeights | null;
  readonly dailyCapDefault: number;
  readonly rateLimits: {
    readonly ipPerMinute: number;
    readonly memberPerMinute: number;
    readonly sitePerMinute: number;
    readonly submitPerMinute: number;
    readonly redeemPerMinute: number;
    readonly siteEventsPerMinute: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means unset, as `docker compose` passes `${VAR:-}` when VAR is not given.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    mongoUrl: e.MONGO_URL ?? 'mongodb://127.0.0.1:27017/merit',
    redisUrl: e.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    redisPrefix: e.REDIS_PREFIX,
    jwtSecret: e.JWT_SECRET ?? randomBytes(32).toString('hex'),
    jwtSecretEphemeral: !e.JWT_SECRET,
    logLevel: e.LOG_LEVEL,
    supportUrl: e.SUPPORT_URL,
    scoringDefaults: e.SCORING_WEIGHTS ?? null,
    dailyCapDefault: e.DAILY_CAP,
    rateLimits: Object.freeze({
      ipPerMinute: e.RATE_IP_PER_MIN,
      memberPerMinute: e.RATE_MEMBER_PER_MIN,
      sitePerMinute: e.RATE_SITE_PER_MIN,
      submitPerMinute: e.RATE_SUBMIT_PER_MIN,
      redeemPerMinute: e.RATE_REDEEM_PER_MIN,
      siteEventsPerMinute: e.RATE_SITE_EVENTS_PER_MIN,
    }),
  });
}

/** For process entry points: print every problem and exit non-zero. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
