/**
 * `npm run jobs -- <job> [--day YYYY-MM-DD]`: runs one job now, prints its summary and exits:
 * 0 done, 1 the job found a problem or failed, 2 refused (unknown job, bad arguments, a day that
 * has not ended). Arguments are checked before anything connects.
 */
import { loadConfigOrExit } from '../server/config';
import { createLogger } from '../server/core/log';
import { jobCommands } from './commands';
import { JobRefusal, type JobOutcome, type JobRun } from './jobCommand';
import { openJobContext } from './jobContext';

function usage(): string {
  const lines = Object.values(jobCommands).map((c) => `  ${c.usage.padEnd(40)} ${c.describe}`);
  return ['usage: npm run jobs -- <job> [options]', ...lines].join('\n');
}

function print(name: string, outcome: JobOutcome, durationMs: number) {
  console.log(`${name}: ${outcome.ok ? 'ok' : 'FAILED'}`);
  for (const [key, value] of Object.entries(outcome.summary)) console.log(`  ${key}: ${value}`);
  console.log(`  durationMs: ${Math.round(durationMs)}`);
  for (const problem of outcome.problems ?? []) console.log(`  problem: ${problem}`);
}

async function main(): Promise<number> {
  const [name, ...argv] = process.argv.slice(2);
  const command = name ? jobCommands[name] : undefined;
  if (!name || !command) {
    console.error(name ? `unknown job "${name}"\n${usage()}` : usage());
    return 2;
  }
  let run: JobRun;
  try {
    run = command.prepare(argv, new Date());
  } catch (error) {
    if (!(error instanceof JobRefusal)) throw error;
    console.error(`${name} refused: ${error.message}`);
    return 2;
  }
  const config = loadConfigOrExit();
  // Jobs print their own summary on stdout; the log goes to stderr.
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
  const context = await openJobContext(config, log);
  try {
    const started = performance.now();
    const outcome = await run(context);
    print(name, outcome, performance.now() - started);
    return outcome.ok ? 0 : 1;
  } finally {
    await context.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('job failed:', error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
