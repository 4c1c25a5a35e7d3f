import { assert } from '../core/assert';
import { bonus, type Bonus } from '../core/money';

/**
 * R5, as a pure function: a day's scores and settings in, whole bonuses per member out.
 *
 * 1. A member's uncapped earning is `floor(score * pointsPerScore)`: whole bonuses, never
 *    rounded up, so a member never earns more than the conversion of their score.
 * 2. Demand is the sum of the earnings. If demand <= dailyCap, everyone gets their earning.
 * 3. Otherwise the cap is shared in proportion to the earnings (proportional to score up to the
 *    conversion's floor, under one bonus per member) by the largest-remainder method: each member
 *    first gets `floor(cap * earning / demand)`, then the bonuses left over (fewer than the
 *    number of earners) go one each to the largest remainders, ties to the smaller member id.
 *    Sharing by the integer earnings rather than the raw scores keeps every amount at or below
 *    the member's own earning (a member whose score converts to 0 never gets a rounded-up 1).
 *
 * Guarantees (property-tested): no negative amount; the sum never exceeds the cap and equals it
 * exactly when demand exceeds it; each capped amount is within 1 of its exact proportional share
 * and at most the member's earning; the result does not depend on the input order.
 *
 * Arithmetic on cap * earning is done in BigInt, exact whatever the sizes: remainders are
 * compared exactly, so ties are real ties and the tie-break decides them, not float noise.
 *
 * Memory: one entry per member with a score (the caller streams the day's events and hands in
 * one number per member, never the events); members whose earning is 0 are dropped at once.
 */
export interface MemberScore {
  memberId: string;
  /** Non-negative, possibly fractional. */
  score: number;
}

export interface BudgetSettings {
  /** Positive whole bonuses: the day's budget for all members together. */
  dailyCap: number;
  /** Non-negative: bonuses per point of score before the cap. */
  pointsPerScore: number;
}

export interface MemberAmount {
  memberId: string;
  amount: Bonus;
}

export interface Allocation {
  /** Members with a positive amount, sorted by member id. */
  amounts: MemberAmount[];
  /** Members with a positive uncapped earning. */
  earnersUncapped: number;
  /** Sum of the uncapped earnings (a float beyond 2^53, where it is only reported). */
  demand: number;
  /** Sum of the amounts: <= dailyCap. */
  issued: number;
  /** True when demand exceeded the cap and the cap was shared. */
  capped: boolean;
}

/** The uncapped earning of one score: whole bonuses, rounded down. */
export function earningOf(score: number, pointsPerScore: number): number {
  const raw = Math.floor(score * pointsPerScore);
  return Number.isFinite(raw) && raw > 0 ? raw : 0;
}

const byMemberId = (a: { memberId: string }, b: { memberId: string }) =>
  a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;

export function allocateBudget(
  scores: Iterable<MemberScore>,
  settings: BudgetSettings,
): Allocation {
  assert(
    Number.isSafeInteger(settings.dailyCap) && settings.dailyCap > 0,
    'dailyCap is a positive integer',
  );
  assert(
    Number.isFinite(settings.pointsPerScore) && settings.pointsPerScore >= 0,
    'pointsPerScore is a non-negative number',
  );

  const earners: { memberId: string; earning: bigint }[] = [];
  for (const { memberId, score } of scores) {
    assert(Number.isFinite(score) && score >= 0, `score of ${memberId} is a non-negative number`);
    const earning = earningOf(score, settings.pointsPerScore);
    // A double this large is an integer already, so BigInt() takes it exactly.
    if (earning > 0) earners.push({ memberId, earning: BigInt(earning) });
  }
  earners.sort(byMemberId);
  for (let i = 1; i < earners.length; i++) {
    assert(earners[i - 1]!.memberId !== earners[i]!.memberId, 'each member is scored once');
  }

  const demand = earners.reduce((sum, e) => sum + e.earning, 0n);
  const cap = BigInt(settings.dailyCap);
  const base = {
    earnersUncapped: earners.length,
    demand: Number(demand),
  };
  if (demand <= cap) {
    const amounts = earners.map((e) => ({
      memberId: e.memberId,
      amount: bonus(Number(e.earning)),
    }));
    return { ...base, amounts, issued: Number(demand), capped: false };
  }

  const shares = earners.map((e) => {
    const exact = cap * e.earning;
    return { memberId: e.memberId, amount: exact / demand, remainder: exact % demand };
  });
  let leftover = cap - shares.reduce((sum, s) => sum + s.amount, 0n);
  assert(
    leftover >= 0n && leftover < BigInt(Math.max(shares.length, 1)),
    'largest remainder leaves fewer bonuses than earners',
  );
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder !== b.remainder ? (a.remainder > b.remainder ? -1 : 1) : byMemberId(a, b),
  );
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    share.amount += 1n;
    leftover -= 1n;
  }

  const amounts: MemberAmount[] = [];
  let issued = 0;
  for (const share of shares) {
    if (share.amount === 0n) continue;
    amounts.push({ memberId: share.memberId, amount: bonus(Number(share.amount)) });
    issued += Number(share.amount);
  }
  assert(issued === settings.dailyCap, 'a capped day issues exactly its cap');
  return { ...base, amounts, issued, capped: true };
}
