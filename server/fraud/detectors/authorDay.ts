import type { DayEvent } from '../../activity';
import type { AudienceGraph } from '../../audience';
import { thresholds } from './thresholds';

/**
 * One author's day, measured from their events and the audience graph of the window (pure).
 * Only numbers and a few member ids leave this function; the events are dropped as soon as the
 * author is measured.
 */
export interface AuthorDay {
  authorId: string;
  events: number;
  views: number;
  uniqueViewers: number;
  uniqueActors: number;
  /** Unique actors with no counted event on the days before in the window. */
  newActors: number;
  /** Likes, comments and shares. */
  engagementEvents: number;
  /** Engagement events by never-seen actors in the busiest `burst.windowMs` of the day. */
  burstEvents: number;
  /**
   * Actors who came back to this author on an earlier day, spend most of their activity on this
   * author (focus) and never engaged: an audience that returns and does nothing else.
   */
  devotedQuiet: number;
  /** Members who engaged with this author and whom this author engaged with, on several days. */
  reciprocalPartners: string[];
  /** Share of the day's engagement events that came from those partners. */
  reciprocalShare: number;
  /** Actors who liked the author's materials (member ids, for the ring detector). */
  likers: Set<string>;
  /** Each actor's first hour (UTC) on the author's materials: 24 counts. */
  actorHours: number[];
  /** The same for the crowd: never-seen actors who did not engage. */
  crowdHours: number[];
  /** Never-seen actors who did not engage. */
  crowd: number;
  /** Share of the author's never-seen actors who liked, commented or shared. */
  freshEngagedShare: number;
  /** The author's average audience on the days before (0 without history). */
  priorDailyAudience: number;
}

export function measureAuthorDay(
  authorId: string,
  events: readonly DayEvent[],
  graph: AudienceGraph,
): AuthorDay {
  const { devoted, reciprocal } = thresholds;
  const viewers = new Set<string>();
  const actors = new Set<string>();
  const likers = new Set<string>();
  const engagementBy = new Map<string, number>();
  let views = 0;
  for (const event of events) {
    actors.add(event.actorId);
    if (event.type === 'VIEW') {
      views += 1;
      viewers.add(event.actorId);
    } else {
      engagementBy.set(event.actorId, (engagementBy.get(event.actorId) ?? 0) + 1);
      if (event.type === 'LIKE') likers.add(event.actorId);
    }
  }
  const isNew = (actorId: string) => graph.priorDays(actorId) === 0;
  const firstHour = new Map<string, number>();
  for (const event of events) {
    const hour = event.occurredAt.getUTCHours();
    if (hour < (firstHour.get(event.actorId) ?? 24)) firstHour.set(event.actorId, hour);
  }
  const actorHours = new Array<number>(24).fill(0);
  const crowdHours = new Array<number>(24).fill(0);
  let newActors = 0;
  let crowd = 0;
  let devotedQuiet = 0;
  for (const actorId of actors) {
    actorHours[firstHour.get(actorId)!]! += 1;
    if (isNew(actorId)) {
      newActors += 1;
      if (graph.hasHistory && !engagementBy.has(actorId)) {
        crowd += 1;
        crowdHours[firstHour.get(actorId)!]! += 1;
      }
    }
    const pair = graph.pair(actorId, authorId);
    if (
      pair.priorDays >= 1 &&
      pair.engagedDays === 0 &&
      graph.focus(actorId, authorId) >= devoted.focusMin
    ) {
      devotedQuiet += 1;
    }
  }
  const reciprocalPartners = [...engagementBy.keys()].filter(
    (actorId) =>
      graph.pair(actorId, authorId).engagedDays >= reciprocal.daysMin &&
      graph.pair(authorId, actorId).engagedDays >= reciprocal.daysMin,
  );
  const engagementEvents = events.length - views;
  const partnerEvents = reciprocalPartners.reduce((sum, id) => sum + engagementBy.get(id)!, 0);
  const freshEngagement = events.filter((e) => e.type !== 'VIEW' && isNew(e.actorId));
  return {
    authorId,
    events: events.length,
    views,
    uniqueViewers: viewers.size,
    uniqueActors: actors.size,
    newActors,
    engagementEvents,
    burstEvents: busiestWindow(freshEngagement, thresholds.burst.windowMs),
    devotedQuiet,
    reciprocalPartners,
    reciprocalShare: engagementEvents === 0 ? 0 : partnerEvents / engagementEvents,
    likers,
    actorHours,
    crowdHours,
    crowd,
    freshEngagedShare:
      newActors === 0 ? 0 : [...engagementBy.keys()].filter(isNew).length / newActors,
    priorDailyAudience: graph.priorDailyAudience(authorId),
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
