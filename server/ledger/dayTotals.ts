import type { UtcDay } from '../core/day';
import { groupSums } from '../core/groupSums';
import { limits } from '../core/limits';
import { Entry, type EntryKind } from './entry.model';

/**
 * Read-only views of the journal across accounts, by the day entries concern (`day`): what
 * analytics (issuance) and verify-accrual hold the accrual job's numbers against. Computed in the
 * database or streamed; never a member's entries in bulk.
 */
export interface KindTotal {
  /** Sum of the amounts (signed: REVERSAL totals are negative). */
  total: number;
  entries: number;
}

export function kindTotalsByDay(
  kind: EntryKind,
  from: UtcDay,
  to: UtcDay,
): Promise<Map<UtcDay, KindTotal>> {
  return groupSums<keyof KindTotal, UtcDay>(
    Entry.collection,
    { kind, day: { $gte: from, $lte: to } },
    '$day',
    { total: '$amount', entries: 1 },
  );
}

/** Every ACCRUAL for `day`, in member order. */
export async function* dayAccruals(
  day: UtcDay,
): AsyncGenerator<{ memberId: string; amount: number }> {
  const cursor = Entry.find({ kind: 'ACCRUAL', day }, { _id: 0, accountId: 1, amount: 1 })
    .sort({ accountId: 1 })
    .lean<{ accountId: string; amount: number }[]>()
    .cursor({ batchSize: limits.cursorBatchSize });
  for await (const entry of cursor) yield { memberId: entry.accountId, amount: entry.amount };
}
