import { round, signalOf, type Detector } from './signal';
import { ramp, thresholds } from './thresholds';

/**
 * Self-promotion across sites: one set of accounts pushing the same author's materials on
 * several sites of the network. A few honest fans follow an author from one site to another;
 * when they are a large share of the author's audience, someone is steering them.
 */
export const crossSite: Detector = (author) => {
  const { actorsMin, share: band } = thresholds.crossSite;
  if (author.sites < 2 || author.crossSiteActors < actorsMin) return null;
  const share = author.crossSiteActors / author.uniqueActors;
  return signalOf({
    code: 'CROSS_SITE',
    value: round(share),
    detail: `${author.crossSiteActors} of ${author.uniqueActors} actors engaged on ${author.sites} sites`,
    strength: ramp(share, band),
  });
};
