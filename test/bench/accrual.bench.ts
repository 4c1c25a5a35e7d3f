/**
 * `npm run bench:accrual`: the accrual job on a big day. Generates days of counted activity over
 * 20,000 authors (one material each, heavy-tailed popularity, 200,000 actors, 70% views), stored
 * as `activityEvents` documents exactly as ingestion stores them, then for each size measures, in
 * fresh processes: one plain full read of the day's events (the baseline) and the accrual job
 * (score, allocate under the cap, post one ACCRUAL per earner). Prints both times, the ratio
 * (target <= 3x) and each process's peak RSS (target: flat from 100k to 1M events).
 *
 * BENCH_SIZES overrides the sizes (comma-separated event counts). Uses MONGO_URL / REDIS_URL when
 * given, else starts FerretDB and Redis. Not a test: it asserts nothing about time.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { startServices } from '../../scripts/services';
import { ActivityEvent, type ActivityEventDoc } from '../../server/activity/activityEvent.model';
import { addDays, type UtcDay } from '../../server/core/day';
import { runTsx } from '../support/processes';
import { randomEventType } from './eventMix';

const authors = 20_000;
const actors = 200_000;
const insertBatch = 5_000;
const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const firstDay = '2026-01-01' as UtcDay;

/** Author index with a Zipf-like tail: a few authors get most of the attention. */
const popularAuthor = () => Math.floor(authors * Math.random() ** 3);

async function generateDay(day: UtcDay, events: number): Promise<void> {
  const at = new Date(`${day}T12:00:00Z`);
  for (let start = 0; start < events; start += insertBatch) {
    const docs: ActivityEventDoc[] = Array.from(
      { length: Math.min(insertBatch, events - start) },
      (_, i) => {
        const author = popularAuthor();
        const eventId = `${day}-${start + i}`;
        return {
          _id: `bench:${eventId}`,
          siteId: 'bench',
          eventId,
          type: randomEventType(),
          materialId: `m${author}`,
          authorId: `a${author}`,
          actorId: `v${Math.floor(Math.random() * actors)}`,
          occurredAt: at,
          day,
          recordedAt: at,
        };
      },
    );
    await ActivityEvent.collection.insertMany(docs as never[], { ordered: false });
  }
}

async function measure(mode: 'read' | 'accrue', day: UtcDay, env: Record<string, string>) {
  const lines = await runTsx('test/bench/accrualRun.ts', env, [mode, day]);
  return JSON.parse(lines.at(-1)!) as { ms: number; maxRssMb: number } & Record<string, unknown>;
}

async function main() {
  const database = `bench_accrual_${Date.now()}`;
  const services = await startServices({
    database,
    dataDir: mkdtempSync(join(tmpdir(), 'merit-bench-')),
    ephemeral: true,
  });
  const url = new URL(services.mongoUrl);
  url.pathname = `/${database}`;
  const env = {
    MONGO_URL: url.toString(),
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX: `${database}:`,
    LOG_LEVEL: 'silent',
    DAILY_CAP: '1000000',
  };
  await mongoose.connect(env.MONGO_URL);
  await ActivityEvent.createIndexes();
  console.log(
    '\n   events  read (ms)  accrue (ms)   ratio  read RSS MB  accrue RSS MB  earners  allocate / post (ms)',
  );
  try {
    for (const [i, events] of sizes.entries()) {
      const day = addDays(firstDay, i);
      const generating = performance.now();
      await generateDay(day, events);
      console.error(
        `generated ${events} events for ${day} in ${((performance.now() - generating) / 1000).toFixed(0)} s`,
      );
      const read = await measure('read', day, env);
      const accrual = await measure('accrue', day, env);
      console.log(
        [
          String(events).padStart(9),
          read.ms.toFixed(0).padStart(10),
          accrual.ms.toFixed(0).padStart(11),
          `${(accrual.ms / read.ms).toFixed(2)}x`.padStart(7),
          read.maxRssMb.toFixed(0).padStart(12),
          accrual.maxRssMb.toFixed(0).padStart(15),
          String(accrual.earners).padStart(8),
          `${accrual.allocateMs} / ${accrual.postMs}`.padStart(21),
        ].join(' '),
      );
    }
  } finally {
    await mongoose.connection.db?.dropDatabase();
    await mongoose.disconnect();
    await services.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
