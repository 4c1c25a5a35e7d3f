import { parseDayRange, type UtcDay } from '../core/day';
import { Entry, type EntryKind } from './entry.model';
import { lifetimeIncrement } from './entryRules';

/**
 * A member's daily statement (SPEC §4): one row per UTC day with activity, oldest first.
 * An ACCRUAL counts on the day it was earned for (`day`); every other entry on the day it was
 * posted (`postedDay`), so a reversal booked today makes today negative (R11).
 *
 * `accrued`, `reversed`, `reinstated`, `spent` and `compensated` are non-negative gross sums by
 * kind; `net` is their signed sum (= the sum of that day's entry amounts). COMPENSATION gets its
 * own column rather than reducing `spent`: spending is final (R17), and a compensation is a new
 * credit for a redemption the system could not fulfil, not an undone spend.
 *
 * Computed in the database with `$match` + `$group` + `$sum` (all FerretDB offers), two passes
 * because the day to group by depends on the kind.
 */
export interface DailyStatement {
  day: UtcDay;
  accrued: number;
  reversed: number;
  reinstated: number;
  spent: number;
  compensated: number;
  net: number;
}

const columnOf: Record<EntryKind, Exclude<keyof DailyStatement, 'day' | 'net'>> = {
  ACCRUAL: 'accrued',
  REVERSAL: 'reversed',
  REINSTATEMENT: 'reinstated',
  REDEMPTION: 'spent',
  COMPENSATION: 'compensated',
};

export async function readStatement(
  memberId: string,
  rawFrom: string,
  rawTo: string,
): Promise<DailyStatement[]> {
  const { from, to } = parseDayRange(rawFrom, rawTo);
  const range = { $gte: from, $lte: to };
  const [accruals, others] = await Promise.all([
    Entry.aggregate<{ _id: { day: UtcDay; kind: EntryKind }; total: number }>([
      { $match: { accountId: memberId, kind: 'ACCRUAL', day: range } },
      { $group: { _id: { day: '$day', kind: '$kind' }, total: { $sum: '$amount' } } },
    ]),
    Entry.aggregate<{ _id: { day: UtcDay; kind: EntryKind }; total: number }>([
      { $match: { accountId: memberId, kind: { $ne: 'ACCRUAL' }, postedDay: range } },
      { $group: { _id: { day: '$postedDay', kind: '$kind' }, total: { $sum: '$amount' } } },
    ]),
  ]);

  const rows = new Map<UtcDay, DailyStatement>();
  for (const { _id: group, total } of [...accruals, ...others]) {
    const row = rows.get(group.day) ?? emptyRow(group.day);
    row[columnOf[group.kind]] += lifetimeIncrement(group.kind, total);
    row.net += total;
    rows.set(group.day, row);
  }
  return [...rows.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

const emptyRow = (day: UtcDay): DailyStatement => ({
  day,
  accrued: 0,
  reversed: 0,
  reinstated: 0,
  spent: 0,
  compensated: 0,
  net: 0,
});
