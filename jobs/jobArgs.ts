import { parseArgs } from 'node:util';
import { addDays, hasEnded, isUtcDay, today, type UtcDay } from '../server/core/day';
import { JobRefusal, type JobCommand, type JobContext, type JobOutcome } from './jobCommand';

/**
 * Argument parsing shared by the jobs: only the flags a job declares, nothing positional.
 * `--day` defaults to the last day that has ended (yesterday, UTC), which is what the worker
 * runs shortly after midnight; a day that has not ended yet is refused (SPEC §8).
 */
export function parseNoArgs(argv: string[]): void {
  refuseParseErrors(() => parseArgs({ args: argv, options: {}, strict: true }));
}

export function parseEndedDay(argv: string[], now: Date): UtcDay {
  const { values } = refuseParseErrors(() =>
    parseArgs({ args: argv, options: { day: { type: 'string' } }, strict: true }),
  );
  return endedDay(values.day ?? lastEndedDay(now), now);
}

export const lastEndedDay = (now: Date): UtcDay => addDays(today(now), -1);

export function endedDay(value: string, now: Date): UtcDay {
  if (!isUtcDay(value)) {
    throw new JobRefusal(`--day must be a real date written YYYY-MM-DD, got "${value}"`);
  }
  if (!hasEnded(value, now)) {
    throw new JobRefusal(
      `day ${value} has not ended yet (UTC); it can be processed from ${addDays(value, 1)}T00:00Z`,
    );
  }
  return value;
}

function refuseParseErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new JobRefusal(error instanceof Error ? error.message : String(error));
  }
}

interface JobSpec<A> {
  usage: string;
  describe: string;
  run(args: A, context: JobContext): Promise<JobOutcome>;
}

/** A job about one day that has ended: `--day D`, yesterday (UTC) when omitted. */
export function dayJob(spec: JobSpec<UtcDay>): JobCommand {
  return {
    usage: spec.usage,
    describe: spec.describe,
    takesDay: true,
    prepare(argv, now) {
      const day = parseEndedDay(argv, now);
      return (context) => spec.run(day, context);
    },
  };
}

/** A job without arguments. */
export function plainJob(spec: JobSpec<void>): JobCommand {
  return {
    usage: spec.usage,
    describe: spec.describe,
    takesDay: false,
    prepare(argv) {
      parseNoArgs(argv);
      return (context) => spec.run(undefined, context);
    },
  };
}
