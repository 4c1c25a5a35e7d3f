import { ActivityEvent, eventKey, type ActivityEventDoc } from '../../server/activity';
import { dayOf } from '../../server/core/day';
import { limits } from '../../server/core/limits';
import type { DemoClient } from './demoClient';
import type { DemoEvent } from './demoActivity';

/**
 * Puts the history's activity where ingestion puts it. The sites report what the API still
 * takes, everything of the last 72 hours, through `recordActivity` with their SITE tokens, and
 * every event must be accepted. Older events are past the API's window (TOO_OLD), so they are
 * written straight into `activityEvents` in exactly the shape ingestion stores
 * (activityEvent.model.ts: `_id` = eventKey(site, event id), the material's author, the UTC day
 * of occurredAt), as if the sites had reported them at the time.
 */
export interface RecordedHistory {
  /** Events written directly (older than the API's window). */
  stored: number;
  /** Events the sites reported through the API. */
  reported: number;
}

/** Reported this long inside the window, so that the seed's own duration never pushes one out. */
const windowMarginMs = 3_600_000;
/** How long after an event its site reported it (a site sends its events in batches). */
const reportDelayMs = 20_000;

const recordActivityMutation = /* GraphQL */ `
  mutation ($events: [ActivityEventInput!]!) {
    recordActivity(events: $events) {
      accepted
      duplicates
      rejected {
        id
        reason
      }
    }
  }
`;

export async function recordHistory(
  events: readonly DemoEvent[],
  client: DemoClient,
  now: Date,
): Promise<RecordedHistory> {
  const oldestReportable = now.getTime() - limits.eventAgeMsMax + windowMarginMs;
  const old = events.filter((e) => e.occurredAt.getTime() < oldestReportable);
  const recent = events.filter((e) => e.occurredAt.getTime() >= oldestReportable);
  await storeDirectly(old);
  await report(recent, client);
  return { stored: old.length, reported: recent.length };
}

async function storeDirectly(events: readonly DemoEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += limits.cursorBatchSize) {
    const docs = events.slice(start, start + limits.cursorBatchSize).map((e): ActivityEventDoc => ({
      _id: eventKey(e.siteId, e.id),
      siteId: e.siteId,
      eventId: e.id,
      type: e.type,
      materialId: e.materialId,
      authorId: e.authorId,
      actorId: e.actorId,
      occurredAt: e.occurredAt,
      day: dayOf(e.occurredAt),
      recordedAt: new Date(e.occurredAt.getTime() + reportDelayMs),
    }));
    await ActivityEvent.collection.insertMany(docs as never[], { ordered: false });
  }
}

async function report(events: readonly DemoEvent[], client: DemoClient): Promise<void> {
  const bySite = new Map<string, DemoEvent[]>();
  for (const event of events) {
    const siteEvents = bySite.get(event.siteId) ?? [];
    siteEvents.push(event);
    bySite.set(event.siteId, siteEvents);
  }
  await Promise.all(
    [...bySite].map(async ([siteId, siteEvents]) => {
      const site = await client.asSite(siteId);
      for (let start = 0; start < siteEvents.length; start += limits.activityBatchMax) {
        const batch = siteEvents.slice(start, start + limits.activityBatchMax);
        const { recordActivity: result } = await site<{
          recordActivity: { accepted: number; rejected: { id: string; reason: string }[] };
        }>(recordActivityMutation, {
          events: batch.map((e) => ({
            id: e.id,
            type: e.type,
            materialId: e.materialId,
            actorId: e.actorId,
            occurredAt: e.occurredAt.toISOString(),
          })),
        });
        if (result.accepted !== batch.length) {
          throw new Error(
            `${siteId}: ${batch.length - result.accepted} events not accepted, e.g. ${JSON.stringify(result.rejected.slice(0, 3))}`,
          );
        }
      }
    }),
  );
}
