import { Types } from 'mongoose';
import { assert } from '../core/assert';
import { pauseBeforeRetry } from '../core/backoff';
import { serviceUnavailable } from '../core/errors';
import { limits } from '../core/limits';
import { isDuplicateKey } from '../core/mongo';
import { StockMove, type StockMoveDoc, type StockMoveKind } from './stockMove.model';

/**
 * Reading and appending the stock journal (stockMove.model.ts). `appendStockMove` is its only
 * writer; the acts that move stock (stockHold.ts for a redemption's unit, upsertReward.ts for
 * ADMIN's changes) only say, given the tip, which move they want.
 */

/** A reward's stock after its latest move. */
export interface StockTip {
  seq: number;
  /** Units left; null means unlimited. */
  stock: number | null;
}

/** A reward without moves is unlimited (created without a stock). */
export const emptyStockTip: StockTip = { seq: 0, stock: null };

/** The move an act wants to append after a given tip. */
export interface MovePlan {
  kind: StockMoveKind;
  stockAfter: number | null;
}

/** Either the move under the act's key (appended now, or earlier), or why none is wanted. */
export type MoveOutcome<Decline extends string> =
  { move: StockMoveDoc; created: boolean } | { declined: Decline };

/**
 * Appends the move `plan` asks for after the reward's tip, under `key`, at most once.
 * - The plan is asked again after every lost race, against the new tip, so a check it makes
 *   ("a unit is left") holds for the move that lands.
 * - A key already used returns the move made under it (a replay, a retry after a crash, or a
 *   racer with the same key), and appends nothing: before a decline, too, the key is looked up,
 *   so a replay is never declined (a redemption that took the last unit is not out of stock).
 * - Losing the `seq` race (duplicate key, key absent) re-reads the tip and tries again, at most
 *   `limits.retryAttemptsMax` times, after a jittered pause; beyond that: SERVICE_UNAVAILABLE.
 * The key is not read before appending: on FerretDB v1 a query scans the collection while the
 * insert's unique-index check is a probe, and replays are rare (same reasoning as postEntry.ts).
 */
export async function appendStockMove<Decline extends string>(
  rewardId: string,
  key: string,
  plan: (tip: StockTip) => MovePlan | { decline: Decline },
): Promise<MoveOutcome<Decline>> {
  let tip = await readStockTip(rewardId);
  for (let attempt = 1; ; attempt++) {
    const wanted = plan(tip);
    if ('decline' in wanted) {
      const earlier = await findStockMove(rewardId, key);
      return earlier ? { move: earlier, created: false } : { declined: wanted.decline };
    }
    try {
      return { move: await insertMove(rewardId, key, tip, wanted), created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const earlier = await findStockMove(rewardId, key);
    if (earlier) return { move: earlier, created: false };
    if (attempt >= limits.retryAttemptsMax) throw serviceUnavailable('stock');
    await pauseBeforeRetry(attempt);
    tip = await readStockTip(rewardId);
  }
}

async function insertMove(
  rewardId: string,
  key: string,
  tip: StockTip,
  plan: MovePlan,
): Promise<StockMoveDoc> {
  const { kind, stockAfter } = plan;
  assert(
    stockAfter === null || (Number.isSafeInteger(stockAfter) && stockAfter >= 0),
    `stock of reward ${rewardId} would become ${stockAfter}: never below zero`,
  );
  const delta = tip.stock === null || stockAfter === null ? null : stockAfter - tip.stock;
  assert(kind !== 'TAKE' || delta === -1, `a TAKE (${key}) takes one unit from a limited stock`);
  assert(kind !== 'RETURN' || delta === null || delta === 1, `a RETURN (${key}) gives one unit`);
  const move: StockMoveDoc = {
    _id: new Types.ObjectId(),
    rewardId,
    seq: tip.seq + 1,
    delta,
    stockAfter,
    kind,
    key,
    createdAt: new Date(),
  };
  await StockMove.collection.insertOne(move);
  return move;
}

export function findStockMove(rewardId: string, key: string): Promise<StockMoveDoc | null> {
  return StockMove.findOne({ rewardId, key }).lean<StockMoveDoc>();
}

/** The reward's stock after its latest move, read from the journal itself. */
export async function readStockTip(rewardId: string): Promise<StockTip> {
  const latest = await StockMove.findOne({ rewardId })
    .sort({ seq: -1 })
    .select({ seq: 1, stockAfter: 1 })
    .lean<Pick<StockMoveDoc, 'seq' | 'stockAfter'>>();
  return latest ? { seq: latest.seq, stock: latest.stockAfter ?? null } : emptyStockTip;
}

/**
 * The stock of several rewards (a catalogue page) in two queries rather than one per reward:
 * seqs have no gaps (each move is appended as `tip.seq + 1` against a unique index), so a
 * reward's move count is its tip's seq; then the tips are read by (rewardId, seq). FerretDB v1
 * has no `$max` or `$first` accumulator, `$sum` does it. A move appended between the two queries
 * is simply not seen yet: each stock returned is the exact stock at some recent instant.
 */
export async function readStockTips(rewardIds: readonly string[]): Promise<Map<string, StockTip>> {
  const tips = new Map<string, StockTip>();
  if (rewardIds.length === 0) return tips;
  const counts = await StockMove.aggregate<{ _id: string; moves: number }>([
    { $match: { rewardId: { $in: [...rewardIds] } } },
    { $group: { _id: '$rewardId', moves: { $sum: 1 } } },
  ]);
  if (counts.length === 0) return tips;
  const latest = await StockMove.find({
    $or: counts.map((c) => ({ rewardId: c._id, seq: c.moves })),
  })
    .select({ rewardId: 1, seq: 1, stockAfter: 1 })
    .lean<Pick<StockMoveDoc, 'rewardId' | 'seq' | 'stockAfter'>[]>();
  for (const move of latest)
    tips.set(move.rewardId, { seq: move.seq, stock: move.stockAfter ?? null });
  assert(tips.size === counts.length, 'every reward with moves has a move numbered by its count');
  return tips;
}

export const stockOf = (tips: Map<string, StockTip>, rewardId: string): number | null =>
  (tips.get(rewardId) ?? emptyStockTip).stock;
