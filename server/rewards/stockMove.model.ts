import { Schema, model, type Types } from 'mongoose';

/**
 * The stock journal: append-only moves of a reward's stock, the truth about how many units are
 * left (the reward document holds none). Built like the ledger's journal (ledger/entry.model.ts)
 * and for the same reason: on FerretDB v1 a conditional update (`{ stock: { $gte: 1 } }` with
 * `$inc`) is "read, apply in memory, write back" without checking the filter again, so two
 * racers can both take the last unit. Only an insert against a unique index decides atomically.
 *
 * Two unique indexes carry correctness:
 * - (rewardId, seq): each reward's moves are numbered 1, 2, 3... with no gap and no twin, and a
 *   move is appended as `tip.seq + 1` with `stockAfter` computed from the tip, so two writers
 *   appending after the same state cannot both succeed: the loser re-reads the tip and retries.
 *   "A unit is left" is checked against the very state the move follows: stock never below zero.
 * - (rewardId, key): each act moves stock at most once, whatever the retries, replays or crashes:
 *   `take:<redemptionId>`, `return:<redemptionId>`, `set:<uuid>` (one per ADMIN change).
 *
 * The current stock is the `stockAfter` of the move with the highest seq (the tip); a reward
 * without moves is unlimited. Nothing updates or deletes a move.
 */
export const stockMoveKinds = ['SET', 'TAKE', 'RETURN'] as const;
export type StockMoveKind = (typeof stockMoveKinds)[number];

export interface StockMoveDoc {
  _id: Types.ObjectId;
  rewardId: string;
  /** 1, 2, 3... per reward. */
  seq: number;
  /**
   * Units this move adds (-1 for TAKE, +1 for RETURN, the difference for SET); null when the
   * stock before or after it is unlimited (there is no difference to speak of).
   */
  delta: number | null;
  /** Units left once this move is applied; null means unlimited. Never negative. */
  stockAfter: number | null;
  kind: StockMoveKind;
  /** Unique per reward: the act that made the move. */
  key: string;
  createdAt: Date;
}

const stockMoveSchema = new Schema<StockMoveDoc>(
  {
    rewardId: { type: String, required: true },
    seq: { type: Number, required: true },
    delta: { type: Number, default: null },
    stockAfter: { type: Number, default: null },
    kind: { type: String, enum: stockMoveKinds, required: true },
    key: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'stockMoves' },
);
stockMoveSchema.index({ rewardId: 1, seq: 1 }, { unique: true });
stockMoveSchema.index({ rewardId: 1, key: 1 }, { unique: true });

export const StockMove = model<StockMoveDoc>('StockMove', stockMoveSchema);
