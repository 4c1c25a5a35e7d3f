import type { ScoringWeights } from '../config';
import { assert } from '../core/assert';
import type { UtcDay } from '../core/day';
import { uniqueActorCounts, type ActivityType, type UniqueActorCount } from '../activity';
import { AudienceGraph } from '../audience';
import { actorWeighting, actorWeights } from './actorWeight';
import type { MemberScore } from './allocateBudget';

/**
 * The secret scoring formula (R10, R12, R14). Server-side only: the weights come from the ADMIN
 * settings, a score is never logged at info level, never returned by the API, never stored
 * beside a member's data; only the whole-bonus amounts it leads to are.
 *
 * A member's score for a day sums, over their materials and the four event types:
 *
 *     weight[type] * sqrt(sum of the weights of the unique actors of that type on that material)
 *
 * - Unique actors (uniqueActorCounts): a viewer counts once per material per type per day, so
 *   replays and repeated views add nothing (R10).
 * - Each actor weighs (0, 1] (actorWeight.ts, from the audience graph of the week): in full for an
 *   ordinary reader; less when their day is spread over many authors, when the id was never seen
 *   before, or when they return to this author day after day doing little else. So farmed ids
 *   add little even when detection misses them, and every real reader still adds.
 * - The square root is diminishing returns per material-day: the 1st viewer is worth 1, the 100th
 *   adds 0.05. Breadth (many materials each read by real people) earns more than one material
 *   pumped by many actors, which blunts view farming without hiding popularity: more actors
 *   always mean a higher score, so the order of earnings follows popularity.
 * - Nothing else weighs in: no category, badge or friendship multiplier (R12).
 * Only PUBLISHED materials have counted events at all (ingestion refuses the others, R4, R7, R8),
 * and self-activity was refused there too.
 *
 * Streaming: the day's counts arrive grouped by author (uniqueActorCounts.ts), so one member's
 * running score is held at a time; the caller gets one
 * `{ memberId, score }` per member with counted activity.
 */
export type Weights = Pick<ScoringWeights, 'view' | 'like' | 'comment' | 'share'>;

const weightOf: Record<ActivityType, keyof Weights> = {
  VIEW: 'view',
  LIKE: 'like',
  COMMENT: 'comment',
  SHARE: 'share',
};

/** One (material, type) row's contribution to its author's score (actor weights in thousandths). */
function rowScore(row: Pick<UniqueActorCount, 'type' | 'weighted'>, weights: Weights): number {
  assert(row.weighted >= 0, 'actor weights are non-negative');
  return weights[weightOf[row.type]] * Math.sqrt(row.weighted / actorWeighting.scale);
}

/** Folds rows grouped by author into one score per author (pure; rows may come from anywhere). */
async function* scoresByAuthor(
  rows: AsyncIterable<UniqueActorCount> | Iterable<UniqueActorCount>,
  weights: Weights,
): AsyncGenerator<MemberScore> {
  const seen = new Set<string>();
  let current = null as MemberScore | null;
  for await (const row of rows) {
    if (current === null || current.memberId !== row.authorId) {
      if (current) yield current;
      assert(
        !seen.has(row.authorId),
        "the day arrives grouped by author: each author's rows together",
      );
      seen.add(row.authorId);
      current = { memberId: row.authorId, score: 0 };
    }
    current.score += rowScore(row, weights);
  }
  if (current) yield current;
}

export interface ScoredDay {
  /** Members with counted activity who may earn (not banned that day). */
  scored: number;
  /** Members with counted activity left out because they were banned on the day (R16). */
  frozen: number;
}

/**
 * The scores of `day`'s members, leaving out `excluded` (members banned on the day). `tally` is
 * filled in as the stream goes. One plain read of the week builds the audience graph (one number
 * per actor-author pair in memory) and buckets the day, which is then counted bucket by bucket.
 */
export async function* scoreDay(
  day: UtcDay,
  weights: Weights,
  excluded: ReadonlySet<string>,
  tally: ScoredDay = { scored: 0, frozen: 0 },
): AsyncGenerator<MemberScore> {
  const graph = new AudienceGraph(day, actorWeighting.lookbackDays);
  const rows = uniqueActorCounts(day, {
    history: {
      from: graph.from,
      see: (event) => graph.add(event),
      weigh: () => actorWeights(graph.seal()),
    },
  });
  for await (const member of scoresByAuthor(rows, weights)) {
    if (excluded.has(member.memberId)) {
      tally.frozen += 1;
      continue;
    }
    tally.scored += 1;
    yield member;
  }
}
