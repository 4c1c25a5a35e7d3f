import type { Config, ScoringWeights } from '../config';
import { assert } from '../core/assert';
import type { Logger } from '../core/log';

/**
 * The settings in force until an ADMIN saves some: the daily cap and scoring weights from
 * configuration (DAILY_CAP, SCORING_WEIGHTS), which keeps the real weights out of the repository.
 * Without SCORING_WEIGHTS, scoring uses neutral equal weights (every counted actor worth 1, one
 * bonus per point) and says so once per process at warn level, without the values.
 *
 * Each process that serves or scores (the API, the jobs, the worker) calls `configureSettings`
 * once at start; reading settings before that is a bug.
 */
export const neutralWeights: Readonly<ScoringWeights> = Object.freeze({
  view: 1,
  like: 1,
  comment: 1,
  share: 1,
  pointsPerScore: 1,
});

export interface SettingsDefaults {
  dailyCap: number;
  weights: ScoringWeights;
}

let defaults: SettingsDefaults | null = null;
let warned = false;

export function configureSettings(
  config: Pick<Config, 'dailyCapDefault' | 'scoringDefaults'>,
  log: Logger,
): void {
  if (!config.scoringDefaults && !warned) {
    warned = true;
    log.warn(
      'SCORING_WEIGHTS is not set: scoring uses neutral equal weights until an ADMIN sets them',
    );
  }
  defaults = {
    dailyCap: config.dailyCapDefault,
    weights: { ...(config.scoringDefaults ?? neutralWeights) },
  };
}

export function settingsDefaults(): SettingsDefaults {
  assert(defaults, 'configureSettings runs at process start, before settings are read');
  return defaults;
}
