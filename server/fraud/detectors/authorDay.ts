import type { DayEvent } from '../../activity';
import { thresholds } from './thresholds';

/**
 * One author's day, measured from their events (pure). Only numbers and the set of likers leave
 * this function; the events themselves are dropped as soon as the author is measured.
 */
export interface AuthorDay {
  authorId: string;
  events: number;
  views: number;
  uniqueViewers: number;
  uniqueActors: number;
  /** Unique actors with no counted event in the lookback days. */
  newActors: number;
  /** Events in the busiest `burst.windowMs` of the day. */
  burstEvents: number;
  /** Sites the author's events came from. */
  sites: number;
  /** Actors who engaged with the author's materials on two sites or more. */
  crossSiteActors: number;
  /** Actors who liked the author's materials (member ids, for the ring detector). */
  likers: Set<string>;
}

export function measureAuthorDay(
  authorId: string,
  events: readonly DayEvent[],
  seenBefore: ReadonlySet<string>,
): AuthorDay {
  const viewers = new Set<string>();
  const sitesByActor = new Map<string, Set<string>>();
  const sites = new Set<string>();
  const likers = new Set<string>();
  let views = 0;
  for (const event of events) {
    sites.add(event.siteId);
    const actorSites = sitesByActor.get(event.actorId) ?? new Set<string>();
    actorSites.add(event.siteId);
    sitesByActor.set(event.actorId, actorSites);
    if (event.type === 'VIEW') {
      views += 1;
      viewers.add(event.actorId);
    } else if (event.type === 'LIKE') {
      likers.add(event.actorId);
    }
  }
  let newActors = 0;
  let crossSiteActors = 0;
  for (const [actorId, actorSites] of sitesByActor) {
    if (!seenBefore.has(actorId)) newActors += 1;
    if (actorSites.size >= 2) crossSiteActors += 1;
  }
  return {
    authorId,
    events: events.length,
    views,
    uniqueViewers: viewers.size,
    uniqueActors: sitesByActor.size,
    newActors,
    burstEvents: busiestWindow(events, thresholds.burst.windowMs),
    sites: sites.size,
    crossSiteActors,
    likers,
  };
}

/** The most events inside any window of `windowMs` (two pointers over the sorted instants). */
export function busiestWindow(events: readonly DayEvent[], windowMs: number): number {
  const times = events.map((e) => e.occurredAt.getTime()).sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
