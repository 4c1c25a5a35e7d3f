import { parseDay, type UtcDay } from '../core/day';
import { badInput } from '../core/errors';
import { parseInput } from '../core/validate';
import { applyBudgetChange, budgetChangeSchema } from '../settings';
import type { MemberAmount } from './allocateBudget';
import { computeAllocation } from './allocateDay';
import { readPlan } from './planDay';

/**
 * The budget what-if (ADMIN): an accrued day recomputed under another cap or other weights,
 * writing nothing. Starts from the settings the day was accrued with; omitted fields keep them.
 * Returns totals and the shape of the distribution (Gini coefficient over the scored members,
 * the top 10% of earners' share of the issue), never a member's amount (R2) or a score (R14).
 */
export interface AccrualSimulation {
  day: UtcDay;
  dailyCap: number;
  demand: number;
  issued: number;
  earners: number;
  capped: boolean;
  giniCoefficient: number;
  topDecileShare: number;
  actualIssued: number;
  actualEarners: number;
}

export async function simulateAccrual(
  rawDay: string,
  rawInput: unknown,
): Promise<AccrualSimulation> {
  const day = parseDay(rawDay, 'day');
  const change = parseInput(budgetChangeSchema, rawInput ?? {});
  const plan = await readPlan(day);
  if (!plan?.allocation) throw badInput('day', 'has not been accrued yet');
  const settings = applyBudgetChange(plan, change);
  const { allocation, totals } = await computeAllocation(day, settings, new Set(plan.excluded));
  return {
    day,
    dailyCap: settings.dailyCap,
    demand: totals.demand,
    issued: totals.issued,
    earners: totals.earners,
    capped: totals.capped,
    giniCoefficient: gini(allocation.amounts, totals.scored),
    topDecileShare: topDecileShare(allocation.amounts),
    actualIssued: plan.allocation.issued,
    actualEarners: plan.allocation.earners,
  };
}

/** Gini over `population` members, those not in `amounts` having earned 0. 0 = all equal. */
export function gini(amounts: readonly MemberAmount[], population: number): number {
  const n = Math.max(population, amounts.length);
  const total = amounts.reduce((sum, a) => sum + a.amount, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = amounts.map((a) => a.amount).sort((a, b) => a - b);
  const zeros = n - sorted.length;
  // Ranks 1..n over ascending values; the zeros take the first ranks and add nothing.
  const weighted = sorted.reduce((sum, value, i) => sum + (zeros + i + 1) * value, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** The share of the issue that went to the top 10% of earners (at least one earner). */
export function topDecileShare(amounts: readonly MemberAmount[]): number {
  const total = amounts.reduce((sum, a) => sum + a.amount, 0);
  if (total === 0) return 0;
  const top = Math.max(1, Math.ceil(amounts.length / 10));
  const sorted = amounts.map((a) => a.amount).sort((a, b) => b - a);
  return sorted.slice(0, top).reduce((sum, value) => sum + value, 0) / total;
}
