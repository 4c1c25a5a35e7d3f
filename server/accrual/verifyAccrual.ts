import type { UtcDay } from '../core/day';
import { dayAccruals } from '../ledger';
import { AccrualShare, type AccrualShareDoc } from './accrualShare.model';
import { computeAllocation } from './allocateDay';
import { readPlan } from './planDay';

/**
 * The re-accrual proof (verify-accrual): recomputes day D's allocation from its plan and the
 * stored events, and holds three things against each other, member by member: the recomputed
 * amounts, the stored shares, and the ACCRUAL entries the ledger credited. Also: the credited sum
 * within the cap, and the stored totals' digest. Any difference is a problem (exit non-zero).
 */
export interface AccrualVerification {
  ok: boolean;
  day: UtcDay;
  earners: number;
  issued: number;
  cap: number | null;
  problems: string[];
}

const problemsListedMax = 100;

export async function verifyAccrual(day: UtcDay): Promise<AccrualVerification> {
  const plan = await readPlan(day);
  const result: AccrualVerification = {
    ok: false,
    day,
    earners: 0,
    issued: 0,
    cap: plan?.dailyCap ?? null,
    problems: [],
  };
  if (!plan?.allocation) {
    result.problems.push(`day ${day} has not been accrued`);
    return result;
  }
  const { allocation, totals } = await computeAllocation(day, plan, new Set(plan.excluded));
  const problems: string[] = [];
  const report = (problem: string) => problems.push(problem);
  if (totals.digest !== plan.allocation.digest)
    report('recomputed allocation differs from the stored totals');

  const expected = new Map(allocation.amounts.map((a) => [a.memberId, a.amount]));
  const stored = new Map<string, number>();
  const shares = AccrualShare.find({ day }).lean<AccrualShareDoc[]>().cursor();
  for await (const share of shares) stored.set(share.memberId, share.amount);
  const credited = new Map<string, number>();
  for await (const { memberId, amount } of dayAccruals(day)) credited.set(memberId, amount);

  for (const memberId of new Set([...expected.keys(), ...stored.keys(), ...credited.keys()])) {
    const [e, s, c] = [expected.get(memberId), stored.get(memberId), credited.get(memberId)];
    if (e !== s || s !== c) {
      report(`member ${memberId}: recomputed ${e ?? 0}, stored ${s ?? 0}, credited ${c ?? 0}`);
    }
  }
  result.earners = credited.size;
  result.issued = [...credited.values()].reduce((sum, amount) => sum + amount, 0);
  if (result.issued > plan.dailyCap)
    report(`credited ${result.issued} exceeds the cap ${plan.dailyCap}`);
  result.ok = problems.length === 0;
  result.problems = problems.slice(0, problemsListedMax);
  return result;
}
