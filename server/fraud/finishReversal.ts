import { appendAudit } from '../audit';
import type { UtcDay } from '../core/day';
import { postEntry } from '../ledger';
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
  const key = `reversal:${reversal._id}`;
  await postEntry({
    memberId: reversal.memberId,
    amount: -reversal.amount,
    kind: 'REVERSAL',
    day: reversal.day as UtcDay,
    idempotencyKey: key,
    ref: { type: 'reversal', id: reversal._id },
  });
  await appendAudit({
    action: 'REVERSAL',
    actorId: reversal.actorId,
    targetId: reversal.memberId,
    reason: reversal.reason,
    note: reversal.evidence,
    data: {
      reversalId: reversal._id,
      day: reversal.day,
      amount: reversal.amount,
      origin: reversal.origin,
      flagId: reversal.flagId,
    },
    key,
  });
  await Reversal.updateOne({ _id: reversal._id }, { $set: { posted: true } });
  return { ...reversal, posted: true };
}
