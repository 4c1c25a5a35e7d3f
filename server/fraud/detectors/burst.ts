import { round, signalOf, type Detector } from './signal';
import { ramp, thresholds } from './thresholds';

const dayMs = 86_400_000;

/**
 * Bought engagement in a short window: likes, comments and shares by never-seen actors in the
 * busiest `windowMs` of the author's day, against what the author's daily engagement would put
 * there at the day's peak rate. Honest spikes (a newsletter, a link on a social site) bring
 * returning readers who engage, or new visitors who only look; a burst of fresh accounts that all
 * like within minutes is what vote buying and fresh-account waves look like.
 */
export const burst: Detector = (author) => {
  const { windowMs, peakFactor, ratio, eventsMin } = thresholds.burst;
  if (author.burstEvents < eventsMin) return null;
  const expected = Math.max(1, (author.engagementEvents * windowMs * peakFactor) / dayMs);
  const excess = author.burstEvents / expected;
  return signalOf({
    code: 'BURST',
    value: round(excess),
    detail: `${author.burstEvents} likes, comments and shares by never-seen actors within ${windowMs / 60_000} minutes (of ${author.engagementEvents} that day)`,
    strength: ramp(excess, ratio),
  });
};
