/**
 * `npm run bench:ingest`: activity ingestion throughput. Four concurrent clients (one per site)
 * send `recordActivity` batches of 1000 events over HTTP to an API started in this process,
 * and the same run measures the baseline: a raw unordered `insertMany` of the same event
 * documents (the shape `activityEvents` stores), from four concurrent writers, into another
 * collection of the same database. Prints events/s for both and the ratio (target >= 50%).
 *
 * The two alternate over BENCH_ROUNDS rounds (default 3) of BENCH_BATCHES batches per client
 * (default 5), so that load from elsewhere on the machine weighs on both alike; the figures are
 * totals over all rounds. Uses MONGO_URL / REDIS_URL when given, else starts FerretDB and Redis
 * (scripts/services.ts). Not a test: nothing here asserts a time; it only checks that every
 * event was accepted, so the figure measures real work.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { startServices } from '../../scripts/services';
import { startServer } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/core/log';
import { dayOf } from '../../server/core/day';
import { postGraphQL } from '../support/harness';
import { signToken, type TokenClaims } from '../support/tokens';
import { pick, randomEventType } from './eventMix';

const clients = 4;
const batchSize = 1000;
const batchesPerClient = Number(process.env.BENCH_BATCHES ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const materialsCount = 100;
const visitorsCount = 20_000;
const secret = 'bench-secret-0123456789abcdef-merit';

interface BenchEvent {
  id: string;
  type: 'VIEW' | 'LIKE' | 'COMMENT' | 'SHARE';
  materialId: string;
  actorId: string;
  occurredAt: string;
}

function makeBatch(prefix: string, materialIds: string[]): BenchEvent[] {
  return Array.from({ length: batchSize }, (_, i) => ({
    id: `${prefix}-${i}`,
    type: randomEventType(),
    materialId: pick(materialIds),
    actorId: `visitor-${Math.floor(Math.random() * visitorsCount)}`,
    occurredAt: new Date(Date.now() - Math.floor(Math.random() * 3_600_000)).toISOString(),
  }));
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

async function main() {
  const services = await startServices({
    database: 'merit_bench',
    dataDir: mkdtempSync(join(tmpdir(), 'merit-bench-ingest-')),
    ephemeral: true,
    log: (line) => console.log(line),
  });
  const database = `bench_ingest_${Date.now().toString(36)}`;
  const mongoUrl = new URL(services.mongoUrl);
  mongoUrl.pathname = `/${database}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    MONGO_URL: mongoUrl.toString(),
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX: `${database}:`,
    JWT_SECRET: secret,
    LOG_LEVEL: 'silent',
    RATE_SITE_EVENTS_PER_MIN: '1000000000',
    RATE_SITE_PER_MIN: '1000000',
    RATE_IP_PER_MIN: '1000000',
    RATE_MEMBER_PER_MIN: '1000000',
    RATE_SUBMIT_PER_MIN: '1000000',
  });
  const server = await startServer(config, { log: createLogger('silent') });
  const as = async (claims: TokenClaims) => {
    const token = await signToken(secret, claims);
    return <T>(query: string, variables?: Record<string, unknown>) =>
      postGraphQL<T>(server.url, query, variables, token);
  };
  try {
    // A small network: four sites, 100 published materials by 20 authors.
    const admin = await as({ sub: 'admin', roles: ['ADMIN'] });
    const editor = await as({ sub: 'editor', roles: ['EDITOR'] });
    const sites = Array.from({ length: clients }, (_, i) => `site${i}`);
    for (const id of sites) {
      await admin(
        `mutation { upsertSite(input: { id: "${id}", name: "${id}", domain: "${id}.example" }) { id } }`,
      );
    }
    const authorOf = new Map<string, string>();
    for (let i = 0; i < materialsCount; i++) {
      const authorId = `author${i % 20}`;
      const author = await as({ sub: authorId });
      const res = await author<{ submitMaterial: { id: string } }>(
        'mutation($input: SubmitMaterialInput!) { submitMaterial(input: $input) { id } }',
        {
          input: {
            siteId: pick(sites),
            title: `Article ${i}`,
            url: `https://bench.example/a/${i}`,
            category: 'bench',
          },
        },
      );
      const id = res.data!.submitMaterial.id;
      await editor('mutation($id: ID!) { publishMaterial(id: $id) { id } }', { id });
      authorOf.set(id, authorId);
    }
    const materialIds = [...authorOf.keys()];
    const siteClients = await Promise.all(
      sites.map((site) => as({ sub: `${site}-backend`, roles: ['SITE'], site })),
    );
    const send = async (client: number, events: BenchEvent[]) => {
      const res = await siteClients[client]!<{ recordActivity: { accepted: number } }>(
        'mutation($events: [ActivityEventInput!]!) { recordActivity(events: $events) { accepted duplicates rejected { id reason } } }',
        { events },
      );
      const accepted = res.data?.recordActivity.accepted;
      if (accepted !== events.length)
        throw new Error(`batch not fully accepted: ${JSON.stringify(res.errors ?? res.data)}`);
    };

    // Baseline documents: the same events as the documents recordActivity stores.
    const baseline = mongoose.connection.db!.collection('benchBaselineEvents');
    const asDocs = (site: string, events: BenchEvent[]) =>
      events.map((e) => ({
        _id: `${site}:${e.id}`,
        siteId: site,
        eventId: e.id,
        type: e.type,
        materialId: e.materialId,
        authorId: authorOf.get(e.materialId)!,
        actorId: e.actorId,
        occurredAt: new Date(e.occurredAt),
        day: dayOf(new Date(e.occurredAt)),
        recordedAt: new Date(),
      }));
    const ingest = (batches: BenchEvent[][][]) =>
      timed(async () => {
        await Promise.all(
          batches.map(async (clientBatches, c) => {
            for (const events of clientBatches) await send(c, events);
          }),
        );
      });
    const insertRaw = (batches: BenchEvent[][][]) => {
      const docs = batches.map((clientBatches, c) =>
        clientBatches.map((events) => asDocs(sites[c]!, events)),
      );
      return timed(async () => {
        await Promise.all(
          docs.map(async (clientDocs) => {
            for (const batch of clientDocs)
              await baseline.insertMany(batch as never[], { ordered: false });
          }),
        );
      });
    };
    const makeRound = (label: string, batchesEach: number) =>
      sites.map((site) =>
        Array.from({ length: batchesEach }, (_, b) =>
          makeBatch(`${site}-${label}-${b}`, materialIds),
        ),
      );

    await ingest(makeRound('warmup', 1));
    await insertRaw(makeRound('warmup', 1));
    let ingestSeconds = 0;
    let baselineSeconds = 0;
    const eventsPerRound = clients * batchesPerClient * batchSize;
    const rate = (seconds: number) => (eventsPerRound / seconds).toFixed(0);
    for (let round = 0; round < rounds; round++) {
      const batches = makeRound(`r${round}`, batchesPerClient);
      const ingestRound = await ingest(batches);
      const baselineRound = await insertRaw(batches);
      ingestSeconds += ingestRound;
      baselineSeconds += baselineRound;
      console.log(
        `round ${round + 1}: recordActivity ${rate(ingestRound)} events/s, baseline ${rate(baselineRound)} events/s`,
      );
    }

    const totalEvents = eventsPerRound * rounds;
    const ingestRate = totalEvents / ingestSeconds;
    const baselineRate = totalEvents / baselineSeconds;
    console.log(
      `events: ${totalEvents} (${rounds} rounds x ${clients} clients x ${batchesPerClient} batches x ${batchSize})`,
    );
    console.log(
      `recordActivity over HTTP: ${ingestRate.toFixed(0)} events/s (${ingestSeconds.toFixed(2)} s)`,
    );
    console.log(
      `baseline raw insertMany:  ${baselineRate.toFixed(0)} events/s (${baselineSeconds.toFixed(2)} s)`,
    );
    console.log(
      `ratio: ${((ingestRate / baselineRate) * 100).toFixed(1)}% of baseline (target >= 50%)`,
    );
  } finally {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await server.close();
    await services.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
