import { daysBetween, parseDay, type UtcDay } from '../core/day';
import { badInput } from '../core/errors';

/** Optional `from` / `to` filter arguments: both included, `from` not after `to`. */
export function dayRange(
  from: string | null | undefined,
  to: string | null | undefined,
): { $gte?: UtcDay; $lte?: UtcDay } | null {
  const range: { $gte?: UtcDay; $lte?: UtcDay } = {};
  if (from) range.$gte = parseDay(from, 'from');
  if (to) range.$lte = parseDay(to, 'to');
  if (range.$gte && range.$lte && daysBetween(range.$gte, range.$lte) < 0) {
    throw badInput('from', 'must not be after to');
  }
  return range.$gte || range.$lte ? range : null;
}
