import { eventsBetween, type WindowEvent } from '../activity';
import { assert } from '../core/assert';
import { addDays, daysBetween, type UtcDay } from '../core/day';

/**
 * The actor × author graph of a window of days ending on the assessed day D: who acted on whose
 * materials, on which days, and whether they engaged (liked, commented or shared) or only
 * viewed. Both lines of defence read it (`../shared/FRAUD.md`): detection, and scoring (to weigh
 * what each actor adds, accrual/actorWeight.ts), to see structure no single author-day shows (an
 * audience that returns to one author and reads nobody else, rings of authors trading likes day
 * after day).
 *
 * An honest audience is a sample of the network's readers: they come from elsewhere and go
 * elsewhere. `focus` measures the opposite, FRAUDAR-style (Hooi et al., KDD 2016): the share of an
 * actor's window activity that lands on one author, each author-day weighted 1 / ln(e + the
 * author's audience), so activity on popular authors, which is what a farm adds as camouflage and
 * what honest readers also do, weighs little, and a bot's devotion to its small target shows.
 *
 * Memory: one number per (actor, author) pair of the window (day and engagement bits), interned
 * ids and a few numbers per actor and author; the events themselves are never held.
 */
export interface PairFacts {
  /** Acted on the author's materials on D. */
  today: boolean;
  /** Days before D (in the window) with activity on the author. */
  priorDays: number;
  /** Days (D included) with a like, comment or share on the author's materials. */
  engagedDays: number;
}

/** Bits 0..7: the days with activity (bit i = D - i); bits 8..15: the days with engagement. */
const dayBits = 8;
const authorsMax = 2 ** 21;

export class AudienceGraph {
  private readonly actorIds = new Map<string, number>();
  private readonly authorIds = new Map<string, number>();
  private readonly pairs = new Map<number, number>();
  private authorAudience = new Uint32Array(0);
  private actorPriorDays = new Uint8Array(0);
  private actorWeightedDays = new Float64Array(0);
  private actorAuthorsToday = new Uint32Array(0);
  private authorPriorPairDays = new Uint32Array(0);
  private historyDays = 0;

  /** An empty graph: `add` the window's events (any order), then `seal` it before reading it. */
  constructor(
    readonly day: UtcDay,
    readonly lookbackDays: number,
  ) {
    assert(lookbackDays >= 0 && lookbackDays < dayBits, 'the window fits the day bits');
  }

  /** The window's first day. */
  get from(): UtcDay {
    return addDays(this.day, -this.lookbackDays);
  }

  /** Reads the window D - lookbackDays .. D from the stored events (one plain read). */
  static async build(day: UtcDay, lookbackDays: number): Promise<AudienceGraph> {
    const graph = new AudienceGraph(day, lookbackDays);
    for await (const event of eventsBetween(graph.from, day)) graph.add(event);
    return graph.seal();
  }

  /** The same graph from events in hand (tests, simulations). */
  static of(day: UtcDay, lookbackDays: number, events: Iterable<WindowEvent>): AudienceGraph {
    const graph = new AudienceGraph(day, lookbackDays);
    for (const event of events) graph.add(event);
    return graph.seal();
  }

  /** Events outside the window are ignored. */
  add(event: WindowEvent): void {
    const back = daysBetween(event.day as UtcDay, this.day);
    if (back < 0 || back > this.lookbackDays) return;
    const actor = intern(this.actorIds, event.actorId);
    const author = intern(this.authorIds, event.authorId);
    assert(author < authorsMax, 'authors fit the pair key');
    const key = actor * authorsMax + author;
    const engaged = event.type === 'VIEW' ? 0 : 1 << (dayBits + back);
    this.pairs.set(key, (this.pairs.get(key) ?? 0) | (1 << back) | engaged);
  }

  seal(): this {
    const actors = this.actorIds.size;
    this.authorAudience = new Uint32Array(this.authorIds.size);
    this.authorPriorPairDays = new Uint32Array(this.authorIds.size);
    this.actorPriorDays = new Uint8Array(actors);
    this.actorWeightedDays = new Float64Array(actors);
    this.actorAuthorsToday = new Uint32Array(actors);
    const priorMask = new Uint8Array(actors);
    for (const [key, bits] of this.pairs) {
      const actor = Math.floor(key / authorsMax);
      this.authorAudience[key % authorsMax]! += 1;
      this.actorAuthorsToday[actor]! += bits & 1;
      this.authorPriorPairDays[key % authorsMax]! += popcount((bits & 0xff) >> 1);
      priorMask[actor]! |= (bits & 0xff) >> 1;
    }
    for (const [key, bits] of this.pairs) {
      const actor = Math.floor(key / authorsMax);
      this.actorWeightedDays[actor]! +=
        popcount(bits & 0xff) * this.camouflageWeight(key % authorsMax);
    }
    priorMask.forEach((mask, actor) => (this.actorPriorDays[actor] = popcount(mask)));
    this.historyDays = popcount(priorMask.reduce((all, mask) => all | mask, 0));
    return this;
  }

  private camouflageWeight(author: number): number {
    return 1 / Math.log(Math.E + this.authorAudience[author]!);
  }

  /** Days before D (in the window) on which the actor acted on anyone. */
  priorDays(actorId: string): number {
    const actor = this.actorIds.get(actorId);
    return actor === undefined ? 0 : this.actorPriorDays[actor]!;
  }

  /** Distinct authors the actor acted on on D. */
  authorsToday(actorId: string): number {
    const actor = this.actorIds.get(actorId);
    return actor === undefined ? 0 : this.actorAuthorsToday[actor]!;
  }

  /**
   * Whether anyone acted on the days before D: without history (a new network, or one whose
   * earlier days were quiet), "never seen" says nothing about an actor.
   */
  get hasHistory(): boolean {
    return this.historyDays > 0;
  }

  /** The author's average audience on the days before D that had any activity (0 without). */
  priorDailyAudience(authorId: string): number {
    const author = this.authorIds.get(authorId);
    if (author === undefined || this.historyDays === 0) return 0;
    return this.authorPriorPairDays[author]! / this.historyDays;
  }

  /** Distinct actors of the author over the window. */
  audience(authorId: string): number {
    const author = this.authorIds.get(authorId);
    return author === undefined ? 0 : this.authorAudience[author]!;
  }

  pair(actorId: string, authorId: string): PairFacts {
    const bits = this.bits(actorId, authorId);
    return {
      today: (bits & 1) === 1,
      priorDays: popcount((bits & 0xff) >> 1),
      engagedDays: popcount(bits >> dayBits),
    };
  }

  /**
   * In [0, 1]: the share of the actor's camouflage-weighted author-days of the window that are on
   * this author. 1: the author is all the actor ever did.
   */
  focus(actorId: string, authorId: string): number {
    const actor = this.actorIds.get(actorId);
    const author = this.authorIds.get(authorId);
    if (actor === undefined || author === undefined) return 0;
    const total = this.actorWeightedDays[actor]!;
    const days = popcount(this.bits(actorId, authorId) & 0xff);
    return total === 0 ? 0 : (days * this.camouflageWeight(author)) / total;
  }

  private bits(actorId: string, authorId: string): number {
    const actor = this.actorIds.get(actorId);
    const author = this.authorIds.get(authorId);
    if (actor === undefined || author === undefined) return 0;
    return this.pairs.get(actor * authorsMax + author) ?? 0;
  }
}

function intern(ids: Map<string, number>, id: string): number {
  let index = ids.get(id);
  if (index === undefined) {
    index = ids.size;
    ids.set(id, index);
  }
  return index;
}

function popcount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count += 1;
  return count;
}
