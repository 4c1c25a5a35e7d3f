/**
 * `npm run bench:fraud`: measured quality of fraud detection. Simulates a network, ingests it
 * through the activity module (recordActivity, the path every event takes), runs detection for
 * the last ended day, and prints precision, recall and the false-positive rate of flagged
 * member-days against the injected truth, per scheme, next to a baseline measured in the same
 * run: a volume detector ("flag the busiest authors") allowed the same number of flags.
 * Target: recall >= 95% at <= 1% false positives.
 *
 * The honest network (BENCH_MEMBERS authors, default 5,000, on 3 sites):
 * - popularity is heavy-tailed (Pareto, alpha 1.2: most authors get a handful of viewers a day,
 *   a few get thousands), with day-to-day noise;
 * - viewers are anonymous visitors (per-site hashes), returning (seen on the previous two days)
 *   or new in an author-specific proportion (15-55%), and logged-in members (20%), some of whom
 *   follow an author to a second site; 10% of views are repeated;
 * - time of day follows a diurnal curve; members like, comment and share; each author has a
 *   few friends who read and like their work on some days (so honest likes are traded too);
 * - confounders: flash crowds (2% of authors get half their day within 45 minutes), loyal
 *   re-readers (3% of authors, readers come back two or three times).
 * Injected on the evaluated day (the truth, 125 member-days by default): view farms of three
 * kinds (a few bot browsers reloading; hundreds of fresh ids spread over hours; fresh ids within
 * minutes), reciprocal like rings of 4-8 authors, fresh-account bursts (new accounts viewing,
 * liking and commenting within 10-20 minutes) and self-promotion across sites (sock-puppet
 * accounts, old enough to have been seen, pushing one author on two sites all day).
 *
 * Seeded (BENCH_SEED, default 7), so a run is reproducible. Uses MONGO_URL / REDIS_URL when
 * given, else starts FerretDB (scripts/services.ts). Not a test: nothing here asserts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { startServices } from '../../scripts/services';
import { addDays, dayOf, dayStart, type UtcDay } from '../../server/core/day';
import { connectMongo, disconnectMongo } from '../../server/core/mongo';
import { detectFraud, FraudFlag } from '../../server/fraud';
import { recordActivity } from '../../server/activity';
import { seedMaterials } from '../support/trust';

const membersCount = Number(process.env.BENCH_MEMBERS ?? 5000);
const seed = Number(process.env.BENCH_SEED ?? 7);
const sites = ['news', 'forum', 'guides'] as const;
const lurkersCount = membersCount * 3;
const hourMs = 3_600_000;

// ---------------------------------------------------------------------------------- randomness
function mulberry32(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(seed);
const chance = (p: number) => random() < p;
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const pareto = (xm: number, alpha: number) => xm * Math.pow(1 - random(), -1 / alpha);

// --------------------------------------------------------------------------------- the network
interface Author {
  id: string;
  materials: { id: string; siteId: string }[];
  viewersPerDay: number;
  newShare: number;
  friends: string[];
  flash: boolean;
  loyal: boolean;
}

interface Event {
  siteId: string;
  type: 'VIEW' | 'LIKE' | 'COMMENT' | 'SHARE';
  materialId: string;
  actorId: string;
  at: number;
}

function buildNetwork(): Author[] {
  const authors: Author[] = [];
  for (let i = 0; i < membersCount; i++) {
    const id = `m${i}`;
    const home = pick(sites);
    const siteIds = chance(0.3) ? [home, pick(sites.filter((s) => s !== home))] : [home];
    const materials = Array.from({ length: between(1, 3) }, (_, k) => ({
      id: `${id}-mat${k}`,
      siteId: siteIds[k % siteIds.length]!,
    }));
    authors.push({
      id,
      materials,
      viewersPerDay: Math.min(4000, pareto(2, 1.2)),
      newShare: 0.15 + random() * 0.4,
      friends: [],
      flash: chance(0.02),
      loyal: chance(0.03),
    });
  }
  for (const author of authors) {
    author.friends = Array.from({ length: between(0, 4) }, () => pick(authors).id).filter(
      (friend) => friend !== author.id,
    );
  }
  return authors;
}

/** Diurnal: most traffic in the (UTC) evening, little at night. */
function diurnalInstant(day: UtcDay, fromMs: number): number {
  for (;;) {
    const hour = random() * 24;
    const weight = 0.55 + 0.45 * Math.sin(((hour - 14) / 24) * 2 * Math.PI);
    if (random() < weight) {
      return Math.max(fromMs, dayStart(day).getTime() + hour * hourMs);
    }
  }
}

