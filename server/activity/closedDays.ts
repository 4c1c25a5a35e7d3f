import { hasEnded, type UtcDay } from '../core/day';
import { limits } from '../core/limits';
import { ClosedDay } from './closedDay.model';

/** The seam the accrual issue relies on: has this day's accrual run (closeDay.ts)? */
export async function isDayClosed(day: UtcDay): Promise<boolean> {
  return (await ClosedDay.exists({ _id: day })) !== null;
}

/**
 * The closed days among `days`, reading the database only for days that could be closed:
 * - a day that has not ended cannot be (accrual refuses such a day, SPEC §8); the check allows
 *   for the worker's clock running ahead of this one by up to `clockSkewMsMax`;
 * - a closed day stays closed, so closures seen once are remembered in this process.
 * The usual batch, about today, costs no query.
 */
const closedSeen = new Set<string>();

export async function closedDaysAmong(days: string[], now = new Date()): Promise<Set<string>> {
  const skewed = new Date(now.getTime() + limits.clockSkewMsMax);
  const closable = days.filter((day) => !closedSeen.has(day) && hasEnded(day as UtcDay, skewed));
  if (closable.length > 0) {
    const closed = await ClosedDay.find({ _id: { $in: closable } }, { _id: 1 }).lean();
    for (const doc of closed) closedSeen.add(doc._id);
  }
  return new Set(days.filter((day) => closedSeen.has(day)));
}
