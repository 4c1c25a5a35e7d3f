import { round, signalOf, type Detector } from './signal';
import { ramp, thresholds } from './thresholds';

/**
 * Brand-new or never-seen actors: the share of the author's actors with no activity anywhere on
 * the network in the lookback days, above that day's share over the whole network (so a day
 * with many newcomers everywhere raises no one). Fake viewers and fresh accounts are new.
 */
export const newActors: Detector = (author, context) => {
  const { actorsMin, ...band } = thresholds.newActorsExcess;
  if (author.uniqueActors < actorsMin) return null;
  const share = author.newActors / author.uniqueActors;
  return signalOf({
    code: 'NEW_ACTORS',
    value: round(share),
    detail: `${author.newActors} of ${author.uniqueActors} actors never seen before (network: ${Math.round(context.newActorShare * 100)}%)`,
    strength: ramp(share - context.newActorShare, band),
  });
};
