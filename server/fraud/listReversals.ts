import { z } from 'zod';
import { findPage, type Page } from '../core/page';
import { fields, parseInput } from '../core/validate';
import { dayRange } from './dayRange';
import { presentReversal, type ReversalView } from './fraud.present';
import { Reversal, reversalStatuses, type ReversalDoc } from './reversal.model';

/**
 * SUPPORT audits reversals, newest first. Every filter is optional: `memberId`, `from` / `to`
 * (the day of the accrual reversed, both included) and `status`.
 */
const listInput = z.object({
  memberId: fields.id().nullish(),
  from: z.string().nullish(),
  to: z.string().nullish(),
  status: z.enum(reversalStatuses).nullish(),
  first: z.number().nullish(),
  after: z.string().nullish(),
});

export async function listReversals(raw: unknown): Promise<Page<ReversalView>> {
  const input = parseInput(listInput, raw);
  const filter: Record<string, unknown> = {};
  if (input.memberId) filter.memberId = input.memberId;
  if (input.status) filter.status = input.status;
  const days = dayRange(input.from, input.to);
  if (days) filter.day = days;
  return findPage<ReversalDoc, ReversalView>({
    model: Reversal,
    filter,
    sortField: 'createdAt',
    direction: 'desc',
    args: input,
    present: presentReversal,
  });
}