const visitorCounter = { n: 0 };
const freshVisitor = (siteId: string) => `v-${siteId}-${++visitorCounter.n}`;

/** One honest day of one author. `returning` holds each site's visitors of earlier days. */
function honestDay(
  author: Author,
  day: UtcDay,
  fromMs: number,
  returning: Map<string, string[]>,
  seenToday: Map<string, string[]>,
  events: Event[],
) {
  const viewers = Math.round(author.viewersPerDay * (0.7 + random() * 0.6));
  const flashStart = dayStart(day).getTime() + random() * 23 * hourMs;
  const instant = () =>
    author.flash && chance(0.5)
      ? Math.max(fromMs, flashStart + random() * 0.75 * hourMs)
      : diurnalInstant(day, fromMs);
  const sitesOfAuthor = [...new Set(author.materials.map((m) => m.siteId))];
  for (let v = 0; v < viewers; v++) {
    const material = pick(author.materials);
    const loggedIn = chance(0.2);
    let actorId: string;
    if (loggedIn) {
      actorId = chance(0.5)
        ? `u${between(0, lurkersCount - 1)}`
        : `m${between(0, membersCount - 1)}`;
      if (actorId === author.id) continue;
    } else {
      const pool = returning.get(material.siteId) ?? [];
      actorId =
        pool.length > 0 && !chance(author.newShare) ? pick(pool) : freshVisitor(material.siteId);
      seenToday.get(material.siteId)!.push(actorId);
    }
    const at = instant();
    const repeats = author.loyal ? between(1, 3) : chance(0.1) ? 2 : 1;
    for (let r = 0; r < repeats; r++) {
      events.push({
        siteId: material.siteId,
        type: 'VIEW',
        materialId: material.id,
        actorId,
        at: at + r * 60_000,
      });
    }
    if (loggedIn && sitesOfAuthor.length > 1 && chance(0.3)) {
      const other = pick(author.materials.filter((m) => m.siteId !== material.siteId));
      events.push({
        siteId: other.siteId,
        type: 'VIEW',
        materialId: other.id,
        actorId,
        at: at + 5 * 60_000,
      });
    }
    const engage = loggedIn ? 1 : 0.1;
    for (const [type, p] of [
      ['LIKE', 0.25],
      ['COMMENT', 0.08],
      ['SHARE', 0.04],
    ] as const) {
      if (chance(p * engage)) {
        events.push({
          siteId: material.siteId,
          type,
          materialId: material.id,
          actorId,
          at: at + 2 * 60_000,
        });
      }
    }
  }
  for (const friend of author.friends) {
    if (!chance(0.3)) continue;
    const material = pick(author.materials);
    const at = diurnalInstant(day, fromMs);
    events.push({
      siteId: material.siteId,
      type: 'VIEW',
      materialId: material.id,
      actorId: friend,
      at,
    });
    events.push({
      siteId: material.siteId,
      type: 'LIKE',
      materialId: material.id,
      actorId: friend,
      at: at + 60_000,
    });
  }
}

// ------------------------------------------------------------------------------------ schemes
type Scheme =
  | 'farm-reload'
  | 'farm-fresh-slow'
  | 'farm-fresh-burst'
  | 'like-ring'
  | 'fresh-accounts'
  | 'cross-site';

