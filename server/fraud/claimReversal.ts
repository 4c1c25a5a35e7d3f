import { assert } from '../core/assert';
import { badInput, conflict } from '../core/errors';
import { limits } from '../core/limits';
import { isDuplicateKey } from '../core/mongo';
import type { Accrual } from '../accrual';
import { Reversal, type ReversalDoc } from './reversal.model';

/**
 * Step 1 of a reversal: takes (part of) what remains of an accrual by inserting the next
 * reversal of its chain (reversal.model.ts explains why an insert). `amount` null takes all
 * that remains. A fully reversed accrual is CONFLICT; more than remains is BAD_USER_INPUT on
 * `amount`. Losing the insert to a racer means re-reading what remains and trying again.
 * A reversal whose id is fixed by its cause (a fraud flag's) is returned if it exists already.
 */
export type ReversalTerms = Pick<
  ReversalDoc,
  '_id' | 'reason' | 'evidence' | 'origin' | 'actorId' | 'flagId'
> & { amount: number | null };

export async function claimReversal(accrual: Accrual, terms: ReversalTerms): Promise<ReversalDoc> {
  for (let attempt = 0; attempt < limits.retryAttemptsMax; attempt++) {
    const existing = await Reversal.findById(terms._id).lean<ReversalDoc>();
    if (existing) return existing;
    const { last, reversedBefore, remaining } = await chainTip(accrual);
    if (remaining <= 0) throw conflict('This accrual has been fully reversed already');
    if (terms.amount !== null && terms.amount > remaining) {
      throw badInput('amount', `must be at most ${remaining}, what remains of this accrual`);
    }
    const reversal: ReversalDoc = {
      ...terms,
      memberId: accrual.memberId,
      day: accrual.day,
      n: (last?.n ?? 0) + 1,
      reversedBefore,
      accrued: accrual.amount,
      amount: terms.amount ?? remaining,
      status: 'ACTIVE',
      posted: false,
      createdAt: new Date(),
      reinstatedBy: null,
      reinstatedAt: null,
      note: null,
    };
    try {
      await Reversal.collection.insertOne(reversal as never);
      return reversal;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // a racing reversal of this accrual landed first
    }
  }
  assert(false, `reversals of ${accrual.memberId} on ${accrual.day} kept racing`);
}

/** What remains of an accrual now (a later reversal may take it; claimReversal decides). */
export async function remainingOf(accrual: Accrual): Promise<number> {
  return (await chainTip(accrual)).remaining;
}

async function chainTip(accrual: Accrual) {
  const last = await Reversal.findOne({ memberId: accrual.memberId, day: accrual.day })
    .sort({ n: -1 })
    .lean<ReversalDoc>();
  const reversedBefore = last ? last.reversedBefore + last.amount : 0;
  return { last, reversedBefore, remaining: accrual.amount - reversedBefore };
}
