/**
 * Simulator A, "sessions" (the first model, written with the first detectors; tune on this one).
 *
 * Honest network, on 3 sites: popularity is heavy-tailed (Pareto, alpha 1.2: most authors get a
 * handful of viewers a day, a few thousands), with day-to-day noise; viewers are anonymous
 * visitors (per-site hashes), returning (seen on earlier days) or new in an author-specific
 * proportion (15-55%), and logged-in members (20%), some of whom follow an author to a second
 * site; 10% of views are repeated; time of day follows a diurnal curve; members like, comment and
 * share; each author has a few friends who read and like their work on some days. Confounders:
 * flash crowds (2% of authors get half their day within 45 minutes), loyal re-readers (3%).
 *
 * Injected on the evaluated day: view farms of three kinds (a few bot browsers reloading;
 * hundreds of fresh ids spread over hours; fresh ids within minutes), reciprocal like rings of
 * 4-8 authors, fresh-account bursts (new accounts viewing, liking and commenting within 10-20
 * minutes) and self-promotion across sites (sock puppets seen before, on two sites all day).
 */
import { addDays, dayStart, type UtcDay } from '../../../server/core/day';
import {
  hourMs,
  instantOn,
  randomSource,
  type Random,
  type SimEvent,
  type Simulator,
} from './simulation';

const sites = ['news', 'forum', 'guides'] as const;

interface Author {
  id: string;
  materials: { id: string; siteId: string }[];
  viewersPerDay: number;
  newShare: number;
  friends: string[];
  flash: boolean;
  loyal: boolean;
}