function inject(
  authors: Author[],
  day: UtcDay,
  seenUsers: string[],
  events: Event[],
): Map<string, Scheme> {
  const truth = new Map<string, Scheme>();
  const available = [...authors];
  const take = (filter: (a: Author) => boolean = () => true): Author => {
    for (;;) {
      const index = Math.floor(random() * available.length);
      const author = available[index]!;
      if (!filter(author)) continue;
      available.splice(index, 1);
      return author;
    }
  };
  const window = (minutes: number) => {
    const start = dayStart(day).getTime() + random() * (24 * hourMs - minutes * 60_000);
    return () => start + random() * minutes * 60_000;
  };
  let bot = 0;
  const views = (target: Author, actorId: string, at: number, type: Event['type'] = 'VIEW') => {
    const material = pick(target.materials);
    events.push({ siteId: material.siteId, type, materialId: material.id, actorId, at });
  };

  for (let i = 0; i < 15; i++) {
    const target = take();
    truth.set(target.id, 'farm-reload');
    const instant = window(between(60, 180));
    for (let b = between(5, 20), k = 0; k < b; k++) {
      const actorId = `bot${++bot}`;
      for (let r = between(15, 40); r > 0; r--) views(target, actorId, instant());
    }
  }
  for (let i = 0; i < 15; i++) {
    const target = take();
    truth.set(target.id, 'farm-fresh-slow');
    const instant = window(between(120, 360));
    for (let n = between(80, 300); n > 0; n--) views(target, freshVisitor('farm'), instant());
  }
  for (let i = 0; i < 10; i++) {
    const target = take();
    truth.set(target.id, 'farm-fresh-burst');
    const instant = window(between(5, 15));
    for (let n = between(80, 300); n > 0; n--) views(target, freshVisitor('farm'), instant());
  }
  for (let ring = 0; ring < 5; ring++) {
    const members = Array.from({ length: between(4, 8) }, () => take());
    for (const member of members) {
      truth.set(member.id, 'like-ring');
      for (const other of members.filter((m) => m !== member)) {
        for (const material of other.materials) {
          const at = diurnalInstant(day, 0);
          events.push({
            siteId: material.siteId,
            type: 'VIEW',
            materialId: material.id,
            actorId: member.id,
            at,
          });
          events.push({
            siteId: material.siteId,
            type: 'LIKE',
            materialId: material.id,
            actorId: member.id,
            at: at + 60_000,
          });
        }
      }
    }
  }
  for (let i = 0; i < 20; i++) {
    const target = take();
    truth.set(target.id, 'fresh-accounts');
    const instant = window(between(10, 20));
    for (let n = between(40, 150); n > 0; n--) {
      const actorId = `newacct${++bot}`;
      const at = instant();
      views(target, actorId, at);
      if (chance(0.5)) views(target, actorId, at + 30_000, 'LIKE');
      if (chance(0.2)) views(target, actorId, at + 60_000, 'COMMENT');
    }
  }
  for (let i = 0; i < 15; i++) {
    const target = take((a) => new Set(a.materials.map((m) => m.siteId)).size > 1);
    truth.set(target.id, 'cross-site');
    const puppets = Array.from({ length: between(8, 25) }, () => pick(seenUsers));
    for (const puppet of puppets) {
      for (const material of target.materials) {
        const at = diurnalInstant(day, 0);
        events.push({
          siteId: material.siteId,
          type: 'VIEW',
          materialId: material.id,
          actorId: puppet,
          at,
        });
        if (chance(0.6)) {
          events.push({
            siteId: material.siteId,
            type: 'LIKE',
            materialId: material.id,
            actorId: puppet,
            at: at + 60_000,
          });
        }
      }
    }
  }
  return truth;
}

// --------------------------------------------------------------------------------- ingestion
let eventId = 0;

async function ingest(events: Event[]): Promise<number> {
  const now = Date.now();
  const bySite = new Map<string, Event[]>();
  for (const event of events) {
    if (event.at > now) continue;
    const list = bySite.get(event.siteId) ?? [];
    list.push(event);
    bySite.set(event.siteId, list);
  }
  const batches: { siteId: string; events: Event[] }[] = [];
  for (const [siteId, list] of bySite) {
    for (let i = 0; i < list.length; i += 1000)
      batches.push({ siteId, events: list.slice(i, i + 1000) });
  }
  let rejected = 0;
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const result = await recordActivity(
        batch.siteId,
        batch.events.map((e) => ({
          id: `b${++eventId}`,
          type: e.type,
          materialId: e.materialId,
          actorId: e.actorId,
          occurredAt: new Date(e.at).toISOString(),
        })),
        async () => undefined,
      );
      rejected += result.rejected.length;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return rejected;
}

// ------------------------------------------------------------------------------------ scoring
interface Quality {
  flagged: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  falsePositiveRate: number;
}

