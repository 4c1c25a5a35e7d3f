import { round, signalOf, type Detector } from './signal';
import { ramp, thresholds } from './thresholds';

/**
 * A click farm paced to look like traffic: hundreds of never-seen ids that only view, many times
 * the author's usual daily audience, arriving hour by hour just as the whole network does. Honest
 * surges of newcomers have a cause, so they come in a wave (a link shared, a newsletter sent, a
 * post going viral) and leave some likes; an author's steady search traffic is no surge (the
 * days before had it too). Needs history: on a network's first day everyone is new.
 */
export const flatSurge: Detector = (author, context) => {
  const { crowd, surge, distance, freshEngaged } = thresholds.flatSurge;
  if (author.crowd < crowd.from) return null;
  const times = author.crowd / Math.max(1, author.priorDailyAudience);
  const apart = totalVariation(author.crowdHours, context.hourProfile);
  return signalOf({
    code: 'FLAT_SURGE',
    value: author.crowd,
    detail:
      `${author.crowd} never-seen actors who only viewed, ${round(times, 1)}x the usual daily audience of ${round(author.priorDailyAudience, 1)}, ` +
      `arriving hour by hour like the whole network (distance ${round(apart, 2)}), ${round(author.freshEngagedShare * 100, 1)}% of newcomers engaged`,
    strength:
      ramp(author.crowd, crowd) *
      ramp(times, surge) *
      (1 - ramp(apart, distance)) *
      (1 - ramp(author.freshEngagedShare, freshEngaged)),
  });
};

/** Half the sum of the absolute differences between a histogram's shares and a profile. */
function totalVariation(counts: readonly number[], profile: readonly number[]): number {
  const total = counts.reduce((sum, n) => sum + n, 0);
  return counts.reduce((sum, n, i) => sum + Math.abs(n / total - profile[i]!), 0) / 2;
}
