import { appendAudit, type AuditInput } from '../audit';
import type { UtcDay } from '../core/day';
import { postEntry } from '../ledger';
import type { ReversalDoc } from './reversal.model';

/**
 * Books one move of a reversal's money, the REVERSAL (-amount) or its REINSTATEMENT (+amount),
 * concerning the accrual's day and booked on today's statement (R11), then its audit record, both
 * under the one key, so that a repeat after a crash writes neither twice.
 */
export async function bookReversalMove(
  reversal: ReversalDoc,
  kind: 'REVERSAL' | 'REINSTATEMENT',
  key: string,
  audit: Omit<AuditInput, 'action' | 'targetId' | 'key'>,
): Promise<void> {
  await postEntry({
    memberId: reversal.memberId,
    amount: kind === 'REVERSAL' ? -reversal.amount : reversal.amount,
    kind,
    day: reversal.day as UtcDay,
    idempotencyKey: key,
    ref: { type: 'reversal', id: reversal._id },
  });
  await appendAudit({ ...audit, action: kind, targetId: reversal.memberId, key });
}
