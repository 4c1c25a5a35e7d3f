import { limits } from './limits';

/**
 * The pause before retrying an optimistic append that lost a race (a `seq` taken by another
 * writer): jittered, so writers that collided do not collide again in lockstep, and growing with
 * the attempt up to `limits.retryBackoffMsMax`. Callers bound the attempts by
 * `limits.retryAttemptsMax`.
 */
export function pauseBeforeRetry(attempt: number): Promise<void> {
  const ceilingMs = Math.min(2 ** attempt, limits.retryBackoffMsMax);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceilingMs));
}
