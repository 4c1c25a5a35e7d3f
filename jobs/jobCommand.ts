import type { Config } from '../server/config';
import type { Logger } from '../server/core/log';

/**
 * One job (SPEC §6): a CLI command (`npm run jobs -- <name>`) and a task the worker schedules.
 * Both go through `prepare`, so a scheduled run and a manual one are the same code. Every job is
 * idempotent: running it twice, or again after a crash, changes nothing more than once.
 */
export interface JobContext {
  config: Config;
  log: Logger;
}

export interface JobOutcome {
  /** False: the job found something wrong (verify-*): the CLI exits non-zero. */
  ok: boolean;
  /** What the CLI prints, one `key: value` line each (never a secret, never a member's score). */
  summary: Record<string, string | number | boolean | null>;
  /** Each problem found, one line each. */
  problems?: string[];
}

export type JobRun = (context: JobContext) => Promise<JobOutcome>;

export interface JobCommand {
  /** e.g. 'accrue [--day YYYY-MM-DD]'. */
  usage: string;
  describe: string;
  /** Whether the job is about one day (`--day`); the worker passes the day only to those. */
  takesDay: boolean;
  /** Checks the arguments before anything connects (throws JobRefusal) and returns the run. */
  prepare(argv: string[], now: Date): JobRun;
}

/** A job that will not run with these arguments (bad flag, a day not yet ended): exit 2. */
export class JobRefusal extends Error {
  override readonly name = 'JobRefusal';
}
