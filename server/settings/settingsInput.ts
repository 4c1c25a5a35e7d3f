import { z } from 'zod';
import type { ScoringWeights } from '../config';
import { limits } from '../core/limits';
import type { ProgramSettings } from './getProgramSettings';

/**
 * The shape of a settings change (updateProgramSettings) and of a what-if (simulateAccrual):
 * every field optional, an omitted or null field keeps its value (except autoReverseThreshold,
 * where an explicit null turns automatic reversal off). A bad value is BAD_USER_INPUT naming the
 * field (`dailyCap`, `weights.view`...), through parseInput.
 */
const weight = z
  .number()
  .finite('must be a finite number')
  .min(0, 'must be non-negative')
  .max(limits.scoringWeightMax, `must be at most ${limits.scoringWeightMax}`);

export const weightsChangeSchema = z
  .object({
    view: weight.nullish(),
    like: weight.nullish(),
    comment: weight.nullish(),
    share: weight.nullish(),
    pointsPerScore: weight.nullish(),
  })
  .strict();

export const dailyCapSchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be a positive whole number')
  .max(limits.dailyCapMax, `must be at most ${limits.dailyCapMax}`);

export const budgetChangeSchema = z
  .object({
    dailyCap: dailyCapSchema.nullish(),
    weights: weightsChangeSchema.nullish(),
  })
  .strict();
export type BudgetChange = z.output<typeof budgetChangeSchema>;

export const settingsChangeSchema = budgetChangeSchema
  .extend({
    autoReverseThreshold: z
      .number()
      .min(0, 'must be between 0 and 1')
      .max(1, 'must be between 0 and 1')
      .nullable()
      .optional(),
  })
  .strict();
export type SettingsChange = z.output<typeof settingsChangeSchema>;

const weightNames = ['view', 'like', 'comment', 'share', 'pointsPerScore'] as const;

/** The budget settings once a change is applied; unchanged fields are kept. */
export function applyBudgetChange(
  current: { dailyCap: number; weights: ScoringWeights },
  change: BudgetChange,
): { dailyCap: number; weights: ScoringWeights } {
  const weights = { ...current.weights };
  for (const name of weightNames) {
    const value = change.weights?.[name];
    if (value !== null && value !== undefined) weights[name] = value;
  }
  return { dailyCap: change.dailyCap ?? current.dailyCap, weights };
}

/** The names of the fields a change actually changes (for the audit record: names, no values). */
export function changedFields(current: ProgramSettings, change: SettingsChange): string[] {
  const next = applyBudgetChange(current, change);
  const changed: string[] = [];
  if (next.dailyCap !== current.dailyCap) changed.push('dailyCap');
  for (const name of weightNames) {
    if (next.weights[name] !== current.weights[name]) changed.push(`weights.${name}`);
  }
  if (
    change.autoReverseThreshold !== undefined &&
    change.autoReverseThreshold !== current.autoReverseThreshold
  ) {
    changed.push('autoReverseThreshold');
  }
  return changed;
}
