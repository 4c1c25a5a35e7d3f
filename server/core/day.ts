import { assert } from './assert';
import { badInput } from './errors';
import { limits } from './limits';

/** A UTC calendar day, 'YYYY-MM-DD'. Days travel as strings, never as Date objects. */
export type UtcDay = string & { readonly __brand: 'UtcDay' };

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 86_400_000;

export function isUtcDay(value: string): value is UtcDay {
  if (!dayPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Parses user input; a bad value is BAD_USER_INPUT naming `field`. */
export function parseDay(value: string, field: string): UtcDay {
  if (!isUtcDay(value)) throw badInput(field, 'must be a real date written YYYY-MM-DD');
  return value;
}

export function dayOf(at: Date): UtcDay {
  assert(!Number.isNaN(at.getTime()), 'dayOf needs a valid date');
  return at.toISOString().slice(0, 10) as UtcDay;
}

export const today = (now = new Date()): UtcDay => dayOf(now);

export const dayStart = (day: UtcDay): Date => new Date(`${day}T00:00:00.000Z`);

export const dayEnd = (day: UtcDay): Date => new Date(dayStart(day).getTime() + dayMs);

export const addDays = (day: UtcDay, days: number): UtcDay =>
  dayOf(new Date(dayStart(day).getTime() + days * dayMs));

/** Whole days from `from` to `to`, inclusive of both ends' difference (to - from). */
export const daysBetween = (from: UtcDay, to: UtcDay): number =>
  Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / dayMs);

/** A day has ended once its UTC midnight has passed. */
export const hasEnded = (day: UtcDay, now = new Date()): boolean =>
  dayEnd(day).getTime() <= now.getTime();

/**
 * A `from`..`to` range of user input (statements, analytics): both real days, `from` not after
 * `to`, at most `limits.statementRangeDaysMax` days both included; BAD_USER_INPUT naming the field.
 */
export function parseDayRange(rawFrom: string, rawTo: string): { from: UtcDay; to: UtcDay } {
  const from = parseDay(rawFrom, 'from');
  const to = parseDay(rawTo, 'to');
  if (from > to) throw badInput('from', 'must not be after to');
  if (daysBetween(from, to) + 1 > limits.statementRangeDaysMax) {
    throw badInput(
      'to',
      `must be at most ${limits.statementRangeDaysMax} days from "from", both included`,
    );
  }
  return { from, to };
}
