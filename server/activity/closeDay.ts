import { assert } from '../core/assert';
import { hasEnded, type UtcDay } from '../core/day';
import { isDuplicateKey } from '../core/mongo';
import { ClosedDay } from './closedDay.model';

/**
 * Closes a day to new activity; from then on its events are rejected DAY_CLOSED. Written by the
 * accrual job before it scores the day; idempotent (closing twice keeps the first closedAt).
 * Only a day that has ended can be closed (ingestion relies on it: closedDays.ts).
 *
 * A batch that checked the day before it was closed may still be landing its events for a short
 * while (a request's duration). The accrual job should therefore close the day, then let a
 * grace period longer than a request's time limit pass before it counts the day's actors.
 */
export async function closeDay(day: UtcDay, now = new Date()): Promise<void> {
  assert(hasEnded(day, now), `day ${day} has not ended and cannot be closed`);
  try {
    await ClosedDay.collection.insertOne({ _id: day, closedAt: now } as never);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}
