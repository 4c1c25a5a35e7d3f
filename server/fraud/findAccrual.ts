import type { UtcDay } from '../core/day';
import { findEntryByKey } from '../ledger';

/** One member-day's accrual as the ledger holds it (the accrual job's key), or null. */
export interface Accrual {
  memberId: string;
  day: UtcDay;
  amount: number;
}

export const accrualKey = (memberId: string, day: UtcDay) => `accrual:${memberId}:${day}`;

export async function findAccrual(memberId: string, day: UtcDay): Promise<Accrual | null> {
  const entry = await findEntryByKey(memberId, accrualKey(memberId, day));
  if (!entry || entry.kind !== 'ACCRUAL') return null;
  return { memberId, day, amount: entry.amount };
}
