/**
 * One measured run for bench:accrual, in a fresh process so its peak RSS is its own:
 * `accrue <day>` runs the accrual job for the day; `read <day>` reads every stored event of the
 * day once through a cursor (the baseline). Prints one JSON line: { ms, maxRssMb, ... }.
 */
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/core/log';
import { ActivityEvent } from '../../server/activity/activityEvent.model';
import { accrueJob } from '../../jobs/accrue';
import { openJobContext } from '../../jobs/jobContext';

async function main() {
  const [mode, day] = process.argv.slice(2);
  const context = await openJobContext(loadConfig(), createLogger('silent'));
  const started = performance.now();
  let detail: Record<string, unknown>;
  if (mode === 'read') {
    let events = 0;
    for await (const _ of ActivityEvent.find({ day }).lean().cursor({ batchSize: 1000 }))
      events += 1;
    detail = { events };
  } else {
    detail = (await accrueJob.prepare(['--day', day!], new Date())(context)).summary;
  }
  const ms = performance.now() - started;
  await context.close();
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, ...detail }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
