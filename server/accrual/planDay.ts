import { closeDay } from '../activity';
import type { UtcDay } from '../core/day';
import { insertFirst } from '../core/insertFirst';
import { limits } from '../core/limits';
import { frozenMembers } from '../ledger';
import { membersBannedOn } from '../members';
import { getProgramSettings } from '../settings';
import { AccrualDay, type AccrualDayDoc } from './accrualDay.model';

/**
 * Step 1 of accruing a day: close it to new activity, let in-flight batches land, and fix the
 * plan (cap, weights, who is left out) once. Racing runs insert one plan between them and all
 * follow the winner; a resumed run finds the plan and follows it. The settings are the ones in
 * force when the day is planned (SPEC: "the value in force when the day's accrual runs").
 */
export async function planDay(day: UtcDay, now = new Date()): Promise<AccrualDayDoc> {
  const planned = await readPlan(day);
  if (planned) return planned;
  const closedAt = await closeDay(day, now);
  const graceLeftMs = closedAt.getTime() + limits.dayCloseGraceMs - Date.now();
  if (graceLeftMs > 0) await new Promise((resolve) => setTimeout(resolve, graceLeftMs));

  const [settings, banned, frozen] = await Promise.all([
    getProgramSettings(),
    membersBannedOn(day),
    frozenMembers(),
  ]);
  const excluded = [...new Set([...banned, ...frozen])].sort();
  const { doc } = await insertFirst(AccrualDay, {
    _id: day,
    dailyCap: settings.dailyCap,
    weights: settings.weights,
    settingsVersion: settings.version,
    excluded,
    plannedAt: new Date(),
    allocation: null,
    postedAt: null,
  });
  return doc;
}

export const readPlan = (day: UtcDay) => AccrualDay.findById(day).lean<AccrualDayDoc>();