export const simulateSessions: Simulator = ({ seed, authors: size, day, windowStartMs }) => {
  const rng = randomSource(seed);
  const { chance, between, pick } = rng;
  const lurkers = size * 3;
  const authors = buildNetwork(rng, size);
  const diurnal = (d: UtcDay, fromMs: number) =>
    instantOn(rng, d, fromMs, (hour) => 0.55 + 0.45 * Math.sin(((hour - 14) / 24) * 2 * Math.PI));
  let visitors = 0;
  const freshVisitor = (siteId: string) => `v-${siteId}-${++visitors}`;

  const honestDay = (
    author: Author,
    d: UtcDay,
    fromMs: number,
    returning: Map<string, string[]>,
    seenToday: Map<string, string[]>,
    events: SimEvent[],
  ) => {
    const viewers = Math.round(author.viewersPerDay * (0.7 + rng.random() * 0.6));
    const flashStart = dayStart(d).getTime() + rng.random() * 23 * hourMs;
    const instant = () =>
      author.flash && chance(0.5)
        ? Math.max(fromMs, flashStart + rng.random() * 0.75 * hourMs)
        : diurnal(d, fromMs);
    const sitesOfAuthor = [...new Set(author.materials.map((m) => m.siteId))];
    for (let v = 0; v < viewers; v++) {
      const material = pick(author.materials);
      const loggedIn = chance(0.2);
      let actorId: string;
      if (loggedIn) {
        actorId = chance(0.5) ? `u${between(0, lurkers - 1)}` : `m${between(0, size - 1)}`;
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
      const at = diurnal(d, fromMs);
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
  };

  const returning = new Map<string, string[]>(sites.map((s) => [s, []]));
  const events: SimEvent[] = [];
  for (const d of [addDays(day, -2), addDays(day, -1)]) {
    const seenToday = new Map<string, string[]>(sites.map((s) => [s, []]));
    for (const author of authors) {
      honestDay(
        author,
        d,
        Math.max(windowStartMs, dayStart(d).getTime()),
        returning,
        seenToday,
        events,
      );
    }
    for (const s of sites) returning.get(s)!.push(...seenToday.get(s)!);
  }
  const seenUsers = [...new Set(events.map((e) => e.actorId).filter((a) => a.startsWith('u')))];
  const seenToday = new Map<string, string[]>(sites.map((s) => [s, []]));
  for (const author of authors) honestDay(author, day, 0, returning, seenToday, events);
  const confounders = new Map<string, string>();
  for (const author of authors) {
    if (author.flash) confounders.set(author.id, 'flash-crowd');
    else if (author.loyal) confounders.set(author.id, 'loyal-re-readers');
  }
  const truth = inject(rng, authors, day, seenUsers, events, freshVisitor, diurnal);
  for (const id of truth.keys()) confounders.delete(id);
  return {
    name: 'A sessions',
    day,
    materials: authors.flatMap((a) => a.materials.map((m) => ({ ...m, authorId: a.id }))),
    events,
    truth,
    confounders,
  };
};

function buildNetwork(rng: Random, size: number): Author[] {
  const { chance, between, pick, pareto } = rng;
  const authors: Author[] = [];
  for (let i = 0; i < size; i++) {
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
      newShare: 0.15 + rng.random() * 0.4,
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

function inject(
  rng: Random,
  authors: Author[],
  day: UtcDay,
  seenUsers: string[],
  events: SimEvent[],
  freshVisitor: (siteId: string) => string,
  diurnal: (d: UtcDay, fromMs: number) => number,
): Map<string, string> {
  const { chance, between, pick } = rng;
  const truth = new Map<string, string>();
  const available = [...authors];
  const take = (filter: (a: Author) => boolean = () => true): Author => {
    for (;;) {
      const index = Math.floor(rng.random() * available.length);
      const author = available[index]!;
      if (!filter(author)) continue;
      available.splice(index, 1);
      return author;
    }
  };
  const window = (minutes: number) => {
    const start = dayStart(day).getTime() + rng.random() * (24 * hourMs - minutes * 60_000);
    return () => start + rng.random() * minutes * 60_000;
  };
  let bot = 0;
  const fake = (target: Author, actorId: string, at: number, type: SimEvent['type'] = 'VIEW') => {
    const material = pick(target.materials);
    events.push({
      siteId: material.siteId,
      type,
      materialId: material.id,
      actorId,
      at,
      fake: true,
    });
  };

  for (let i = 0; i < 15; i++) {
    const target = take();
    truth.set(target.id, 'farm-reload');
    const instant = window(between(60, 180));
    for (let b = between(5, 20), k = 0; k < b; k++) {
      const actorId = `bot${++bot}`;
      for (let r = between(15, 40); r > 0; r--) fake(target, actorId, instant());
    }
  }
  for (let i = 0; i < 15; i++) {
    const target = take();
    truth.set(target.id, 'farm-fresh-slow');
    const instant = window(between(120, 360));
    for (let n = between(80, 300); n > 0; n--) fake(target, freshVisitor('farm'), instant());
  }
  for (let i = 0; i < 10; i++) {
    const target = take();
    truth.set(target.id, 'farm-fresh-burst');
    const instant = window(between(5, 15));
    for (let n = between(80, 300); n > 0; n--) fake(target, freshVisitor('farm'), instant());
  }
  for (let ring = 0; ring < 5; ring++) {
    const members = Array.from({ length: between(4, 8) }, () => take());
    for (const member of members) {
      truth.set(member.id, 'like-ring');
      for (const other of members.filter((m) => m !== member)) {
        for (const material of other.materials) {
          const at = diurnal(day, 0);
          const base = { siteId: material.siteId, materialId: material.id, actorId: member.id };
          events.push({ ...base, type: 'VIEW', at, fake: true });
          events.push({ ...base, type: 'LIKE', at: at + 60_000, fake: true });
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
      fake(target, actorId, at);
      if (chance(0.5)) fake(target, actorId, at + 30_000, 'LIKE');
      if (chance(0.2)) fake(target, actorId, at + 60_000, 'COMMENT');
    }
  }
  for (let i = 0; i < 15; i++) {
    const target = take((a) => new Set(a.materials.map((m) => m.siteId)).size > 1);
    truth.set(target.id, 'cross-site');
    const puppets = Array.from({ length: between(8, 25) }, () => pick(seenUsers));
    for (const puppet of puppets) {
      for (const material of target.materials) {
        const at = diurnal(day, 0);
        const base = { siteId: material.siteId, materialId: material.id, actorId: puppet };
        events.push({ ...base, type: 'VIEW', at, fake: true });
        if (chance(0.6)) events.push({ ...base, type: 'LIKE', at: at + 60_000, fake: true });
      }
    }
  }
  return truth;
}
