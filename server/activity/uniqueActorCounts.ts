import type { UtcDay } from '../core/day';
import { limits } from '../core/limits';
import { ActivityEvent, type ActivityType } from './activityEvent.model';

/**
 * What accrual needs to score a day (R10): for each author and material, the number of unique
 * actors per type ("a viewer counts once per material per day"; likes, comments and shares
 * likewise, each per type). One pass over the day's stored events (index on day): the first
 * `$group` keeps one row per (author, material, type, actor), the second counts them. Streamed
 * in cursor batches, sorted by author then material so a caller can fold each member's rows as
 * they arrive; a member-day is the sum of its materials' rows. Replays and events reported by
 * two sites for one actor cannot inflate a count: events are unique by key, actors by grouping.
 */
export interface UniqueActorCount {
  authorId: string;
  materialId: string;
  type: ActivityType;
  actors: number;
}

export async function* uniqueActorCounts(day: UtcDay): AsyncGenerator<UniqueActorCount> {
  const cursor = ActivityEvent.aggregate<{
    _id: { authorId: string; materialId: string; type: ActivityType };
    actors: number;
  }>([
    { $match: { day } },
    {
      $group: {
        _id: {
          authorId: '$authorId',
          materialId: '$materialId',
          type: '$type',
          actorId: '$actorId',
        },
      },
    },
    {
      $group: {
        _id: { authorId: '$_id.authorId', materialId: '$_id.materialId', type: '$_id.type' },
        actors: { $sum: 1 },
      },
    },
    { $sort: { '_id.authorId': 1, '_id.materialId': 1, '_id.type': 1 } },
  ]).cursor({ batchSize: limits.cursorBatchSize });
  for await (const row of cursor) {
    yield { ...row._id, actors: row.actors };
  }
}
