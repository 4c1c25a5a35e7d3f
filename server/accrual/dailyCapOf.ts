import type { UtcDay } from '../core/day';
import { AccrualDay } from './accrualDay.model';

/** The cap a day was accrued under, or null for a day never accrued (verify-ledger's check). */
export async function dailyCapOf(day: UtcDay): Promise<number | null> {
  const plan = await AccrualDay.findById(day, { dailyCap: 1 }).lean<{ dailyCap: number }>();
  return plan?.dailyCap ?? null;
}
