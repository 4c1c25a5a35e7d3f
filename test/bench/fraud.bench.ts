/**
 * `npm run bench:fraud`: fraud resistance measured in money, on independent simulators.
 *
 * Each simulator (test/bench/fraud/network*.ts) is written from its own model of honest and
 * fraudulent behaviour, with its own confounders; each runs with two seeds in a fresh database,
 * through the real ingestion, scoring and detection (fraud/evaluate.ts says what is measured).
 * Per run: the share of a capped day's budget that injected fraud member-days take with the plain
 * formula, with this scoring, and keep after detection, next to their share of counted events;
 * precision, recall and false-positive rate overall and per scheme; false positives by confounder;
 * the order of honest earnings against real audience. Targets (issue 13): recall >= 90%,
 * precision >= 90%, false positives <= 1%, fraud keeps <= 2% of the cap, on every simulator.
 *
 * Variables: BENCH_MEMBERS (authors per network, default 5,000), BENCH_SEEDS (default "7,23"),
 * BENCH_SIMULATORS (names, default all). Uses MONGO_URL / REDIS_URL when given, else starts
 * FerretDB. Not a test: nothing here asserts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { startServices } from '../../scripts/services';
import { dayOf, type UtcDay } from '../../server/core/day';
import { connectMongo, disconnectMongo } from '../../server/core/mongo';
import { evaluate, type Evaluation } from './fraud/evaluate';
import { simulateSessions } from './fraud/networkA';
import { simulateReaders } from './fraud/networkB';
import { hourMs, type Simulator } from './fraud/simulation';

const simulators: Record<string, Simulator> = { A: simulateSessions, B: simulateReaders };
const authors = Number(process.env.BENCH_MEMBERS ?? 5000);
const seeds = (process.env.BENCH_SEEDS ?? '7,23').split(',').map(Number);
const chosen = (process.env.BENCH_SIMULATORS ?? Object.keys(simulators).join(',')).split(',');

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

function print(run: Evaluation) {
  console.log(
    `\n${run.simulation}, seed ${run.seed}: ${run.events} events (${run.dayEvents} on the day), ` +
      `${run.honestActive} honest and ${run.injected} injected member-days; ` +
      `ingest ${run.seconds.ingest.toFixed(1)} s, detect ${run.seconds.detect.toFixed(1)} s, score ${run.seconds.score.toFixed(1)} s`,
  );
  console.log(
    `  flagged ${run.flagged}, precision ${pct(run.precision)}, recall ${pct(run.recall)}, false-positive rate ${pct(run.falsePositiveRate)}`,
  );
  console.log(
    `  fraud's share: of counted events ${pct(run.eventShare)} | of the cap, plain formula ${pct(run.capSharePlain)}, ` +
      `this scoring ${pct(run.capShare)}, kept after detection ${pct(run.capShareKept)} | honest cap flagged ${pct(run.capShareFalselyFlagged)}`,
  );
  console.log(
    `  honest earnings vs real audience (Spearman): plain ${run.orderPlain.toFixed(3)}, this scoring ${run.order.toFixed(3)}`,
  );
  for (const s of run.schemes) {
    console.log(
      `    ${s.scheme.padEnd(20)} caught ${String(s.caught).padStart(3)}/${String(s.memberDays).padEnd(3)} cap ${pct(s.capShare)} kept ${pct(s.capShareKept)}`,
    );
  }
  const byConfounder = new Map<string, number>();
  for (const fp of run.falsePositives)
    byConfounder.set(fp.confounder, (byConfounder.get(fp.confounder) ?? 0) + 1);
  if (byConfounder.size > 0) {
    console.log(
      `  false positives by confounder: ${[...byConfounder].map(([k, n]) => `${k} ${n}`).join(', ')}`,
    );
    for (const fp of run.falsePositives.slice(0, 8)) {
      console.log(`    ${fp.memberId} (${fp.confounder}, ${fp.confidence}): ${fp.signals}`);
    }
  }
}

async function main() {
  const services = await startServices({
    database: 'merit_bench',
    dataDir: mkdtempSync(join(tmpdir(), 'merit-bench-fraud-')),
    ephemeral: true,
    log: (line) => console.log(line),
  });
  const runs: Evaluation[] = [];
  try {
    for (const name of chosen) {
      const simulate = simulators[name];
      if (!simulate)
        throw new Error(`unknown simulator ${name}: one of ${Object.keys(simulators)}`);
      for (const seed of seeds) {
        const url = new URL(services.mongoUrl);
        url.pathname = `/bench_fraud_${name}_${seed}_${Date.now().toString(36)}`;
        await connectMongo(url.toString());
        try {
          const now = Date.now();
          const sim = simulate({
            seed,
            authors,
            day: dayOf(new Date(now - 86_400_000)) as UtcDay,
            // Inside recordActivity's 72-hour window, with a margin for the ingestion's length.
            windowStartMs: now - 70 * hourMs,
          });
          const run = await evaluate(sim, seed);
          print(run);
          runs.push(run);
        } finally {
          await mongoose.connection.db?.dropDatabase();
          await disconnectMongo();
        }
      }
    }
  } finally {
    await services.stop();
  }
  console.log(
    '\nsummary (targets: precision >= 90%, recall >= 90%, FPR <= 1%, fraud keeps <= 2% of the cap)',
  );
  console.log(
    '  simulator     seed  precision  recall  FPR     events  cap plain  cap scored  cap kept  order',
  );
  for (const r of runs) {
    console.log(
      `  ${r.simulation.padEnd(13)} ${String(r.seed).padStart(4)}  ${pct(r.precision)}     ${pct(r.recall)}  ${pct(r.falsePositiveRate)}  ${pct(r.eventShare)}  ${pct(r.capSharePlain)}     ${pct(r.capShare)}      ${pct(r.capShareKept)}    ${r.order.toFixed(3)}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
