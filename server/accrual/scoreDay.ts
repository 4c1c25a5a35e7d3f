import type { ScoringWeights } from '../config';
import { assert } from '../core/assert';
import type { UtcDay } from '../core/day';
import { uniqueActorCounts, type ActivityType, type UniqueActorCount } from '../activity';
import type { MemberScore } from './allocateBudget';

/**
 * The secret scoring formula (R10, R12, R14). Server-side only: the weights come from the ADMIN
 * settings, a score is never logged at info level, never returned by the API, never stored
 * beside a member's data; only the whole-bonus amounts it leads to are.
 *
 * A member's score for a day sums, over their materials and the four event types:
 *
 *     weight[type] * sqrt(unique actors of that type on that material that day)
 *
 * - Unique actors (uniqueActorCounts): a viewer counts once per material per type per day, so
 *   replays and repeated views add nothing (R10).
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

/** One (material, type) row's contribution to its author's score. */
export function rowScore(row: Pick<UniqueActorCount, 'type' | 'actors'>, weights: Weights): number {
  assert(row.actors >= 0, 'actor counts are non-negative');
  return weights[weightOf[row.type]] * Math.sqrt(row.actors);
}

/** Folds rows grouped by author into one score per author (pure; rows may come from anywhere). */
export async function* scoresByAuthor(
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
 * filled in as the stream goes.
 */
export async function* scoreDay(
  day: UtcDay,
  weights: Weights,
  excluded: ReadonlySet<string>,
  tally: ScoredDay = { scored: 0, frozen: 0 },
): AsyncGenerator<MemberScore> {
  for await (const member of scoresByAuthor(uniqueActorCounts(day), weights)) {
    if (excluded.has(member.memberId)) {
      tally.frozen += 1;
      continue;
    }
    tally.scored += 1;
    yield member;
  }
}
