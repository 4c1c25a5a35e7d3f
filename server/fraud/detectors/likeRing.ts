import { round, signalOf, type Detector } from './signal';
import { ramp, thresholds } from './thresholds';

/**
 * Reciprocal like rings between authors: members who like this author's materials and whose
 * materials this author liked the same day. Friends do that now and then (one or two); a ring
 * trades likes among many, and its partners make up a large part of the author's likers.
 */
export const likeRing: Detector = (author, context) => {
  if (author.likers.size === 0) return null;
  const partners = context.likePartners(author.authorId);
  const share = partners.length / author.likers.size;
  const { partners: partnersBand, share: shareBand } = thresholds.likeRing;
  return signalOf({
    code: 'LIKE_RING',
    value: partners.length,
    detail: `likes traded with ${partners.length} authors (${round(share * 100, 0)}% of likers): ${partners.slice(0, 10).join(', ')}`,
    strength: ramp(partners.length, partnersBand) * ramp(share, shareBand),
  });
};
