/**
 * `npm run worker`: the scheduler and job worker (SPEC §6). Several may run at once: BullMQ hands
 * each queued run to one of them, the schedulers are upserted (not added) by each, and a day's
 * runs have fixed ids, so each happens once whichever worker enqueues it. On start, days that
 * ended but were not accrued (the worker was down at midnight) are caught up. A worker killed
 * mid-job leaves the run stalled; another worker (or this one, restarted) runs it again, which
 * the jobs allow: each is idempotent.
 */
import { Worker, type Job, type Queue } from 'bullmq';
import { readPlan } from '../server/accrual';
import { loadConfigOrExit } from '../server/config';
import { addDays } from '../server/core/day';
import { createLogger, type Logger } from '../server/core/log';
import { limits } from '../server/core/limits';
import { jobCommands } from './commands';
import { lastEndedDay } from './jobArgs';
import { openJobContext, type OpenJobContext } from './jobContext';
import { enqueueStep, openQueue, queuePrefix, queueRedis, type RunData } from './queue';
import { dailyChain, nextStep, queueName, schedulers, type DailyStep } from './schedule';

/** Ended days within the catch-up window whose accrual has not been posted. */
async function catchUp(queue: Queue, now: Date, log: Logger): Promise<void> {
  const newest = lastEndedDay(now);
  for (let back = limits.accrualCatchUpDays - 1; back >= 0; back--) {
    const day = addDays(newest, -back);
    if ((await readPlan(day))?.postedAt) continue;
    log.info({ day }, 'catching up the accrual of a day that ended while no worker ran');
    await enqueueStep(queue, 'accrue', day);
  }
}

function processor(queue: Queue, context: OpenJobContext) {
  return async (job: Job<RunData>) => {
    if (job.name === 'daily') return enqueueStep(queue, dailyChain[0], lastEndedDay(new Date()));
    const command = jobCommands[job.name];
    if (!command) throw new Error(`no job named ${job.name}`);
    const day = job.data.day;
    const run = command.prepare(day && command.takesDay ? ['--day', day] : [], new Date());
    const outcome = await run(context);
    const fields = { job: job.name, runId: job.id, ...outcome.summary };
    if (!outcome.ok) {
      context.log.error({ ...fields, problems: outcome.problems }, 'job found problems');
      throw new Error(`${job.name} found ${outcome.problems?.length ?? 0} problem(s)`);
    }
    context.log.info(fields, 'job done');
    const next = day && nextStep(job.name as DailyStep);
    if (next) await enqueueStep(queue, next, day);
  };
}

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  const context = await openJobContext(config, log);
  const { queue, close: closeQueue } = openQueue(config);
  const workerRedis = queueRedis(config);
  for (const [name, repeat] of Object.entries(schedulers)) {
    await queue.upsertJobScheduler(name, repeat, { name });
  }
  await catchUp(queue, new Date(), log);
  const worker = new Worker(queueName, processor(queue, context), {
    connection: workerRedis,
    prefix: queuePrefix(config),
    concurrency: 1,
  });
  worker.on('failed', (job, error) =>
    log.warn({ job: job?.name, runId: job?.id, err: error }, 'job run failed'),
  );
  worker.on('error', (error) => log.warn({ err: error }, 'worker error'));
  log.info({ schedulers: Object.keys(schedulers) }, 'merit worker started');

  const stop = async (signal: string) => {
    log.info({ signal }, 'worker shutting down');
    await worker.close();
    await workerRedis.quit();
    await closeQueue();
    await context.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error('merit worker failed to start:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
