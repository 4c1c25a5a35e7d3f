import type { AudienceGraph } from '../audience';

/**
 * What one actor adds to an author's counts on day D (R10 "unique viewers, likes, ..." counted as
 * people, not ids): a weight in (0, 1], from the audience graph of the week. Scoring's second
 * line of defence (`../shared/FRAUD.md`): it blunts farming that detection does not catch,
 * without hiding popularity (every actor still adds something, so more actors always score
 * more), and costs an ordinary reader nothing:
 *
 * - attention: an actor's day is bounded across authors. Up to `attentionFree` authors a day
 *   each count in full; beyond, each counts 1 / sqrt(authors / attentionFree): a viewer of 300
 *   authors a day is one reader spread thin (10 readers' worth in all), not 300 readers.
 * - history: an id with no activity on the days before D (in a network that has history) counts
 *   `unseenWeight`: a farm's fresh ids are cheap, a returning reader is not. It still counts,
 *   so a new reader or a new author's first audience earns, less per head.
 * - devotion: an actor who comes back to the same author day after day while doing little else
 *   counts 1 / (1 + prior days * devotedness), devotedness rising from 0 at focus `focusFree` to 1
 *   at focus 1 (focus: the camouflage-weighted share of their week on this author, FRAUDAR's
 *   weighting, so popular pages read as cover weigh little). A slow bot or a sock puppet on its
 *   seventh day is worth an eighth of a reader; a loyal reader who splits the week over two
 *   authors or more counts in full every day.
 *
 * Weights are whole thousandths, so that a material's sum is an exact integer whatever the order
 * its actors are read in: the allocation's digest is the same on every run (allocateDay.ts).
 */
export const actorWeighting = {
  /** Days before D the graph covers: "seen before" and "came back" look this far. */
  lookbackDays: 7,
  attentionFree: 3,
  unseenWeight: 0.5,
  focusFree: 2 / 3,
  /** Weights are multiples of 1 / scale. */
  scale: 1000,
} as const;

/** An actor's weight on an author's materials on D, in thousandths (1..1000). */
export type ActorWeight = (actorId: string, authorId: string) => number;

export function actorWeights(graph: AudienceGraph): ActorWeight {
  const { attentionFree, unseenWeight, focusFree, scale } = actorWeighting;
  return (actorId, authorId) => {
    const authors = graph.authorsToday(actorId);
    const attention = authors > attentionFree ? Math.sqrt(attentionFree / authors) : 1;
    const history = graph.hasHistory && graph.priorDays(actorId) === 0 ? unseenWeight : 1;
    const devotedness = Math.max(0, (graph.focus(actorId, authorId) - focusFree) / (1 - focusFree));
    const devotion = 1 / (1 + graph.pair(actorId, authorId).priorDays * devotedness);
    return Math.max(1, Math.round(scale * attention * history * devotion));
  };
}
