import type { ActivityType } from '../../server/activity';
import { dayEnd, dayStart, type UtcDay } from '../../server/core/day';
import { demoSeed } from './demoNetwork';
import { randomFor, type Random } from './random';

/**
 * The network's activity, day by day, as the sites would report it (pure, seeded): readers of
 * each published material, mostly anonymous visitors of its site and some signed-in members,
 * who view (and now and then refresh), like, comment and share, at the hours people read.
 *
 * - Popularity is heavy-tailed (demoNetwork.ts draws it from a Pareto law): most materials get
 *   a handful of readers a day, a few get crowds. A material's audience peaks when it goes up
 *   and decays to a long tail; weekends are a little busier.
 * - Honest traffic stays below every fraud detector's threshold (server/fraud/detectors): few
 *   refreshes per reader, readers spread over the day, visitors drawn from each site's own
 *   large pool, members liking each other only by chance.
 * - The view farm is what a detector must catch: a few dozen never-seen visitors reloading one
 *   material hundreds of times within minutes.
 */
export interface DemoEvent {
  siteId: string;
  /** The site's event id (unique per site). */
  id: string;
  type: ActivityType;
  materialId: string;
  authorId: string;
  actorId: string;
  occurredAt: Date;
}

export interface PublishedMaterial {
  id: string;
  authorId: string;
  siteId: string;
  popularity: number;
  firstDay: number;
}

/** Relative readership per UTC hour: quiet nights, busy evenings. */
const hourWeights = [3, 2, 1, 1, 1, 1, 2, 3, 4, 5, 5, 6, 6, 6, 6, 7, 7, 8, 9, 10, 10, 9, 7, 5];
const hourWeightTotal = hourWeights.reduce((a, b) => a + b, 0);
const hourMs = 3_600_000;
const minuteMs = 60_000;

/** Anonymous visitors per site: large enough that honest readers rarely look brand-new. */
const visitorsPerSite = 2500;
/** The share of readers who are signed-in members rather than anonymous visitors. */
const memberReaderShare = 0.12;

/** A 32-bit integer hash (murmur3's finaliser), for stable visitor hashes. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const hex = (value: number) => value.toString(16).padStart(8, '0');
const visitorHash = (site: string, n: number) => {
  const siteCode = [...site].reduce((h, c) => mix32(h + c.charCodeAt(0)), 17);
  return `anon-${hex(mix32(siteCode + n))}${hex(mix32(n * 7919 + siteCode))}`;
};

function hourOfDay(rng: Random): number {
  let pick = rng.next() * hourWeightTotal;
  for (let hour = 0; hour < 24; hour++) {
    pick -= hourWeights[hour]!;
    if (pick < 0) return hour;
  }
  return 23;
}

/** Unique readers of a material on the `age`-th day since it went up. */
function readersOn(material: PublishedMaterial, age: number, weekend: boolean, rng: Random) {
  const decay = 0.2 + 0.8 * Math.exp(-age / 5);
  const expected = material.popularity * decay * (weekend ? 1.2 : 1);
  return Math.round(expected * (0.6 + 0.8 * rng.next()));
}

/**
 * Day `dayIndex` of the history (`day`): every event that happened before `until` (today's
 * events stop at the present). `members` are the member ids who may read while signed in.
 */
export function dayActivity(
  dayIndex: number,
  day: UtcDay,
  materials: readonly PublishedMaterial[],
  members: readonly string[],
  until: Date,
): DemoEvent[] {
  const rng = randomFor(demoSeed, 1000 + dayIndex);
  const start = dayStart(day).getTime();
  const last = Math.min(dayEnd(day).getTime(), until.getTime()) - 1;
  const weekday = dayStart(day).getUTCDay();
  const events: DemoEvent[] = [];
  for (const material of materials) {
    if (dayIndex < material.firstDay) continue;
    const readers = readersOn(
      material,
      dayIndex - material.firstDay,
      [0, 6].includes(weekday),
      rng,
    );
    for (let r = 0; r < readers; r++) {
      const actorId = rng.chance(memberReaderShare)
        ? rng.pick(members)
        : visitorHash(material.siteId, rng.int(visitorsPerSite));
      if (actorId === material.authorId) continue; // self-activity never counts (R10)
      const readAt = start + hourOfDay(rng) * hourMs + rng.int(hourMs);
      const act = (type: ActivityType, afterMs: number) => {
        const at = readAt + afterMs;
        if (at > last) return;
        events.push({
          siteId: material.siteId,
          id: `${day}-${events.length + 1}`,
          type,
          materialId: material.id,
          authorId: material.authorId,
          actorId,
          occurredAt: new Date(at),
        });
      };
      act('VIEW', 0);
      if (rng.chance(0.15)) act('VIEW', (1 + rng.int(30)) * minuteMs);
      if (rng.chance(0.04)) act('VIEW', (30 + rng.int(60)) * minuteMs);
      if (rng.chance(0.08)) act('LIKE', (1 + rng.int(5)) * minuteMs);
      if (rng.chance(0.03)) act('COMMENT', (2 + rng.int(10)) * minuteMs);
      if (rng.chance(0.015)) act('SHARE', (1 + rng.int(10)) * minuteMs);
    }
  }
  return events;
}

/** The farm: 40 never-seen visitors, 12 views each, within 12 minutes of the afternoon. */
export const viewFarm = { actors: 40, viewsEach: 12, startHourUtc: 14, minutes: 12 } as const;

export function viewFarmActivity(day: UtcDay, material: PublishedMaterial): DemoEvent[] {
  const rng = randomFor(demoSeed, 2000);
  const start = dayStart(day).getTime() + viewFarm.startHourUtc * hourMs;
  const events: DemoEvent[] = [];
  for (let actor = 0; actor < viewFarm.actors; actor++) {
    const actorId = `anon-${hex(mix32(0xfa4d + actor))}${hex(rng.int(0xffffffff))}`;
    for (let view = 0; view < viewFarm.viewsEach; view++) {
      events.push({
        siteId: material.siteId,
        id: `${day}-farm-${events.length + 1}`,
        type: 'VIEW',
        materialId: material.id,
        authorId: material.authorId,
        actorId,
        occurredAt: new Date(start + rng.int(viewFarm.minutes * minuteMs)),
      });
    }
  }
  return events;
}
