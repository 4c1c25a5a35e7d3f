import type { AuthorDay } from './authorDay';

export const signalCodes = [
  'VIEW_CONCENTRATION',
  'NEW_ACTORS',
  'BURST',
  'LIKE_RING',
  /** No longer raised (fans on two sites are normal, R13); kept so earlier flags still read. */
  'CROSS_SITE',
  'DEVOTED_AUDIENCE',
  'RECIPROCAL_HISTORY',
  'FLAT_SURGE',
] as const;
export type SignalCode = (typeof signalCodes)[number];

/** One reason for suspicion: what was measured (`value`), in words, and how strongly it counts. */
export interface Signal {
  code: SignalCode;
  value: number;
  detail: string;
  /** In [0, 1]: 0 is what honest activity shows, 1 what only coordinated activity does. */
  strength: number;
}

/** What a detector knows beyond the author's own day. */
export interface DayContext {
  /** Share of never-seen actors over the whole network that day. */
  newActorShare: number;
  /** Authors whose materials this author liked and who liked this author's materials. */
  likePartners(authorId: string): string[];
  /** The network's day by hour (UTC): each hour's share of actors' first arrivals, sum 1. */
  hourProfile: readonly number[];
}

export type Detector = (author: AuthorDay, context: DayContext) => Signal | null;

/** A signal only when it has some strength: zero-strength measurements are not reported. */
export const signalOf = (signal: Signal): Signal | null => (signal.strength > 0 ? signal : null);

export const round = (value: number, digits = 3) => Number(value.toFixed(digits));
