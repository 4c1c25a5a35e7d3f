/**
 * Simulator B, "readers" (a second, independent model: report on it, do not tune on it).
 *
 * Where simulator A draws each author's viewers afresh every day, B models people: a population
 * of readers, each with a home site (a quarter read two sites), a habit (how often they come, how
 * much they read), a preferred hour (lunch or evening peak), favourite authors they return to, and
 * a login (logged-in readers are members and may like, comment and share; anonymous readers are a
 * per-site hash and mostly only view). Authors have a quality (log-normal) that draws readers and
 * drive-by search visitors who come once and leave. History: the two days before the evaluated
 * one (as far as the API's 72-hour window reaches).
 *
 * Honest look-alikes on the evaluated day: viral posts (a thousand drive-bys over hours, likes
 * from regular readers), newsletters (regular readers clicking within minutes), social spikes
 * (hundreds of drive-bys within half an hour), fans who follow an author on two sites, friend
 * groups of authors who like each other's work on most days, a new author going viral.
 *
 * Schemes (some running on the history days too, as farms do): slow bots (a few dozen ids that
 * view one author every day, spread over the day, nothing else), a click farm (hundreds of
 * never-seen ids along the diurnal curve, views only), mini rings (2-3 authors liking and
 * commenting on each other's work every day), sock puppets (aged accounts that read a little
 * elsewhere, boosting one author on one site with views and likes), engagement pods (6-12
 * authors liking and commenting on all of each other's materials), vote buying (purchased fresh
 * accounts viewing and liking within half an hour) and a camouflaged farm (aged bots that also
 * view popular honest authors, FRAUDAR's camouflage).
 */
import { addDays, dayStart, type UtcDay } from '../../../server/core/day';
import {
  hourMs,
  randomSource,
  type EventType,
  type Random,
  type SimEvent,
  type SimMaterial,
  type Simulator,
} from './simulation';

const sites = ['games', 'tech', 'howto'] as const;
type Site = (typeof sites)[number];

interface Author {
  id: string;
  quality: number;
  materials: SimMaterial[];
  sites: Site[];
}

interface Reader {
  /** Member id when logged in; anonymous readers get a hash per site. */
  member: string | null;
  anon: string;
  sites: Site[];
  activeChance: number;
  readsPerDay: number;
  hour: number;
  favourites: Author[];
}

