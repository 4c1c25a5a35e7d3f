import { assert } from '../core/assert';
import { hasEnded, type UtcDay } from '../core/day';
import { insertFirst } from '../core/insertFirst';
import { ClosedDay } from './closedDay.model';

/**
 * Closes a day to new activity; from then on its events are rejected DAY_CLOSED. Written by the
 * accrual job before it scores the day; idempotent (closing twice keeps the first closedAt, which
 * it returns). Only a day that has ended can be closed (ingestion relies on it: closedDays.ts).
 *
 * A batch that checked the day before it was closed may still be landing its events for a short
 * while (a request's duration). The accrual job therefore lets `limits.dayCloseGraceMs` pass
 * after `closedAt` before it counts the day's actors.
 */
export async function closeDay(day: UtcDay, now = new Date()): Promise<Date> {
  assert(hasEnded(day, now), `day ${day} has not ended and cannot be closed`);
  const { doc } = await insertFirst(ClosedDay, { _id: day, closedAt: now });
  return doc.closedAt;
}
