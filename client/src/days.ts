import type { Day } from './api/types';

/** UTC days as the API speaks them ('YYYY-MM-DD'). */
const msPerDay = 86_400_000;

export const dayOf = (date: Date): Day => date.toISOString().slice(0, 10);
export const today = (): Day => dayOf(new Date());
export const addDays = (day: Day, days: number): Day =>
  dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * msPerDay));

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: Day, to: Day): Day[] {
  const days: Day[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The last `count` days ending today. */
export const lastDays = (count: number) => ({ from: addDays(today(), 1 - count), to: today() });

export function isDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && dayOf(new Date(time)) === value
  );
}
