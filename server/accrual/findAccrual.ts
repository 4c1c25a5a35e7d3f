import type { UtcDay } from '../core/day';
import { findEntryByKey } from '../ledger';
import { accrualKey } from './postShares';

/** One member-day's accrual as the ledger holds it (what a reversal names, R20), or null. */
export interface Accrual {
  memberId: string;
  day: UtcDay;
  amount: number;
}

export async function findAccrual(memberId: string, day: UtcDay): Promise<Accrual | null> {
  const entry = await findEntryByKey(memberId, accrualKey(memberId, day));
  if (!entry || entry.kind !== 'ACCRUAL') return null;
  return { memberId, day, amount: entry.amount };
}
