import { round, signalOf, type Detector } from './signal';
import { ramp, thresholds } from './thresholds';

/**
 * Small rings (two or three authors trading likes and comments day after day): partners who
 * engaged with this author and whom this author engaged with on several days of the window, and
 * who bring most of the author's engagement. Friends like each other's work now and then, next to
 * the engagement of their readers; a ring's engagement is mostly the ring's.
 */
export const reciprocalHistory: Detector = (author) => {
  const partners = author.reciprocalPartners;
  if (partners.length === 0) return null;
  return signalOf({
    code: 'RECIPROCAL_HISTORY',
    value: round(author.reciprocalShare),
    detail: `${round(author.reciprocalShare * 100, 0)}% of ${author.engagementEvents} likes, comments and shares came from ${partners.length} members this author also engaged with on ${thresholds.reciprocal.daysMin}+ days: ${partners.slice(0, 10).join(', ')}`,
    strength: ramp(author.reciprocalShare, thresholds.reciprocal.share),
  });
};
