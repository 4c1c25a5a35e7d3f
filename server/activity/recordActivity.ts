import { z } from 'zod';
import { assert } from '../core/assert';
import { badInput } from '../core/errors';
import { limits } from '../core/limits';
import { materialFacts, type MaterialFacts } from '../materials';
import { ActivityEvent, eventKey, type ActivityEventDoc } from './activityEvent.model';
import { closedDaysAmong } from './closedDays';
import { insertNew } from '../core/insertNew';
import {
  parseEvent,
  sameEvent,
  screenMaterial,
  screenTime,
  type ActivityEventInput,
  type RejectionReason,
  type ScreenedEvent,
} from './screenEvent';

/**
 * A SITE reports a batch of 1-1000 activity events (SPEC §3, §4). Every event ends in exactly
 * one of: accepted (counted), duplicate (a replay of an event this site already reported, in
 * this batch or before: not an error), or rejected with a reason (screenEvent.ts).
 *
 * Idempotency key: the site and its event id (`activityEvents._id`). Steps, no transaction:
 * 1. check the batch size (BAD_USER_INPUT on `events`, nothing written), spend the site's
 *    `siteEvents` quota by the number of events;
 * 2. screen every event (shape, time window, material PUBLISHED and not the author's own, day not
 *    closed), with at most one query for the materials and one for the closed days (none for
 *    materials already seen published, nor for days that have not ended);
 * 3. insert the passing events in one unordered insertMany; an existing key is a replay
 *    (same content: duplicate) or a reused id (other content: ID_REUSED).
 * The insert is the only write, and each event is its own document with a unique key: a crash
 * mid-batch leaves some events stored, the site's retry stores the rest and counts the others as
 * duplicates. Unique actors are derived from these documents when the day is scored
 * (uniqueActorCounts.ts), so nothing can be counted twice or lost between two writes.
 * A rule-rejected event that was in fact stored earlier (a late replay of an accepted event, now
 * past the window or on a closed day) is reported as the duplicate it is.
 */
export interface RecordActivityResult {
  accepted: number;
  duplicates: number;
  rejected: { id: string; reason: RejectionReason }[];
}

/** What happens to one reported event; UNDECIDED only until the batch is through. */
interface Report {
  /** Null when the event's shape is invalid. */
  event: ScreenedEvent | null;
  outcome: 'UNDECIDED' | 'ACCEPTED' | 'DUPLICATE' | RejectionReason;
}

const batchSchema = z
  .array(z.unknown())
  .min(1, 'must hold at least one event')
  .max(limits.activityBatchMax, `must hold at most ${limits.activityBatchMax} events`);

export async function recordActivity(
  siteId: string,
  rawEvents: unknown,
  spendQuota: (points: number) => Promise<void>,
): Promise<RecordActivityResult> {
  const parsed = batchSchema.safeParse(rawEvents);
  if (!parsed.success) throw badInput('events', parsed.error.issues[0]?.message ?? 'is invalid');
  const inputs = parsed.data as ActivityEventInput[];
  await spendQuota(inputs.length);
  const now = new Date();

  const reports = parseAll(inputs);
  const undecided = reports.filter(isUndecided);
  const [materials, closedDays] = await Promise.all([
    materialFacts([...new Set(undecided.map((r) => r.event.materialId))]),
    closedDaysAmong([...new Set(undecided.map((r) => r.event.day))]),
  ]);
  const ruleBroken = undecided.filter((report) => {
    const { event } = report;
    const broken =
      screenTime(event, now) ??
      screenMaterial(event, materials.get(event.materialId)) ??
      (closedDays.has(event.day) ? 'DAY_CLOSED' : null);
    if (broken) report.outcome = broken;
    return broken !== null;
  });
  await recogniseStored(siteId, ruleBroken);

  const passing = reports.filter(isUndecided);
  const docs = passing.map((r) =>
    eventDoc(siteId, r.event, materials.get(r.event.materialId)!, now),
  );
  const existing = await insertNew(ActivityEvent.collection, docs);
  passing.forEach((report, i) => {
    if (!existing.has(i)) report.outcome = 'ACCEPTED';
  });
  await recogniseStored(
    siteId,
    passing.filter((_, i) => existing.has(i)),
  );

  const result: RecordActivityResult = { accepted: 0, duplicates: 0, rejected: [] };
  reports.forEach((report, i) => {
    if (report.outcome === 'ACCEPTED') result.accepted += 1;
    else if (report.outcome === 'DUPLICATE') result.duplicates += 1;
    else {
      assert(report.outcome !== 'UNDECIDED', 'every event of the batch is decided');
      result.rejected.push({ id: String(inputs[i]!.id), reason: report.outcome });
    }
  });
  return result;
}

const isUndecided = (report: Report): report is Report & { event: ScreenedEvent } =>
  report.outcome === 'UNDECIDED' && report.event !== null;

/** Shape of each event, and replays inside the batch (the first report of an id stands). */
function parseAll(inputs: ActivityEventInput[]): Report[] {
  const firstById = new Map<string, ScreenedEvent>();
  return inputs.map((input): Report => {
    const event = parseEvent(input);
    if (typeof event === 'string') return { event: null, outcome: event };
    const first = firstById.get(event.id);
    if (first) return { event, outcome: sameEvent(first, event) ? 'DUPLICATE' : 'ID_REUSED' };
    firstById.set(event.id, event);
    return { event, outcome: 'UNDECIDED' };
  });
}

/**
 * Events whose key this site already stored: the same content is a replay (DUPLICATE, also when
 * a late replay would now break a rule), other content is ID_REUSED.
 */
async function recogniseStored(siteId: string, reports: (Report & { event: ScreenedEvent })[]) {
  if (reports.length === 0) return;
  const stored = await storedEvents(reports.map((r) => eventKey(siteId, r.event.id)));
  for (const report of reports) {
    const earlier = stored.get(eventKey(siteId, report.event.id));
    if (earlier) report.outcome = sameEvent(earlier, report.event) ? 'DUPLICATE' : 'ID_REUSED';
  }
}

async function storedEvents(keys: string[]): Promise<Map<string, ActivityEventDoc>> {
  if (keys.length === 0) return new Map();
  const docs = await ActivityEvent.find({ _id: { $in: keys } }).lean<ActivityEventDoc[]>();
  return new Map(docs.map((doc) => [doc._id, doc]));
}

function eventDoc(
  siteId: string,
  event: ScreenedEvent,
  material: MaterialFacts,
  now: Date,
): ActivityEventDoc {
  return {
    _id: eventKey(siteId, event.id),
    siteId,
    eventId: event.id,
    type: event.type,
    materialId: event.materialId,
    authorId: material.authorId,
    actorId: event.actorId,
    occurredAt: event.occurredAt,
    day: event.day,
    recordedAt: now,
  };
}
