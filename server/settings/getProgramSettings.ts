import type { ScoringWeights } from '../config';
import { ProgramSettingsVersion, type ProgramSettingsDoc } from './settings.model';
import { settingsDefaults } from './settingsDefaults';

/** The settings in force: the latest saved version, or the configured defaults (version 0). */
export interface ProgramSettings {
  version: number;
  dailyCap: number;
  weights: ScoringWeights;
  autoReverseThreshold: number | null;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export async function getProgramSettings(): Promise<ProgramSettings> {
  const latest = await ProgramSettingsVersion.findOne()
    .sort({ _id: -1 })
    .lean<ProgramSettingsDoc>();
  return latest ? fromDoc(latest) : defaultSettings();
}

export function defaultSettings(): ProgramSettings {
  const { dailyCap, weights } = settingsDefaults();
  return {
    version: 0,
    dailyCap,
    weights: { ...weights },
    autoReverseThreshold: null,
    updatedBy: null,
    updatedAt: null,
  };
}

export const fromDoc = (doc: ProgramSettingsDoc): ProgramSettings => ({
  version: doc._id,
  dailyCap: doc.dailyCap,
  weights: {
    view: doc.weights.view,
    like: doc.weights.like,
    comment: doc.weights.comment,
    share: doc.weights.share,
    pointsPerScore: doc.weights.pointsPerScore,
  },
  autoReverseThreshold: doc.autoReverseThreshold ?? null,
  updatedBy: doc.updatedBy,
  updatedAt: doc.updatedAt,
});
