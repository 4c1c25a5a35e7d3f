import type { AuthorDay } from './authorDay';
import { burst } from './burst';
import { devotedAudience } from './devotedAudience';
import { flatSurge } from './flatSurge';
import { likeRing } from './likeRing';
import { newActors } from './newActors';
import { reciprocalHistory } from './reciprocalHistory';
import { round, type DayContext, type Detector, type Signal } from './signal';
import { thresholds } from './thresholds';
import { viewConcentration } from './viewConcentration';

export const detectors: readonly Detector[] = [
  viewConcentration,
  newActors,
  burst,
  likeRing,
  devotedAudience,
  reciprocalHistory,
  flatSurge,
];

export interface Assessment {
  signals: Signal[];
  /** In [0, 1]: the chance that at least one signal is right, signals taken as independent. */
  confidence: number;
}

/**
 * Runs every detector on one author's day. Confidence combines the strengths as a noisy-OR,
 * 1 - Π(1 - strength): one certain signal is enough, and several middling ones add up, which
 * is how the schemes show themselves (a fresh-account wave is both new and bursty).
 */
export function assessAuthorDay(author: AuthorDay, context: DayContext): Assessment {
  if (author.events < thresholds.eventsMin) return { signals: [], confidence: 0 };
  const signals = detectors
    .map((detect) => detect(author, context))
    .filter((signal): signal is Signal => signal !== null)
    .sort((a, b) => b.strength - a.strength);
  const doubt = signals.reduce((product, signal) => product * (1 - signal.strength), 1);
  return { signals, confidence: round(1 - doubt) };
}