export const simulateReaders: Simulator = ({ seed, authors: size, day, windowStartMs }) => {
  const rng = randomSource(seed * 7919 + 1);
  const { chance, between, pick, poisson, random } = rng;
  const days = [addDays(day, -2), addDays(day, -1), day];
  const events: SimEvent[] = [];
  const truth = new Map<string, string>();
  const confounders = new Map<string, string>();

  // ------------------------------------------------------------------------ authors, readers
  const authors: Author[] = Array.from({ length: size }, (_, i) => {
    const home = pick(sites);
    const authorSites: Site[] = chance(0.2)
      ? [home, pick(sites.filter((s) => s !== home))]
      : [home];
    const id = `w${i}`;
    return {
      id,
      quality: Math.exp(-0.5 + 1.1 * normal(rng)),
      sites: authorSites,
      materials: Array.from({ length: between(authorSites.length, 4) }, (_, k) => ({
        id: `${id}-p${k}`,
        authorId: id,
        siteId: authorSites[k % authorSites.length]!,
      })),
    };
  });
  const bySite = new Map<Site, Author[]>(
    sites.map((s) => [s, authors.filter((a) => a.sites.includes(s))]),
  );
  const weighted = new Map<Site, WeightedPick<Author>>(
    sites.map((s) => [s, weightedPick(rng, bySite.get(s)!, (a) => a.quality)]),
  );
  const readers: Reader[] = Array.from({ length: size * 6 }, (_, i) => {
    const home = pick(sites);
    const readerSites: Site[] = chance(0.25)
      ? [home, pick(sites.filter((s) => s !== home))]
      : [home];
    const loggedIn = chance(0.35);
    return {
      member: loggedIn ? (chance(0.15) ? pick(authors).id : `r${i}`) : null,
      anon: `h${i}`,
      sites: readerSites,
      activeChance: Math.min(0.95, 0.1 + random() * random() * 1.2),
      readsPerDay: 1 + random() * 4,
      hour: chance(0.4) ? 12 + 2 * normal(rng) : 20 + 2.5 * normal(rng),
      favourites: Array.from({ length: between(0, 3) }, () =>
        weighted.get(readerSites[0]!)!.pick(),
      ),
    };
  });
  const regulars = readers.filter((r) => r.activeChance > 0.3);
  const loggedInRegulars = regulars.filter((r) => r.member);

  // ------------------------------------------------------------------------------ emitting
  const earliest = (d: UtcDay) => Math.max(windowStartMs, dayStart(d).getTime());
  const onDay = (d: UtcDay, hour: number) => {
    const at = dayStart(d).getTime() + (((hour % 24) + 24) % 24) * hourMs;
    return at >= earliest(d) ? at : null;
  };
  const emit = (
    d: UtcDay,
    material: SimMaterial,
    actorId: string,
    type: EventType,
    hour: number,
    fake = false,
  ) => {
    const at = onDay(d, hour);
    if (at === null) return;
    events.push({ siteId: material.siteId, type, materialId: material.id, actorId, at, fake });
  };
  const actorOf = (reader: Reader, site: Site) => reader.member ?? `${reader.anon}-${site}`;
  /** One reader reading one material, with the engagement a person shows. */
  const read = (d: UtcDay, reader: Reader, material: SimMaterial, hour: number, likeBoost = 1) => {
    const actorId = actorOf(reader, material.siteId as Site);
    emit(d, material, actorId, 'VIEW', hour);
    if (chance(0.15)) emit(d, material, actorId, 'VIEW', hour + 0.3);
    if (reader.member) {
      if (chance(0.12 * likeBoost)) emit(d, material, actorId, 'LIKE', hour + 0.05);
      if (chance(0.04 * likeBoost)) emit(d, material, actorId, 'COMMENT', hour + 0.1);
      if (chance(0.02)) emit(d, material, actorId, 'SHARE', hour + 0.1);
    } else if (chance(0.01)) emit(d, material, actorId, 'SHARE', hour + 0.1);
  };
  const materialOn = (author: Author, site?: Site) =>
    pick(site ? author.materials.filter((m) => m.siteId === site) : author.materials);
  let visitors = 0;
  const driveBy = (d: UtcDay, author: Author, hour: number) => {
    const material = materialOn(author);
    const actorId = `s${++visitors}-${material.siteId}`;
    emit(d, material, actorId, 'VIEW', hour);
    if (chance(0.005)) emit(d, material, actorId, 'SHARE', hour + 0.1);
  };

  // ------------------------------------------------------------------------ honest traffic
  const honestDay = (d: UtcDay, skip: ReadonlySet<string>) => {
    for (const reader of readers) {
      if (!chance(reader.activeChance)) continue;
      const hour = reader.hour + normal(rng);
      for (let n = poisson(reader.readsPerDay); n > 0; n--) {
        const site = pick(reader.sites);
        const author =
          reader.favourites.length > 0 && chance(0.35)
            ? pick(reader.favourites)
            : weighted.get(site)!.pick();
        if (skip.has(author.id) || reader.member === author.id) continue;
        const onSite = author.materials.filter((m) => m.siteId === site);
        read(d, reader, onSite.length > 0 ? pick(onSite) : materialOn(author), hour + random());
      }
    }
    for (const author of authors) {
      if (skip.has(author.id)) continue;
      for (let n = poisson(author.quality * 2); n > 0; n--) driveBy(d, author, diurnalHour(rng));
    }
  };

  // Authors chosen for a role on the evaluated day (confounder or scheme), each at most once.
  const free = new Set(authors.map((a) => a.id));
  const take = (filter: (a: Author) => boolean = () => true): Author => {
    for (;;) {
      const author = pick(authors);
      if (free.has(author.id) && filter(author)) {
        free.delete(author.id);
        return author;
      }
    }
  };
  const popular = [...authors].sort((a, b) => b.quality - a.quality).slice(0, 50);
  const newAuthor = take();
  newAuthor.quality = 0.2;
  for (const d of days) honestDay(d, d === day ? new Set() : new Set([newAuthor.id]));

  // ------------------------------------------------------------------------ confounders on D
  const confound = (kind: string, author: Author) => confounders.set(author.id, kind);
  for (let i = 0; i < Math.max(3, size / 500); i++) {
    const author = take();
    confound('viral-post', author);
    const start = 6 + random() * 12;
    for (let n = between(400, 1500); n > 0; n--)
      driveBy(day, author, start + random() * between(3, 8));
    for (let n = between(20, 60); n > 0; n--)
      read(day, pick(regulars), materialOn(author), start + random() * 6, 2);
  }
  for (let i = 0; i < 12; i++) {
    const author = take();
    confound('newsletter', author);
    const at = 7 + random() * 12;
    const material = materialOn(author);
    for (let n = between(50, 200); n > 0; n--)
      read(day, pick(regulars), material, at + (random() * between(3, 10)) / 60);
  }
  for (let i = 0; i < 6; i++) {
    const author = take();
    confound('social-spike', author);
    const at = 8 + random() * 12;
    for (let n = between(200, 800); n > 0; n--) driveBy(day, author, at + random() * 0.5);
    for (let n = between(5, 20); n > 0; n--)
      read(day, pick(regulars), materialOn(author), at + random());
  }
  for (let i = 0; i < 8; i++) {
    const author = take((a) => a.sites.length > 1);
    confound('fans-on-two-sites', author);
    const fans = Array.from({ length: between(20, 40) }, () => pick(loggedInRegulars));
    for (const d of days) {
      for (const fan of fans) {
        if (fan.member === author.id || !chance(0.8)) continue;
        const hour = fan.hour + normal(rng);
        for (const site of author.sites)
          read(d, fan, materialOn(author, site), hour + random(), 1.5);
      }
    }
  }
  for (let g = 0; g < 6; g++) {
    const group = Array.from({ length: between(3, 5) }, () => take());
    for (const d of days) {
      for (const friend of group) {
        for (const other of group) {
          if (other === friend || !chance(0.5)) continue;
          const material = materialOn(other);
          const hour = diurnalHour(rng);
          emit(d, material, friend.id, 'VIEW', hour);
          if (chance(0.7)) emit(d, material, friend.id, 'LIKE', hour + 0.05);
          if (chance(0.2)) emit(d, material, friend.id, 'COMMENT', hour + 0.1);
        }
      }
    }
    for (const friend of group) confound('friend-group', friend);
  }
  confound('new-author-viral', newAuthor);
  {
    const start = 9 + random() * 6;
    for (let n = between(500, 1500); n > 0; n--) driveBy(day, newAuthor, start + random() * 8);
    for (let n = between(40, 80); n > 0; n--)
      read(day, pick(regulars), materialOn(newAuthor), start + random() * 8, 2);
  }

  // ------------------------------------------------------------------------------ schemes
  let fakes = 0;
  const scheme = (name: string, author: Author) => truth.set(author.id, name);
  const fakeEvent = (
    d: UtcDay,
    material: SimMaterial,
    actorId: string,
    type: EventType,
    hour: number,
  ) => emit(d, material, actorId, type, hour, true);

  for (let i = 0; i < 15; i++) {
    const target = take();
    scheme('slow-bots', target);
    const bots = Array.from({ length: between(20, 60) }, () => `bot${++fakes}`);
    for (const d of days) {
      for (const bot of bots) {
        const material = materialOn(target);
        fakeEvent(d, material, `${bot}-${material.siteId}`, 'VIEW', random() * 24);
      }
    }
  }
  for (let i = 0; i < 15; i++) {
    const target = take();
    scheme('click-farm', target);
    for (let n = between(150, 600); n > 0; n--) {
      const material = materialOn(target);
      fakeEvent(day, material, `c${++fakes}-${material.siteId}`, 'VIEW', diurnalHour(rng));
    }
  }
  for (let r = 0; r < 6; r++) {
    const ring = Array.from({ length: between(2, 3) }, () => take());
    for (const member of ring) scheme('mini-ring', member);
    for (const d of days) {
      for (const member of ring) {
        for (const other of ring.filter((o) => o !== member)) {
          for (const material of other.materials) {
            const hour = diurnalHour(rng);
            fakeEvent(d, material, member.id, 'VIEW', hour);
            fakeEvent(d, material, member.id, 'LIKE', hour + 0.02);
            if (chance(0.7)) fakeEvent(d, material, member.id, 'COMMENT', hour + 0.05);
          }
        }
      }
    }
  }
  for (let i = 0; i < 15; i++) {
    const target = take();
    scheme('sock-puppets', target);
    const site = pick(target.sites);
    const puppets = Array.from({ length: between(10, 30) }, () => `acct${++fakes}`);
    for (const d of days) {
      for (const puppet of puppets) {
        // A little reading elsewhere, to look aged.
        if (chance(0.3))
          fakeEvent(d, materialOn(weighted.get(site)!.pick()), puppet, 'VIEW', diurnalHour(rng));
        if (d !== day && chance(0.5)) continue;
        const material = materialOn(target, site);
        const hour = diurnalHour(rng);
        fakeEvent(d, material, puppet, 'VIEW', hour);
        if (chance(0.7)) fakeEvent(d, material, puppet, 'LIKE', hour + 0.02);
        if (chance(0.2)) fakeEvent(d, material, puppet, 'COMMENT', hour + 0.05);
      }
    }
  }
  for (let p = 0; p < 3; p++) {
    const pod = Array.from({ length: between(6, 12) }, () => take());
    for (const member of pod) {
      scheme('engagement-pod', member);
      for (const other of pod.filter((o) => o !== member)) {
        const material = other.materials[other.materials.length - 1]!;
        const hour = 10 + random() * 10;
        fakeEvent(day, material, member.id, 'VIEW', hour);
        fakeEvent(day, material, member.id, 'LIKE', hour + 0.02);
        if (chance(0.8)) fakeEvent(day, material, member.id, 'COMMENT', hour + 0.05);
      }
    }
  }
  for (let i = 0; i < 10; i++) {
    const target = take();
    scheme('vote-buying', target);
    const start = 6 + random() * 14;
    const material = materialOn(target);
    for (let n = between(50, 200); n > 0; n--) {
      const actorId = `buy${++fakes}`;
      const hour = start + random() * 0.5;
      fakeEvent(day, material, actorId, 'VIEW', hour);
      if (chance(0.8)) fakeEvent(day, material, actorId, 'LIKE', hour + 0.01);
    }
  }
  for (let i = 0; i < 10; i++) {
    const target = take();
    scheme('camouflaged-farm', target);
    const bots = Array.from({ length: between(30, 80) }, () => `cam${++fakes}`);
    for (const d of days) {
      for (const bot of bots) {
        const hour = diurnalHour(rng);
        fakeEvent(d, materialOn(target), bot, 'VIEW', hour);
        if (chance(0.3)) fakeEvent(d, materialOn(target), bot, 'LIKE', hour + 0.02);
        for (let c = between(1, 3); c > 0; c--) {
          fakeEvent(d, materialOn(pick(popular)), bot, 'VIEW', diurnalHour(rng));
        }
      }
    }
  }
  for (const id of truth.keys()) confounders.delete(id);
  return {
    name: 'B readers',
    day,
    materials: authors.flatMap((a) => a.materials),
    events,
    truth,
    confounders,
  };
};

/** A standard normal draw (Box-Muller). */
function normal(rng: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rng.random())) * Math.cos(2 * Math.PI * rng.random());
}

/** An hour of the day from two peaks (lunch and evening) and a floor of night traffic. */
function diurnalHour(rng: Random): number {
  const u = rng.random();
  if (u < 0.1) return rng.random() * 24;
  return u < 0.45 ? 12.5 + 1.5 * normal(rng) : 20.5 + 2 * normal(rng);
}

interface WeightedPick<T> {
  pick(): T;
}

/** Draws items in proportion to `weight` (binary search over the cumulative weights). */
function weightedPick<T>(rng: Random, items: T[], weight: (item: T) => number): WeightedPick<T> {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weight(item)));
  return {
    pick() {
      const target = rng.random() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      return items[lo]!;
    },
  };
}
