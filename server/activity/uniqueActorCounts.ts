import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { assert } from '../core/assert';
import type { UtcDay } from '../core/day';
import { limits } from '../core/limits';
import { ActivityEvent, activityTypes, type ActivityType } from './activityEvent.model';
import type { WindowEvent } from './dayEvents';

/**
 * What accrual needs to score a day (R10): for each author and material, the number of unique
 * actors per type ("a viewer counts once per material per day"; likes, comments and shares
 * likewise, each per type). Replays and events reported by two sites for one actor cannot
 * inflate a count: events are unique by key, actors are counted as sets. A caller may weigh each
 * actor per author (whole numbers, so that sums are exact in any order); `weighted` is the sum of
 * the weights of the row's actors (the count, unweighted). Weights built from the days before
 * (scoring's audience graph) come from the same read: `history` sees every event of
 * `history.from`..`day` during pass 1 and returns the weights once it is over.
 *
 * One plain read of the day's stored events, in two passes over local files, so that memory
 * holds one bucket of the day, never the day:
 *   1. read the events (no sort) and append each to one of `limits.scoringBuckets` temporary
 *      files chosen by a hash of its author, so every author's events land in one file;
 *   2. per file: gather each author's actors per (material, type), yield the counts, forget.
 * Rows come out grouped by author (each author's rows together, materials and types in order),
 * which is all a caller folding them per member needs; authors are not in a global order.
 *
 * Not a `$group`, and not a sorted read: FerretDB v1 groups in O(events x groups) and sorts a
 * large result in its own memory (a sorted read of a 1M-event day took 3.5x a plain one), while
 * a plain read streams (core/distinctSorted.ts has the figures).
 */
export interface UniqueActorCount {
  authorId: string;
  materialId: string;
  type: ActivityType;
  actors: number;
  weighted: number;
}

/** An actor's whole-number weight on an author's materials. */
export type WeighActor = (actorId: string, authorId: string) => number;

/** What pass 1 reads of each stored event. */
interface WindowEventKey extends WindowEvent {
  materialId: string;
}

export interface CountOptions {
  /** The days from `from` to `day` are read at once; `see` gets each event, `weigh` the weights. */
  history?: { from: UtcDay; see: (event: WindowEvent) => void; weigh: () => WeighActor };
}

/** Field separator of the bucket files: no id holds a NUL (ids are bounded printable strings). */
const sep = '\u0000';

export async function* uniqueActorCounts(
  day: UtcDay,
  { history }: CountOptions = {},
): AsyncGenerator<UniqueActorCount> {
  const dir = mkdtempSync(join(tmpdir(), 'merit-score-'));
  try {
    const files = await bucketDay(day, dir, history);
    const weigh = history?.weigh() ?? (() => 1);
    for (const file of files) yield* countBucket(file, weigh);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pass 1: the day's events into bucket files by author; returns the files written. */
async function bucketDay(
  day: UtcDay,
  dir: string,
  history: CountOptions['history'],
): Promise<string[]> {
  const streams = new Map<number, WriteStream>();
  const cursor = ActivityEvent.find(
    { day: history ? { $gte: history.from, $lte: day } : day },
    { _id: 0, day: 1, authorId: 1, materialId: 1, type: 1, actorId: 1 },
  )
    .lean<WindowEventKey[]>()
    .cursor({ batchSize: limits.cursorBatchSize });
  for await (const event of cursor) {
    history?.see(event);
    if (event.day !== day) continue;
    const bucket = bucketOf(event.authorId);
    let stream = streams.get(bucket);
    if (!stream) {
      stream = createWriteStream(join(dir, `${bucket}.txt`));
      streams.set(bucket, stream);
    }
    const line = [event.authorId, event.materialId, event.type, event.actorId].join(sep);
    if (!stream.write(`${line}\n`)) await once(stream, 'drain');
  }
  await Promise.all(
    [...streams.values()].map((stream) => new Promise((resolve) => stream.end(resolve))),
  );
  return [...streams.keys()].sort((a, b) => a - b).map((bucket) => join(dir, `${bucket}.txt`));
}

/** FNV-1a over the author id: spreads authors evenly and always puts one author in one bucket. */
function bucketOf(authorId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < authorId.length; i++) {
    hash = Math.imul(hash ^ authorId.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0) % limits.scoringBuckets;
}

/** Pass 2: one bucket's authors, each author's (material, type) actor counts in order. */
async function* countBucket(file: string, weigh: WeighActor): AsyncGenerator<UniqueActorCount> {
  const actorsOf = new Map<string, Map<string, Set<string>>>();
  for await (const line of createInterface({ input: createReadStream(file) })) {
    const [authorId, materialId, type, actorId] = line.split(sep) as [
      string,
      string,
      string,
      string,
    ];
    const key = `${materialId}${sep}${type}`;
    const byKey = actorsOf.get(authorId) ?? new Map<string, Set<string>>();
    const actors = byKey.get(key) ?? new Set<string>();
    actors.add(actorId);
    byKey.set(key, actors);
    actorsOf.set(authorId, byKey);
  }
  for (const authorId of [...actorsOf.keys()].sort()) {
    const byKey = actorsOf.get(authorId)!;
    for (const key of [...byKey.keys()].sort()) {
      const [materialId, type] = key.split(sep) as [string, ActivityType];
      assert(activityTypes.includes(type), `a stored event has type ${type}`);
      const actors = byKey.get(key)!;
      let weighted = 0;
      for (const actorId of actors) weighted += weigh(actorId, authorId);
      assert(Number.isSafeInteger(weighted), 'actor weights are whole numbers');
      yield { authorId, materialId, type, actors: actors.size, weighted };
    }
  }
}
