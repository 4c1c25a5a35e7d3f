import { addDays, type UtcDay } from '../core/day';
import { distinctSorted } from '../core/distinctSorted';
import { limits } from '../core/limits';
import { ActivityEvent, type ActivityType } from './activityEvent.model';

/**
 * What fraud detection reads of the stored events (the trust-and-safety issue's seam): a day's
 * events grouped by author, and who was active on earlier days. Read-only, streamed in cursor
 * batches; the (day, authorId) index serves the first.
 */
export interface DayEvent {
  siteId: string;
  type: ActivityType;
  materialId: string;
  authorId: string;
  actorId: string;
  occurredAt: Date;
}

/** Every counted event of `day`, sorted by author (each author's events arrive together). */
export async function* dayEventsByAuthor(day: UtcDay): AsyncGenerator<DayEvent> {
  const cursor = ActivityEvent.find(
    { day },
    { _id: 0, siteId: 1, type: 1, materialId: 1, authorId: 1, actorId: 1, occurredAt: 1 },
  )
    .sort({ authorId: 1 })
    .lean<DayEvent[]>()
    .cursor({ batchSize: limits.cursorBatchSize });
  for await (const event of cursor) yield event;
}

/** The actors with at least one counted event in the `days` days before `day`. */
export async function actorsActiveBefore(day: UtcDay, days: number): Promise<Set<string>> {
  const actors = new Set<string>();
  const match = { day: { $gte: addDays(day, -days), $lt: day } };
  for await (const actorId of distinctSorted(ActivityEvent.collection, match, 'actorId')) {
    actors.add(actorId);
  }
  return actors;
}
