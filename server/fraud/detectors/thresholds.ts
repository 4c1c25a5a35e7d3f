/**
 * The detectors' parameters, in one place. Each signal turns a measurement into a strength in
 * [0, 1] with a ramp: 0 at or below `from` (what honest activity reaches), 1 at or above `to`
 * (what only coordinated activity reaches), linear in between. A volume floor keeps small
 * numbers, where chance alone produces extreme ratios, from counting at all.
 *
 * The values were set from what honest traffic looks like (diurnal spread, a few refreshes, a
 * minority of never-seen visitors, friends who like each other now and then, fans who follow an
 * author on two sites) and checked with `npm run bench:fraud`, which also injects honest
 * confounders: flash crowds, loyal re-readers, popular authors.
 */
export const thresholds = {
  /** Days of activity before the day that make an actor "seen" (not brand-new). */
  lookbackDays: 7,
  /** A member-day with fewer counted events is not assessed: too little to say, and to earn. */
  eventsMin: 10,
  /** A flag is raised at this confidence or above. */
  flagConfidenceMin: 0.5,

  /** Views per unique viewer: honest readers refresh a little; a farm of few actors repeats. */
  viewsPerViewer: { from: 2, to: 4, viewsMin: 30 },
  /** Share of the author's actors never seen before, above the day's network-wide share. */
  newActorsExcess: { from: 0.3, to: 0.55, actorsMin: 20 },
  /** The busiest window of the author's day, against the day's hourly peak rate. */
  burst: { windowMs: 10 * 60_000, peakFactor: 2.5, ratio: { from: 10, to: 25 }, eventsMin: 25 },
  /** Authors who liked this author's materials and whose materials this author liked. */
  likeRing: { partners: { from: 2, to: 4 }, share: { from: 0.1, to: 0.35 } },
  /** Share of the author's actors who engaged with them on two sites or more. */
  crossSite: { share: { from: 0.2, to: 0.45 }, actorsMin: 5 },
} as const;

export interface Ramp {
  readonly from: number;
  readonly to: number;
}

export function ramp(value: number, { from, to }: Ramp): number {
  if (value <= from) return 0;
  if (value >= to) return 1;
  return (value - from) / (to - from);
}
