import { round, signalOf, type Detector } from './signal';
import { ramp, thresholds } from './thresholds';

/**
 * A closed audience (slow bots, aged farm ids): actors who came back to this author on earlier
 * days, spend most of their whole activity in the window on this author, and never liked,
 * commented or shared, and are a good part of its audience. An honest reader comes from elsewhere and goes elsewhere, and a fan who
 * returns daily also engages; a few such actors are chance, a dozen is a farm.
 */
export const devotedAudience: Detector = (author) => {
  const { count, share: band } = thresholds.devoted;
  if (author.uniqueActors === 0) return null;
  const share = author.devotedQuiet / author.uniqueActors;
  return signalOf({
    code: 'DEVOTED_AUDIENCE',
    value: author.devotedQuiet,
    detail: `${author.devotedQuiet} of ${author.uniqueActors} actors (${round(share * 100, 0)}%) came back from earlier days, act almost only on this author and never engaged`,
    strength: ramp(author.devotedQuiet, count) * ramp(share, band),
  });
};
