import { round, signalOf, type Detector } from './signal';
import { ramp, thresholds } from './thresholds';

const dayMs = 86_400_000;

/**
 * A burst in a short window: the busiest 10 minutes of the author's day against what the
 * author's daily volume would put there at the day's peak rate (`peakFactor` times the average:
 * honest traffic follows the clock of its readers). Flash crowds do exceed it a few times over;
 * a farm or a wave of fresh accounts delivers most of its events within minutes.
 */
export const burst: Detector = (author) => {
  const { windowMs, peakFactor, ratio, eventsMin } = thresholds.burst;
  if (author.burstEvents < eventsMin) return null;
  const expected = Math.max(1, (author.events * windowMs * peakFactor) / dayMs);
  const excess = author.burstEvents / expected;
  return signalOf({
    code: 'BURST',
    value: round(excess),
    detail: `${author.burstEvents} of ${author.events} events within ${windowMs / 60_000} minutes`,
    strength: ramp(excess, ratio),
  });
};
