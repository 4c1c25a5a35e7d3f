import type { ProgramSettings } from './getProgramSettings';

/** ADMIN's view of the settings, field by field (the only response that carries weights, R14). */
export interface ProgramSettingsView {
  dailyCap: number;
  weights: { view: number; like: number; comment: number; share: number; pointsPerScore: number };
  autoReverseThreshold: number | null;
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export const presentProgramSettings = (settings: ProgramSettings): ProgramSettingsView => ({
  dailyCap: settings.dailyCap,
  weights: {
    view: settings.weights.view,
    like: settings.weights.like,
    comment: settings.weights.comment,
    share: settings.weights.share,
    pointsPerScore: settings.weights.pointsPerScore,
  },
  autoReverseThreshold: settings.autoReverseThreshold,
  version: settings.version,
  updatedAt: settings.updatedAt,
  updatedBy: settings.updatedBy,
});
