import { Schema, model } from 'mongoose';

export const activityTypes = ['VIEW', 'LIKE', 'COMMENT', 'SHARE'] as const;
export type ActivityType = (typeof activityTypes)[number];

/**
 * `activityEvents`: every counted event as a site reported it: what accrual scores a day from
 * (uniqueActorCounts.ts) and what fraud detection reads (actors, timestamps, sites). Only
 * counted events are stored; rejected ones are answered and dropped.
 *
 * `_id` is the event's identity, the site and the site's event id (eventKey), so a replay is a
 * duplicate key and never a second event. An `_id` rather than a secondary unique index: FerretDB
 * v1 reports only `_id` conflicts per document in an unordered insertMany. The one secondary
 * index, (day, authorId), serves a day's scoring and a member-day's fraud checks.
 *
 * Unique actors (R10) are not stored beside the events: a second insert per event would double
 * the cost of ingestion (the hot path), and a counter `$inc`ed after the insert could be lost or
 * doubled by a crash between the two writes (FerretDB v1's `$inc` is a read-modify-write, too).
 * They are derived when a day is scored, from these unique documents, in one pass.
 */
export interface ActivityEventDoc {
  _id: string;
  siteId: string;
  eventId: string;
  type: ActivityType;
  materialId: string;
  authorId: string;
  actorId: string;
  occurredAt: Date;
  /** UTC day of occurredAt: the day the event counts for. */
  day: string;
  recordedAt: Date;
}

/** Site ids cannot contain ':' once encoded, so the key is unambiguous. */
export const eventKey = (siteId: string, eventId: string) =>
  `${encodeURIComponent(siteId)}:${eventId}`;

export const ActivityEvent = model<ActivityEventDoc>(
  'ActivityEvent',
  new Schema<ActivityEventDoc>(
    {
      _id: { type: String, required: true },
      siteId: { type: String, required: true },
      eventId: { type: String, required: true },
      type: { type: String, enum: activityTypes, required: true },
      materialId: { type: String, required: true },
      authorId: { type: String, required: true },
      actorId: { type: String, required: true },
      occurredAt: { type: Date, required: true },
      day: { type: String, required: true },
      recordedAt: { type: Date, required: true },
    },
    { versionKey: false, collection: 'activityEvents' },
  ).index({ day: 1, authorId: 1 }),
);
