import { createHash } from 'node:crypto';
import { assert } from '../core/assert';
import { crashPoint } from '../core/crashPoint';
import type { UtcDay } from '../core/day';
import { insertNew } from '../core/insertNew';
import { limits } from '../core/limits';
import { AccrualDay, type AccrualDayDoc, type AllocationTotals } from './accrualDay.model';
import { AccrualShare, shareId, type AccrualShareDoc } from './accrualShare.model';
import { allocateBudget, type Allocation, type MemberScore } from './allocateBudget';
import { scoreDay, type ScoredDay, type Weights } from './scoreDay';

/**
 * Step 2 of accruing a day: compute the allocation from the plan and the closed day's events, and
 * store it as shares before anything is posted. Deterministic (same plan, same events, same
 * numbers), so a racing or resumed run stores the same shares (duplicates are ignored) and
 * reaches the same digest; a different digest would mean the inputs moved, which is a bug, and
 * stops the run before it posts anything.
 *
 * Memory: the day's events are streamed (scoreDay.ts); this process holds the audience graph of
 * the week (one number per actor-author pair) and one score per member with counted activity,
 * which largest-remainder needs.
 */
export interface ComputedAllocation {
  allocation: Allocation;
  totals: AllocationTotals;
}

export async function computeAllocation(
  day: UtcDay,
  settings: { dailyCap: number; weights: Weights & { pointsPerScore: number } },
  excluded: ReadonlySet<string>,
): Promise<ComputedAllocation> {
  const tally: ScoredDay = { scored: 0, frozen: 0 };
  const scores: MemberScore[] = [];
  for await (const score of scoreDay(day, settings.weights, excluded, tally)) scores.push(score);
  const allocation = allocateBudget(scores, {
    dailyCap: settings.dailyCap,
    pointsPerScore: settings.weights.pointsPerScore,
  });
  return {
    allocation,
    totals: {
      scored: tally.scored,
      excludedScored: tally.frozen,
      earners: allocation.amounts.length,
      demand: allocation.demand,
      issued: allocation.issued,
      capped: allocation.capped,
      digest: digestOf(allocation),
    },
  };
}

/** Stores the plan's allocation (idempotent) and returns its totals. */
export async function allocateDay(plan: AccrualDayDoc): Promise<AllocationTotals> {
  const day = plan._id as UtcDay;
  const { allocation, totals } = await computeAllocation(day, plan, new Set(plan.excluded));
  if (plan.allocation) {
    assert(
      plan.allocation.digest === totals.digest,
      `accrual of ${day}: this run's allocation differs from the stored one`,
    );
    return plan.allocation;
  }
  for (let i = 0; i < allocation.amounts.length; i += limits.accrualPostingBatch) {
    const batch: AccrualShareDoc[] = allocation.amounts
      .slice(i, i + limits.accrualPostingBatch)
      .map(({ memberId, amount }) => ({ _id: shareId(day, memberId), day, memberId, amount }));
    await insertNew(AccrualShare.collection, batch);
    crashPoint('accrual.sharesBatchStored');
  }
  // Every run writes the same totals here, so a racing write is harmless.
  await AccrualDay.updateOne({ _id: day }, { $set: { allocation: totals } });
  return totals;
}

/** sha256 over the allocation's (member, amount) pairs in member order. */
function digestOf(allocation: Allocation): string {
  const hash = createHash('sha256');
  for (const { memberId, amount } of allocation.amounts)
    hash.update(`${memberId}\u0000${amount}\n`);
  return hash.digest('hex');
}
