import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseDay } from '../core/day';
import { notFound } from '../core/errors';
import { limits } from '../core/limits';
import { fields, parseInput } from '../core/validate';
import { claimReversal } from './claimReversal';
import { findAccrual } from '../accrual';
import { finishReversal } from './finishReversal';
import { reversalReasons, type ReversalDoc } from './reversal.model';

/**
 * SUPPORT writes off (part of) one accrual for rule-breaking activity (R11, R19, R20): names the
 * accrual (member + day), a reason code and written evidence; `amount` defaults to, and is at
 * most, what remains of the accrual. The member's balance may go negative; the REVERSAL is
 * booked on the day it is made, so that day's statement can be negative.
 *
 * Refusals, nothing written: bad input is BAD_USER_INPUT naming the field; no accrual for that
 * member-day is NOT_FOUND (the same answer whether or not the member exists); a fully reversed
 * accrual is CONFLICT; more than remains is BAD_USER_INPUT on `amount`.
 *
 * Steps (idempotency key `reversal:<reversalId>`, a fresh UUID per call: SUPPORT's act has no
 * client key, so a retry after an error is a new reversal of what then remains):
 * 1. claimReversal: insert the reversal, the accrual's next in its chain (race-safe remaining);
 * 2. finishReversal: post the REVERSAL entry, append the audit record, mark it posted.
 * Killed between 1 and 2, the reversal stays ACTIVE and unposted (its amount already counts as
 * taken, so nothing can be reversed twice); the recovery pass (resumeFraud.ts) posts it.
 */
const reverseInput = z.object({
  memberId: fields.id(),
  day: z.string(),
  reason: z.enum(reversalReasons),
  evidence: fields.text(limits.evidenceLengthMax),
  amount: z.number().int('must be a whole number of bonuses').min(1, 'must be positive').nullish(),
});

export async function reverseAccrual(actorId: string, raw: unknown): Promise<ReversalDoc> {
  const input = parseInput(reverseInput, raw);
  const day = parseDay(input.day, 'day');
  const accrual = await findAccrual(input.memberId, day);
  if (!accrual) throw notFound('Accrual');
  const reversal = await claimReversal(accrual, {
    _id: randomUUID(),
    reason: input.reason,
    evidence: input.evidence,
    origin: 'STAFF',
    actorId,
    flagId: null,
    amount: input.amount ?? null,
  });
  return finishReversal(reversal);
}
