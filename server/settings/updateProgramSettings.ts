import { appendAudit } from '../audit';
import { serviceUnavailable } from '../core/errors';
import { limits } from '../core/limits';
import { isDuplicateKey } from '../core/mongo';
import { parseInput } from '../core/validate';
import { fromDoc, getProgramSettings, type ProgramSettings } from './getProgramSettings';
import { ProgramSettingsVersion, type ProgramSettingsDoc } from './settings.model';
import {
  applyBudgetChange,
  changedFields,
  settingsChangeSchema,
  type SettingsChange,
} from './settingsInput';

/**
 * ADMIN changes the daily budget, the secret scoring weights or the auto-reversal threshold.
 * Every field is optional; an omitted one keeps its value. A change that changes nothing writes
 * nothing and answers the settings in force.
 *
 * Steps (settings.model.ts says why versions): read the latest version, insert version + 1 with
 * the change applied; a lost race (duplicate version) re-reads and re-applies, bounded. Then the
 * audit record SETTINGS_CHANGE, keyed `settings:<version>` (the names of the changed fields and
 * the new cap, never the weights: the audit log is read by SUPPORT too). A crash between the two
 * leaves a change without its record; the settings themselves keep who and when.
 *
 * The accrual job snapshots the settings it used into its run, so a change applies to the days
 * accrued after it and never rewrites a day already accrued.
 */
export async function updateProgramSettings(
  actorId: string,
  rawInput: unknown,
): Promise<ProgramSettings> {
  const change = parseInput(settingsChangeSchema, rawInput);
  for (let attempt = 1; ; attempt++) {
    const current = await getProgramSettings();
    const changed = changedFields(current, change);
    if (changed.length === 0) return current;
    const doc = nextVersion(current, change, actorId);
    try {
      await ProgramSettingsVersion.collection.insertOne(doc as never);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (attempt >= limits.retryAttemptsMax) throw serviceUnavailable('settings');
      continue;
    }
    await appendAudit({
      action: 'SETTINGS_CHANGE',
      actorId,
      targetId: 'programSettings',
      key: `settings:${doc._id}`,
      data: { version: doc._id, dailyCap: doc.dailyCap, changed: changed.join(',') },
    });
    return fromDoc(doc);
  }
}

function nextVersion(
  current: ProgramSettings,
  change: SettingsChange,
  actorId: string,
): ProgramSettingsDoc {
  const { dailyCap, weights } = applyBudgetChange(current, change);
  return {
    _id: current.version + 1,
    dailyCap,
    weights,
    autoReverseThreshold:
      change.autoReverseThreshold === undefined
        ? current.autoReverseThreshold
        : change.autoReverseThreshold,
    updatedBy: actorId,
    updatedAt: new Date(),
  };
}