function quality(flagged: Set<string>, truth: Map<string, Scheme>, honestActive: number): Quality {
  const truePositives = [...flagged].filter((id) => truth.has(id)).length;
  const falsePositives = flagged.size - truePositives;
  return {
    flagged: flagged.size,
    truePositives,
    falsePositives,
    precision: flagged.size === 0 ? 1 : truePositives / flagged.size,
    recall: truePositives / truth.size,
    falsePositiveRate: falsePositives / honestActive,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const services = await startServices({
    database: 'merit_bench',
    dataDir: mkdtempSync(join(tmpdir(), 'merit-bench-fraud-')),
    ephemeral: true,
    log: (line) => console.log(line),
  });
  const url = new URL(services.mongoUrl);
  url.pathname = `/bench_fraud_${Date.now().toString(36)}`;
  await connectMongo(url.toString());
  try {
    const now = Date.now();
    const day = dayOf(new Date(now - 86_400_000)) as UtcDay;
    // Inside recordActivity's 72-hour window, with a margin.
    const windowStart = now - 71 * hourMs;
    const history = [addDays(day, -2), addDays(day, -1)];

    const started = performance.now();
    const authors = buildNetwork();
    await seedMaterials(
      authors.flatMap((a) =>
        a.materials.map((m) => ({ id: m.id, authorId: a.id, siteId: m.siteId })),
      ),
    );
    const returning = new Map<string, string[]>(sites.map((s) => [s, []]));
    const historyEvents: Event[] = [];
    for (const d of history) {
      const seenToday = new Map<string, string[]>(sites.map((s) => [s, []]));
      for (const author of authors) {
        honestDay(
          author,
          d,
          Math.max(windowStart, dayStart(d).getTime()),
          returning,
          seenToday,
          historyEvents,
        );
      }
      for (const s of sites) returning.get(s)!.push(...seenToday.get(s)!);
    }
    const seenUsers = [
      ...new Set(historyEvents.map((e) => e.actorId).filter((a) => a.startsWith('u'))),
    ];
    const dayEvents: Event[] = [];
    const seenToday = new Map<string, string[]>(sites.map((s) => [s, []]));
    for (const author of authors) honestDay(author, day, 0, returning, seenToday, dayEvents);
    const truth = inject(authors, day, seenUsers, dayEvents);
    // Only events of published materials count, and never an author's own.
    const authorOf = new Map(authors.flatMap((a) => a.materials.map((m) => [m.id, a.id])));
    const counted = (e: Event) => authorOf.get(e.materialId) !== e.actorId;
    const simulated = performance.now();

    const rejected =
      (await ingest(historyEvents.filter(counted))) + (await ingest(dayEvents.filter(counted)));
    const ingested = performance.now();

    const summary = await detectFraud(day, { autoReverseThreshold: null });
    const detected = performance.now();

    const flags = await FraudFlag.find({ day }, { memberId: 1, confidence: 1 }).lean();
    const flagged = new Set(flags.map((f) => f.memberId));
    const activeAuthors = new Set(
      dayEvents.filter(counted).map((e) => authorOf.get(e.materialId)!),
    );
    const honestActive = [...activeAuthors].filter((id) => !truth.has(id)).length;
    const result = quality(flagged, truth, honestActive);

    // Baseline: the busiest authors of the day, as many as the detector flagged.
    const volume = new Map<string, number>();
    for (const e of dayEvents.filter(counted)) {
      const author = authorOf.get(e.materialId)!;
      volume.set(author, (volume.get(author) ?? 0) + 1);
    }
    const busiest = new Set(
      [...volume.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, flagged.size)
        .map(([id]) => id),
    );
    const baseline = quality(busiest, truth, honestActive);

    const eventsCount = historyEvents.length + dayEvents.length;
    console.log(
      `\nfraud detection on ${day}: seed ${seed}, ${membersCount} honest members on ${sites.length} sites`,
    );
    console.log(
      `events: ${eventsCount} simulated (${dayEvents.length} on the day), ${rejected} rejected at ingestion`,
    );
    console.log(
      `member-days active: ${activeAuthors.size} (${honestActive} honest, ${truth.size} injected)`,
    );
    console.log(
      `times: simulate ${seconds(simulated - started)}, ingest ${seconds(ingested - simulated)}, detect ${seconds(detected - ingested)} (${summary.authors} authors assessed)`,
    );
    const row = (name: string, q: Quality) =>
      console.log(
        `${name.padEnd(10)} flagged ${String(q.flagged).padStart(4)}  TP ${String(q.truePositives).padStart(4)}  FP ${String(q.falsePositives).padStart(4)}  precision ${pct(q.precision).padStart(6)}  recall ${pct(q.recall).padStart(6)}  false-positive rate ${pct(q.falsePositiveRate)}`,
      );
    row('detector', result);
    row('baseline', baseline);
    console.log('recall per scheme:');
    for (const scheme of new Set(truth.values())) {
      const targets = [...truth].filter(([, s]) => s === scheme).map(([id]) => id);
      const caught = targets.filter((id) => flagged.has(id)).length;
      console.log(`  ${scheme.padEnd(18)} ${caught}/${targets.length}`);
    }
    const missed = [...truth].filter(([id]) => !flagged.has(id)).map(([id, s]) => `${id} (${s})`);
    if (missed.length > 0) console.log(`missed: ${missed.join(', ')}`);
    const wrong = flags.filter((f) => !truth.has(f.memberId));
    if (wrong.length > 0) {
      console.log(
        `false positives: ${wrong.map((f) => `${f.memberId} (${f.confidence})`).join(', ')}`,
      );
    }
    const target = result.recall >= 0.95 && result.falsePositiveRate <= 0.01;
    console.log(`target (recall >= 95% at <= 1% false positives): ${target ? 'met' : 'NOT met'}`);
  } finally {
    await mongoose.connection.db?.dropDatabase();
    await disconnectMongo();
    await services.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
