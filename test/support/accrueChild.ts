/**
 * A job process for crash and race tests: runs the `accrue` job for argv[2] exactly as
 * `npm run jobs` does (same context, same command), optionally armed to SIGKILL itself at crash
 * point argv[3] after passing it argv[4] times. Prints READY once connected, then the summary.
 */
import { loadConfig } from '../../server/config';
import { armCrashPoint } from '../../server/core/crashPoint';
import { createLogger } from '../../server/core/log';
import { accrueJob } from '../../jobs/accrue';
import { openJobContext } from '../../jobs/jobContext';

async function main() {
  const [day, crashAt, skips] = process.argv.slice(2);
  const run = accrueJob.prepare(['--day', day!], new Date());
  if (crashAt) armCrashPoint(crashAt, Number(skips ?? 0));
  const context = await openJobContext(loadConfig(), createLogger('silent'));
  console.log('READY');
  try {
    console.log(JSON.stringify((await run(context)).summary));
  } finally {
    await context.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
