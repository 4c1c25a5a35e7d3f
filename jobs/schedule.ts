import type { UtcDay } from '../server/core/day';

/**
 * When the worker runs what (UTC), in one place.
 * - `daily` ticks shortly after midnight and starts the chain for the day that ended: each step
 *   enqueues the next once it has succeeded, so fraud detection sees the day's accruals and the
 *   checks see everything.
 * - `resume-redemptions` finishes or compensates redemptions a crash left behind.
 */
export const queueName = 'merit-jobs';

export const schedulers = {
  daily: { pattern: '5 0 * * *', tz: 'UTC' },
  'resume-redemptions': { every: 5 * 60_000 },
} as const;

export const dailyChain = ['accrue', 'detect-fraud', 'verify-accrual', 'verify-ledger'] as const;
export type DailyStep = (typeof dailyChain)[number];

/** Fixed per job and day, so enqueuing twice (two workers, a catch-up) runs it once. BullMQ ids
 * may not contain ':'. */
export const runId = (step: DailyStep, day: UtcDay) => `${step}-${day}`;

export const nextStep = (step: DailyStep): DailyStep | null =>
  dailyChain[dailyChain.indexOf(step) + 1] ?? null;

/** Steps that change things are retried with backoff; checks report once and stay failed. */
export const attemptsOf = (step: DailyStep) => (step.startsWith('verify-') ? 1 : 5);

/** Finished runs are kept this long, which is what makes a day's fixed ids run once. */
export const keepFinishedSeconds = 14 * 86_400;
