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
  /** Days before the assessed one in the audience graph (an actor active on them is "seen"). */
  lookbackDays: 7,
  /** A member-day with fewer counted events is not assessed: too little to say, and to earn. */
  eventsMin: 10,
  /** A flag is raised at this confidence or above. */
  flagConfidenceMin: 0.5,

  /** Views per unique viewer: honest readers refresh a little; a farm of few actors repeats. */
  viewsPerViewer: { from: 3, to: 6, viewsMin: 30 },
  /** Share of the author's actors never seen before, above the day's network-wide share. */
  newActorsExcess: { from: 0.3, to: 0.55, actorsMin: 20 },
  /** Never-seen actors' engagement in the busiest window, against the day's peak rate. */
  burst: { windowMs: 30 * 60_000, peakFactor: 2.5, ratio: { from: 4, to: 10 }, eventsMin: 20 },
  /** Authors who liked this author's materials and whose materials this author liked. */
  likeRing: { partners: { from: 2, to: 4 }, share: { from: 0.1, to: 0.35 } },
  /**
   * Returning, quiet actors whose camouflage-weighted activity is mostly on this author (focus
   * at least `focusMin`): honest authors have a few at most, or, when popular, a small share of
   * their audience (yesterday's visitor of a popular page coming back).
   */
  devoted: { focusMin: 0.5, count: { from: 5, to: 10 }, share: { from: 0.1, to: 0.25 } },
  /** Partners who engaged both ways on `daysMin` days, and their share of the engagement. */
  reciprocal: { daysMin: 2, share: { from: 0.5, to: 0.8 } },
  /**
   * A crowd of never-seen, non-engaging actors, many times the author's usual daily audience,
   * arriving with the network's own hour-by-hour profile. `distance` is the total-variation
   * distance of the crowd's hours from the network's: sampling noise alone puts ~0.1-0.2 between
   * a few hundred draws and their source; a wave (a link shared, a newsletter, a post going
   * viral) is 0.45 and more away. `freshEngaged`: honest crowds leave a few likes.
   */
  flatSurge: {
    crowd: { from: 100, to: 200 },
    surge: { from: 5, to: 10 },
    distance: { from: 0.3, to: 0.4 },
    freshEngaged: { from: 0.01, to: 0.03 },
  },
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
