/**
 * Seeded pseudo-random numbers for the demo network (mulberry32): every run of `npm start` grows
 * the same network (only the dates move with today), so what a person saw yesterday is still
 * there, and a test can count on the story it tells. Not for anything secret.
 */
export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [0, below). */
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Pareto(min, alpha): most draws near `min`, a few very large (popularity is heavy-tailed). */
  pareto(min: number, alpha: number): number;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('cannot pick from an empty list');
      return items[int(items.length)]!;
    },
    chance: (probability) => next() < probability,
    pareto: (min, alpha) => min / Math.pow(1 - next(), 1 / alpha),
  };
}

/** A stream of its own for each (seed, part): the days can be drawn in any order. */
export const randomFor = (seed: number, part: number): Random =>
  seededRandom(Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(part + 1, 0x85ebca6b));
