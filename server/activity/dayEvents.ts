import type { UtcDay } from '../core/day';
import { limits } from '../core/limits';
import { ActivityEvent, type ActivityType } from './activityEvent.model';

/**
 * What fraud detection reads of the stored events (the trust-and-safety issue's seam): a day's
 * events grouped by author, and the events of a window of days. Read-only, streamed in cursor
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

/** One event as the audience graph needs it: who acted on whom, on which day, how. */
export interface WindowEvent {
  day: string;
  type: ActivityType;
  authorId: string;
  actorId: string;
}

/** Every counted event of the days `from`..`to` (inclusive), in no order: one plain read. */
export async function* eventsBetween(from: UtcDay, to: UtcDay): AsyncGenerator<WindowEvent> {
  const cursor = ActivityEvent.find(
    { day: { $gte: from, $lte: to } },
    { _id: 0, day: 1, type: 1, authorId: 1, actorId: 1 },
  )
    .lean<WindowEvent[]>()
    .cursor({ batchSize: limits.cursorBatchSize });
  for await (const event of cursor) yield event;
}
