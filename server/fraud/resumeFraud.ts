import type { Model } from 'mongoose';
import { limits } from '../core/limits';
import { completeDecision } from './decideFlag';
import { finishReversal } from './finishReversal';
import { FlagDecision, type FlagDecisionDoc } from './flagDecision.model';
import { FraudFlag, type FraudFlagDoc } from './fraudFlag.model';
import { Reinstatement, type ReinstatementDoc } from './reinstatement.model';
import { completeReinstatement } from './reinstateReversal';
import { Reversal, type ReversalDoc } from './reversal.model';

/**
 * The recovery pass: finishes what a crash left half done.
 * - reversals inserted but not posted get their entry, audit record and `posted` mark;
 * - reinstatements decided but not mirrored on their reversal get their entry, audit record
 *   and status;
 * - flag decisions not mirrored on their flag get their reversal (if confirmed), audit record
 *   and status.
 * Every step is keyed, so running this while the original call is still at work, or twice,
 * writes nothing twice. The detect-fraud job runs it first. Unposted reversals are bounded per
 * run (the rest wait for the next); decisions are rare manual acts, scanned a batch at a time.
 */
export interface ResumeFraudSummary {
  reversalsPosted: number;
  reinstatementsCompleted: number;
  flagDecisionsCompleted: number;
}

export async function resumeFraud(): Promise<ResumeFraudSummary> {
  const unposted = await Reversal.find({ posted: false })
    .sort({ createdAt: 1 })
    .limit(limits.cursorBatchSize)
    .lean<ReversalDoc[]>();
  for (const reversal of unposted) await finishReversal(reversal);

  const reinstatementsCompleted = await completePending(
    Reinstatement,
    (ids) => Reversal.find({ _id: { $in: ids }, status: 'ACTIVE' }).lean<ReversalDoc[]>(),
    async (reversal, decision: ReinstatementDoc) => {
      await completeReinstatement(await finishReversal(reversal), decision);
    },
  );
  const flagDecisionsCompleted = await completePending(
    FlagDecision,
    (ids) => FraudFlag.find({ _id: { $in: ids }, status: 'OPEN' }).lean<FraudFlagDoc[]>(),
    async (flag, decision: FlagDecisionDoc) => {
      await completeDecision(flag, decision);
    },
  );
  return { reversalsPosted: unposted.length, reinstatementsCompleted, flagDecisionsCompleted };
}

/**
 * Walks every decision (`_id` = the decided document's id) a batch at a time, and completes
 * those whose decided document does not mirror them yet (`pendingAmong` finds them).
 */
async function completePending<D extends { _id: string }, T extends { _id: string }>(
  decisions: Model<D>,
  pendingAmong: (ids: string[]) => Promise<T[]>,
  complete: (target: T, decision: D) => Promise<void>,
): Promise<number> {
  let completed = 0;
  let batch: D[] = [];
  const flush = async () => {
    const byId = new Map(batch.map((decision) => [decision._id, decision]));
    for (const target of await pendingAmong([...byId.keys()])) {
      await complete(target, byId.get(target._id)!);
      completed += 1;
    }
    batch = [];
  };
  const cursor = decisions.find().lean<D[]>().cursor({ batchSize: limits.cursorBatchSize });
  for await (const decision of cursor) {
    batch.push(decision as D);
    if (batch.length >= limits.cursorBatchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return completed;
}
