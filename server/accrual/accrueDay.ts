import type { UtcDay } from '../core/day';
import { crashPoint } from '../core/crashPoint';
import { allocateDay } from './allocateDay';
import { planDay } from './planDay';
import { postShares } from './postShares';

/**
 * accrue (SPEC §6, R5, R16): credits every member's day D once, as three resumable steps:
 *   1. plan      close the day, fix cap, weights and who is left out (planDay.ts);
 *   2. allocate  score the day, share the cap, store the shares (allocateDay.ts);
 *   3. post      one ACCRUAL per share through the ledger, key `accrual:<member>:<day>`
 *                (postShares.ts), which also pushes each member's live balance.
 * Killed anywhere, the next run repeats from the step it stands at and ends where one clean run
 * ends; two runs racing post each share once between them. A day already posted is left alone:
 * nothing is posted and nothing pushed. The caller refuses days that have not ended.
 */
export interface AccrualSummary {
  day: UtcDay;
  /** The day had been accrued before: this run did nothing. */
  alreadyAccrued: boolean;
  /** Members with counted activity who could earn. */
  scored: number;
  /** Members with counted activity left out: banned on the day or frozen (R16). */
  excluded: number;
  earners: number;
  demand: number;
  cap: number;
  issued: number;
  capped: boolean;
  /** ACCRUAL entries this run posted (the others were posted by an earlier or racing run). */
  posted: number;
  /** How long each step took in this run (0 when an earlier run had done it). */
  planMs: number;
  allocateMs: number;
  postMs: number;
}

export async function accrueDay(day: UtcDay, now = new Date()): Promise<AccrualSummary> {
  const clock = stepClock();
  const plan = await planDay(day, now);
  const planMs = clock();
  crashPoint('accrual.planned');
  const alreadyAccrued = Boolean(plan.postedAt);
  const totals = plan.allocation ?? (await allocateDay(plan));
  const allocateMs = clock();
  crashPoint('accrual.allocated');
  const { posted } = alreadyAccrued ? { posted: 0 } : await postShares(day);
  const postMs = clock();
  return {
    day,
    alreadyAccrued,
    scored: totals.scored,
    excluded: totals.excludedScored,
    earners: totals.earners,
    demand: totals.demand,
    cap: plan.dailyCap,
    issued: totals.issued,
    capped: totals.capped,
    posted,
    planMs,
    allocateMs,
    postMs,
  };
}

/** Milliseconds since the previous call (or since it was made). */
function stepClock(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = Math.round(now - last);
    last = now;
    return elapsed;
  };
}
