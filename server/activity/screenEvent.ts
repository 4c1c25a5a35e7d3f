import { dayOf, isUtcDay, type UtcDay } from '../core/day';
import { limits } from '../core/limits';
import type { MaterialFacts } from '../materials';
import type { ActivityType } from './activityEvent.model';

/**
 * The rules that decide whether a reported event counts, as pure functions of the event, the
 * server clock and what is known of its material. Each refusal has its own code (SPEC §4: every
 * event that does not count is listed with a reason, none is dropped silently).
 */
export const rejectionReasons = [
  /** The id is blank or longer than an id may be. */
  'INVALID_ID',
  /** The actorId is blank or longer than an id may be. */
  'INVALID_ACTOR',
  /** occurredAt is not an ISO-8601 date-time with a zone. */
  'INVALID_OCCURRED_AT',
  /** Older than 72 hours. */
  'TOO_OLD',
  /** More than 5 minutes ahead of the server clock. */
  'IN_FUTURE',
  'UNKNOWN_MATERIAL',
  /** PENDING, REJECTED or DUPLICATE when recorded (R4, R7). */
  'NOT_PUBLISHED',
  /** The material's author acting on it (R10). */
  'SELF_ACTIVITY',
  /** The day's accrual has run. */
  'DAY_CLOSED',
  /** This site already reported another event under this id. */
  'ID_REUSED',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export interface ActivityEventInput {
  id: unknown;
  type: ActivityType;
  materialId: unknown;
  actorId: unknown;
  occurredAt: unknown;
}

export interface ScreenedEvent {
  id: string;
  type: ActivityType;
  materialId: string;
  actorId: string;
  occurredAt: Date;
  day: UtcDay;
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= limits.idLengthMax;

/** The event's shape: without a usable id, actor and instant it is not an event at all. */
export function parseEvent(event: ActivityEventInput): ScreenedEvent | RejectionReason {
  if (!isId(event.id)) return 'INVALID_ID';
  if (!isId(event.actorId)) return 'INVALID_ACTOR';
  const at =
    typeof event.occurredAt === 'string' &&
    isoDateTime.test(event.occurredAt) &&
    isUtcDay(event.occurredAt.slice(0, 10)) // a real calendar date: no 30 February rolling over
      ? new Date(event.occurredAt)
      : null;
  if (!at || Number.isNaN(at.getTime())) return 'INVALID_OCCURRED_AT';
  if (!isId(event.materialId)) return 'UNKNOWN_MATERIAL';
  return {
    id: event.id,
    type: event.type,
    materialId: event.materialId,
    actorId: event.actorId,
    occurredAt: at,
    day: dayOf(at),
  };
}

/** The accepted window around the server clock: at most 72 hours old, 5 minutes ahead. */
export function screenTime(event: ScreenedEvent, now: Date): RejectionReason | null {
  if (now.getTime() - event.occurredAt.getTime() > limits.eventAgeMsMax) return 'TOO_OLD';
  if (event.occurredAt.getTime() - now.getTime() > limits.eventLeadMsMax) return 'IN_FUTURE';
  return null;
}

/** What the material allows: it must be PUBLISHED, and its author's own activity never counts. */
export function screenMaterial(
  event: ScreenedEvent,
  material: MaterialFacts | undefined,
): RejectionReason | null {
  if (!material) return 'UNKNOWN_MATERIAL';
  if (material.status !== 'PUBLISHED') return 'NOT_PUBLISHED';
  if (material.authorId === event.actorId) return 'SELF_ACTIVITY';
  return null;
}

/** Two reports under one id are the same event only if they say the same thing. */
export const sameEvent = (
  a: Pick<ScreenedEvent, 'type' | 'materialId' | 'actorId' | 'occurredAt'>,
  b: Pick<ScreenedEvent, 'type' | 'materialId' | 'actorId' | 'occurredAt'>,
): boolean =>
  a.type === b.type &&
  a.materialId === b.materialId &&
  a.actorId === b.actorId &&
  a.occurredAt.getTime() === b.occurredAt.getTime();
