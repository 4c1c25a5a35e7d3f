/**
 * What every fraud simulator hands the evaluation (evaluate.ts): a network's materials, the
 * events of a few days as sites would report them, and the truth: which member-days of the
 * evaluated day were injected fraud (by scheme), and which honest authors were given a confounder
 * (a spike, fans on two sites, ...) so their false positives can be named.
 *
 * Each simulator is written from its own model of behaviour; only this shape and the seeded
 * random source are shared.
 */
import { dayStart, type UtcDay } from '../../../server/core/day';

export type EventType = 'VIEW' | 'LIKE' | 'COMMENT' | 'SHARE';

export interface SimEvent {
  siteId: string;
  type: EventType;
  materialId: string;
  actorId: string;
  at: number;
  /** Sent by a farm, not by a person reading: what "real audience" leaves out. */
  fake?: boolean;
}

export interface SimMaterial {
  id: string;
  authorId: string;
  siteId: string;
}

export interface Simulation {
  name: string;
  day: UtcDay;
  materials: SimMaterial[];
  /** Every event of the evaluated day and the days before it (the 72-hour window allows two). */
  events: SimEvent[];
  /** Injected fraud on `day`: author → scheme. */
  truth: Map<string, string>;
  /** Honest authors given a look-alike on `day`: author → kind. */
  confounders: Map<string, string>;
}

export interface SimulationOptions {
  seed: number;
  /** Scale: the number of authors. */
  authors: number;
  /** The evaluated day (yesterday) and the earliest instant the API still accepts. */
  day: UtcDay;
  windowStartMs: number;
}

export type Simulator = (options: SimulationOptions) => Simulation;

export const hourMs = 3_600_000;
export const minuteMs = 60_000;

/** A seeded source of randomness and the draws the simulators use. */
export function randomSource(seed: number) {
  let a = seed;
  const random = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return {
    random,
    chance: (p: number) => random() < p,
    between,
    pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!,
    pareto: (xm: number, alpha: number) => xm * Math.pow(1 - random(), -1 / alpha),
    /** Poisson draw (Knuth for small means, a rounded normal above 30). */
    poisson: (mean: number): number => {
      if (mean > 30) {
        const u = 1 - random();
        const v = random();
        const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
      }
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = random(); p > limit; p *= random()) k += 1;
      return k;
    },
  };
}
export type Random = ReturnType<typeof randomSource>;

/** An instant of `day` following `weightOfHour` (rejection sampling), not before `fromMs`. */
export function instantOn(
  rng: Random,
  day: UtcDay,
  fromMs: number,
  weightOfHour: (hour: number) => number,
): number {
  for (;;) {
    const hour = rng.random() * 24;
    if (rng.random() < weightOfHour(hour)) {
      return Math.max(fromMs, dayStart(day).getTime() + hour * hourMs);
    }
  }
}
