import type { UtcDay } from '../core/day';
import { limits } from '../core/limits';
import { ActivityEvent, type ActivityType } from './activityEvent.model';

/**
 * What accrual needs to score a day (R10): for each author and material, the number of unique
 * actors per type ("a viewer counts once per material per day"; likes, comments and shares
 * likewise, each per type). One read of the day's stored events, sorted by author (the
 * (day, authorId) index), folded here one author at a time: memory holds one author's actors,
 * never the day. Rows come out sorted by author, then material and type, so a caller can fold
 * each member's rows as they arrive. Replays and events reported by two sites for one actor
 * cannot inflate a count: events are unique by key, actors are counted as a set.
 *
 * Not a `$group`: FerretDB v1 groups in O(events x groups) (core/distinctSorted.ts has the
 * figures), while a sorted read costs about what a plain read does.
 */
export interface UniqueActorCount {
  authorId: string;
  materialId: string;
  type: ActivityType;
  actors: number;
}

interface DayEventKey {
  authorId: string;
  materialId: string;
  type: ActivityType;
  actorId: string;
}

export async function* uniqueActorCounts(day: UtcDay): AsyncGenerator<UniqueActorCount> {
  const cursor = ActivityEvent.find(
    { day },
    { _id: 0, authorId: 1, materialId: 1, type: 1, actorId: 1 },
  )
    .sort({ authorId: 1 })
    .lean<DayEventKey[]>()
    .cursor({ batchSize: limits.cursorBatchSize });
  let authorId: string | null = null;
  let actorsOf = new Map<string, Set<string>>();
  for await (const event of cursor) {
    if (event.authorId !== authorId) {
      if (authorId !== null) yield* authorRows(authorId, actorsOf);
      authorId = event.authorId;
      actorsOf = new Map();
    }
    const key = `${event.materialId}\u0000${event.type}`;
    const actors = actorsOf.get(key) ?? new Set<string>();
    actors.add(event.actorId);
    actorsOf.set(key, actors);
  }
  if (authorId !== null) yield* authorRows(authorId, actorsOf);
}

function* authorRows(
  authorId: string,
  actorsOf: Map<string, Set<string>>,
): Generator<UniqueActorCount> {
  for (const key of [...actorsOf.keys()].sort()) {
    const [materialId, type] = key.split('\u0000') as [string, ActivityType];
    yield { authorId, materialId, type, actors: actorsOf.get(key)!.size };
  }
}
