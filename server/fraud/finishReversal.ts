import { bookReversalMove } from './bookReversalMove';
import { Reversal, type ReversalDoc } from './reversal.model';

/**
 * Steps 2-4 of a reversal, each safe to repeat: post the REVERSAL entry (key
 * `reversal:<id>`, -amount, concerning the accrual's day, booked on today's statement: R11),
 * append the audit record (key `reversal:<id>`), mark the reversal posted. The member's live
 * `balance` push comes from postEntry. A crash anywhere here leaves `posted` false, and the
 * next call (a reinstatement, the recovery pass) redoes the steps: the keys make the repeats
 * write nothing twice.
 */
export async function finishReversal(reversal: ReversalDoc): Promise<ReversalDoc> {
  if (reversal.posted) return reversal;
  await bookReversalMove(reversal, 'REVERSAL', `reversal:${reversal._id}`, {
    actorId: reversal.actorId,
    reason: reversal.reason,
    note: reversal.evidence,
    data: {
      reversalId: reversal._id,
      day: reversal.day,
      amount: reversal.amount,
      origin: reversal.origin,
      flagId: reversal.flagId,
    },
  });
  await Reversal.updateOne({ _id: reversal._id }, { $set: { posted: true } });
  return { ...reversal, posted: true };
}
