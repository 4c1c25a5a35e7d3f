import { accrueDay, computeAllocation, type AccrualSummary } from '../../server/accrual';
import { closeDay } from '../../server/activity';
import type { UtcDay } from '../../server/core/day';
import { limits } from '../../server/core/limits';
import { detectFraud } from '../../server/fraud';
import { getProgramSettings } from '../../server/settings';
import type { Gql } from './demoClient';
import { phaseCaps } from './demoNetwork';

/**
 * Runs the daily chain over the history as the worker would have run it, one day after the
 * other: accrue the day under the budget in force (server/accrual `accrueDay`, the job's own
 * code), then, for the last week, look for fraud in it (server/fraud `detectFraud`, with ADMIN's
 * auto-reverse threshold, off unless set). Only the last week: flags of older days would have
 * been decided long ago, and detection costs about 1.5 s a day on FerretDB v1, most of the
 * seed's time budget if run for every day. Before some days ADMIN changes the daily cap through the API
 * (audited), so that the history has days where demand stayed under the cap and days where the
 * cap was shared in proportion to score (demoNetwork.ts `budgetPhases`).
 *
 * The caps follow the demand each day would have under the scoring settings in force (the same
 * computation as the budget what-if, writing nothing), so the story holds whatever scoring the
 * deployment configured. Accrual waits `limits.dayCloseGraceMs` after closing a day for reports
 * still in flight; all days are closed first, so that wait happens once, not once per day.
 */
export interface AccruedHistory {
  days: AccrualSummary[];
  caps: { fromDay: number; dailyCap: number }[];
  flagsRaised: number;
}

/** The days, counted back from yesterday, that fraud detection runs for. */
const fraudDetectionDays = 7;

const updateCapMutation = /* GraphQL */ `
  mutation ($input: ProgramSettingsInput!) {
    updateProgramSettings(input: $input) {
      dailyCap
      version
    }
  }
`;

export async function accrueHistory(
  pastDays: readonly UtcDay[],
  admin: Gql,
): Promise<AccruedHistory> {
  for (const day of pastDays) await closeDay(day);
  await new Promise((resolve) => setTimeout(resolve, limits.dayCloseGraceMs));

  const settings = await getProgramSettings();
  const demands: number[] = [];
  for (const day of pastDays) {
    const { totals } = await computeAllocation(day, settings, new Set());
    demands.push(totals.demand);
  }
  const caps = phaseCaps(demands);

  const days: AccrualSummary[] = [];
  let flagsRaised = 0;
  for (const [index, day] of pastDays.entries()) {
    const phase = caps.find((cap) => cap.fromDay === index);
    if (phase) await admin(updateCapMutation, { input: { dailyCap: phase.dailyCap } });
    days.push(await accrueDay(day));
    if (index < pastDays.length - fraudDetectionDays) continue;
    const { autoReverseThreshold } = await getProgramSettings();
    flagsRaised += (await detectFraud(day, { autoReverseThreshold })).flagsRaised;
  }
  return { days, caps, flagsRaised };
}
