import { z } from 'zod';
import { assert } from '../core/assert';
import { conflict, forbidden, notFound } from '../core/errors';
import { limits } from '../core/limits';
import { fields, parseInput } from '../core/validate';
import { insertFirst } from '../core/insertFirst';
import { bookReversalMove } from './bookReversalMove';
import { finishReversal } from './finishReversal';
import { Reinstatement, type ReinstatementDoc } from './reinstatement.model';
import { Reversal, type ReversalDoc } from './reversal.model';

/**
 * SUPPORT undoes a wrong reversal (R15, R20): once, with a note, and never by the person who
 * made it (nor on their own account: that would be crediting oneself by hand). FORBIDDEN for
 * those two, whatever the reversal's state; CONFLICT when it is reinstated already.
 *
 * Steps (idempotency key `reinstate:<reversalId>`), each safe to repeat:
 * 1. make sure the reversal itself is posted (finishReversal), so the ledger reads
 *    REVERSAL then REINSTATEMENT;
 * 2. insert the reinstatement (reinstatement.model.ts): the first SUPPORT member wins, a second
 *    is CONFLICT. The same member calling again finds their own reinstatement and carries on,
 *    so a retry after a crash completes it;
 * 3. post the REINSTATEMENT entry (+amount, concerning the accrual's day);
 * 4. append the audit record; 5. mirror the decision on the reversal (status REINSTATED).
 * A crash after 2 is finished by the same member's retry or by the recovery pass.
 */
const reinstateInput = z.object({
  id: fields.id(),
  note: fields.text(limits.reasonLengthMax),
});

export async function reinstateReversal(actorId: string, raw: unknown): Promise<ReversalDoc> {
  const { id, note } = parseInput(reinstateInput, raw);
  const found = await Reversal.findById(id).lean<ReversalDoc>();
  if (!found) throw notFound('Reversal');
  if (found.actorId === actorId || found.memberId === actorId) throw forbidden();
  const reversal = await finishReversal(found);
  const { doc: decision, inserted } = await insertFirst(Reinstatement, {
    _id: reversal._id,
    by: actorId,
    note,
    at: new Date(),
  });
  if (!inserted && (decision.by !== actorId || reversal.status === 'REINSTATED')) {
    throw conflict('This reversal has been reinstated already');
  }
  return completeReinstatement(reversal, decision);
}

/** Steps 3-5, from the reinstatement that stands (also the recovery pass's way in). */
export async function completeReinstatement(
  reversal: ReversalDoc,
  decision: ReinstatementDoc,
): Promise<ReversalDoc> {
  await bookReversalMove(reversal, 'REINSTATEMENT', `reinstate:${reversal._id}`, {
    actorId: decision.by,
    note: decision.note,
    data: { reversalId: reversal._id, day: reversal.day, amount: reversal.amount },
  });
  const status = {
    status: 'REINSTATED' as const,
    reinstatedBy: decision.by,
    reinstatedAt: decision.at,
    note: decision.note,
  };
  await Reversal.updateOne({ _id: reversal._id }, { $set: status });
  const reinstated = { ...reversal, ...status };
  assert(reinstated.posted, 'a reversal is posted before it is reinstated');
  return reinstated;
}
