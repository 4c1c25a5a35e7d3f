import { dayEventsByAuthor, type DayEvent } from '../activity';
import { AudienceGraph } from '../audience';
import type { UtcDay } from '../core/day';
import { insertNewFlags } from './insertNewFlags';
import { assessAuthorDay } from './detectors/assess';
import { measureAuthorDay, type AuthorDay } from './detectors/authorDay';
import type { DayContext } from './detectors/signal';
import { thresholds } from './detectors/thresholds';
import { confirmFlag } from './decideFlag';
import { FraudFlag, flagId, type FraudFlagDoc } from './fraudFlag.model';

/**
 * detect-fraud for one day (SPEC §6): measures every author's day from the stored events and
 * the audience graph of the days before (audience/audienceGraph.ts: who returns, to whom, doing
 * what else), runs the detectors with what only the whole day tells (the network's share of
 * never-seen actors, its arrivals hour by hour, who traded likes with whom), and raises at most one flag per member-day
 * whose confidence reaches `flagConfidenceMin`.
 *
 * Idempotent: a flag's `_id` is `<day>:<memberId>`, so a re-run inserts only flags that are not
 * there yet and never changes a flag SUPPORT is looking at. Then, when ADMIN has set an
 * auto-reverse threshold (null: off, the default), every OPEN flag of the day at or above it is
 * confirmed as `system:detect-fraud`: keyed steps, so a re-run after a crash completes them.
 * A flag without an accrual to reverse (the day not accrued yet, or the member banned) stays
 * OPEN for SUPPORT.
 *
 * Memory: one author's events at a time, a few numbers per author, the likers of each author,
 * and the audience graph (one number per actor-author pair of the window).
 */
export interface DetectFraudOptions {
  /** Confidence at or above which a flag is confirmed automatically; null: never. */
  autoReverseThreshold: number | null;
}

export interface DetectFraudSummary {
  day: UtcDay;
  authors: number;
  flagged: number;
  flagsRaised: number;
  autoReversed: number;
}

export const autoReverseActor = 'system:detect-fraud';

export async function detectFraud(
  day: UtcDay,
  options: DetectFraudOptions,
): Promise<DetectFraudSummary> {
  const authors = await measureDay(day);
  const context = dayContext(authors);
  const now = new Date();
  const flags: FraudFlagDoc[] = [];
  for (const author of authors) {
    const { signals, confidence } = assessAuthorDay(author, context);
    if (confidence < thresholds.flagConfidenceMin) continue;
    flags.push({
      _id: flagId(day, author.authorId),
      memberId: author.authorId,
      day,
      signals,
      confidence,
      status: 'OPEN',
      createdAt: now,
      decidedBy: null,
      decidedAt: null,
      note: null,
      reversalId: null,
    });
  }
  const flagsRaised = await insertNewFlags(flags);
  const autoReversed =
    options.autoReverseThreshold === null
      ? 0
      : await autoReverse(day, options.autoReverseThreshold);
  return { day, authors: authors.length, flagged: flags.length, flagsRaised, autoReversed };
}

async function measureDay(day: UtcDay): Promise<AuthorDay[]> {
  const graph = await AudienceGraph.build(day, thresholds.lookbackDays);
  const authors: AuthorDay[] = [];
  let events: DayEvent[] = [];
  const measure = () => {
    if (events.length > 0) authors.push(measureAuthorDay(events[0]!.authorId, events, graph));
    events = [];
  };
  for await (const event of dayEventsByAuthor(day)) {
    if (events.length > 0 && events[0]!.authorId !== event.authorId) measure();
    events.push(event);
  }
  measure();
  return authors;
}

function dayContext(authors: AuthorDay[]): DayContext {
  const likersOf = new Map(authors.map((author) => [author.authorId, author.likers]));
  const actors = authors.reduce((sum, author) => sum + author.uniqueActors, 0);
  const newActors = authors.reduce((sum, author) => sum + author.newActors, 0);
  const arrivals = Array.from({ length: 24 }, (_, hour) =>
    authors.reduce((sum, author) => sum + author.actorHours[hour]!, 0),
  );
  return {
    newActorShare: actors === 0 ? 0 : newActors / actors,
    hourProfile: arrivals.map((n) => (actors === 0 ? 0 : n / actors)),
    likePartners: (authorId) =>
      [...(likersOf.get(authorId) ?? [])].filter((liker) => likersOf.get(liker)?.has(authorId)),
  };
}

async function autoReverse(day: UtcDay, threshold: number): Promise<number> {
  const due = await FraudFlag.find({ day, status: 'OPEN', confidence: { $gte: threshold } })
    .sort({ _id: 1 })
    .lean<FraudFlagDoc[]>();
  let reversed = 0;
  for (const flag of due) {
    const note = `Automatic: confidence ${flag.confidence} is at or above ${threshold}`;
    const done = await confirmFlag(flag, autoReverseActor, note).then(
      () => true,
      (error: unknown) => {
        // No accrual, or nothing left of it: the flag waits for SUPPORT.
        if ((error as { code?: string }).code === 'CONFLICT') return false;
        throw error;
      },
    );
    if (done) reversed += 1;
  }
  return reversed;
}
