import { parseDayRange, type UtcDay } from '../core/day';
import { kindTotalsByDay } from '../ledger';
import { AccrualDay, type AccrualDayDoc } from './accrualDay.model';

/**
 * ADMIN's issuance report (SPEC §4): for each accrued day in the range, the cap in force, what
 * was issued (the day's ACCRUAL entries, which the stored allocation must match), what has been
 * reversed of that day's accruals since (REVERSAL entries concerning the day, as a positive
 * number), how many members earned, and whether the cap was binding. Days not accrued yet have
 * no row. Oldest first.
 */
export interface DayIssuance {
  day: UtcDay;
  cap: number;
  issued: number;
  reversed: number;
  earners: number;
  capped: boolean;
}

export async function issuance(rawFrom: string, rawTo: string): Promise<DayIssuance[]> {
  const { from, to } = parseDayRange(rawFrom, rawTo);
  const [plans, accruals, reversals] = await Promise.all([
    AccrualDay.find({ _id: { $gte: from, $lte: to } }, { weights: 0, excluded: 0 })
      .sort({ _id: 1 })
      .lean<Omit<AccrualDayDoc, 'weights' | 'excluded'>[]>(),
    kindTotalsByDay('ACCRUAL', from, to),
    kindTotalsByDay('REVERSAL', from, to),
  ]);
  return plans
    .filter((plan) => plan.allocation)
    .map((plan) => {
      const day = plan._id as UtcDay;
      return {
        day,
        cap: plan.dailyCap,
        issued: accruals.get(day)?.total ?? 0,
        reversed: -(reversals.get(day)?.total ?? 0),
        earners: accruals.get(day)?.entries ?? 0,
        capped: plan.allocation!.capped,
      };
    });
}
