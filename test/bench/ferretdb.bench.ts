/**
 * `npm run bench:ferretdb`: which FerretDB backend serves Merit better. Starts FerretDB over
 * SQLite and over the local PostgreSQL (when one answers on 127.0.0.1:5432), and runs the same
 * mix against each: unique-indexed insertOne at concurrency 1 and 32, and conditional
 * findOneAndUpdate ($inc) at concurrency 32, the shapes the ledger uses. Prints ops/s side by side.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { ensureFerretBinary, freePort, stopChild } from '../../scripts/services';

const operations = 3000;

const { MongoClient } = mongoose.mongo;

async function waitConnect(url: string): Promise<InstanceType<typeof MongoClient>> {
  for (let i = 0; i < 100; i++) {
    try {
      return await MongoClient.connect(url, { serverSelectionTimeoutMS: 500 });
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`cannot connect to ${url}`);
}

async function run(concurrency: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < operations) await task(next++);
    }),
  );
  return operations / ((performance.now() - started) / 1000);
}

async function measure(label: string, handlerArgs: string[]) {
  const binary = await ensureFerretBinary(console.log);
  const port = await freePort();
  const child = spawn(
    binary,
    [
      `--listen-addr=127.0.0.1:${port}`,
      ...handlerArgs,
      '--telemetry=disable',
      '--log-level=ERROR',
      '--debug-addr=-',
    ],
    { stdio: 'ignore' },
  );
  const client = await waitConnect(`mongodb://127.0.0.1:${port}/bench`);
  try {
    const db = client.db('bench');
    const entries = db.collection('entries');
    await entries.createIndex({ key: 1 }, { unique: true });
    const seq1 = await run(1, (i) =>
      entries.insertOne({ key: `a${i}`, amount: 1, at: new Date() }),
    );
    const seq32 = await run(32, (i) =>
      entries.insertOne({ key: `b${i}`, amount: 1, at: new Date() }),
    );
    const accounts = db.collection<{ _id: number; seq: number }>('accounts');
    await accounts.insertMany(Array.from({ length: 64 }, (_, i) => ({ _id: i, seq: 0 })));
    const cas32 = await run(32, (i) =>
      accounts.findOneAndUpdate({ _id: i % 64 }, { $inc: { seq: 1 } }, { returnDocument: 'after' }),
    );
    return { label, seq1, seq32, cas32 };
  } finally {
    await client.close();
    await stopChild(child);
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'merit-bench-ferret-'));
  const results = [await measure('sqlite', ['--handler=sqlite', `--sqlite-url=file:${dataDir}/`])];
  const pg = spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-tAc', 'select 1'], {
    encoding: 'utf8',
  });
  if (pg.status === 0) {
    const database = `ferretdb_bench_${process.pid}`;
    spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-c', `create database ${database}`]);
    try {
      results.push(
        await measure('postgresql', [
          '--handler=postgresql',
          `--postgresql-url=postgres://postgres@127.0.0.1:5432/${database}`,
        ]),
      );
    } finally {
      spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-c', `drop database ${database}`]);
    }
  } else {
    console.log('postgresql: no local server on 127.0.0.1:5432, skipped');
  }
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `\n${'backend'.padEnd(12)} ${'insert c=1'.padStart(12)} ${'insert c=32'.padStart(12)} ${'$inc c=32'.padStart(12)}  (ops/s, ${operations} ops each)`,
  );
  for (const r of results) {
    console.log(
      `${r.label.padEnd(12)} ${r.seq1.toFixed(0).padStart(12)} ${r.seq32.toFixed(0).padStart(12)} ${r.cas32.toFixed(0).padStart(12)}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
