import type { Logger } from '../core/log';
import { onEntryPosted, type EntryDoc } from '../ledger';
import { memberRoom, type BalancePush } from './liveNames';

/**
 * Pushes `balance` to the member's room for every entry this process appends (SPEC §5), from
 * whichever process posted it: an API process emits through its socket.io server (and the Redis
 * adapter), a job process through the Redis emitter. Both offer `to(room).emit(...)`.
 *
 * Registered on `onEntryPosted`, so it runs after the entry and the account cache are written
 * and never for a replayed posting. Fire and forget: a push that fails is logged at warn and
 * dropped, and never fails or repeats the posting; a member who missed it refetches the account
 * when the socket reconnects. Returns the function that stops the pushes.
 */
export interface BalanceOutlet {
  to(room: string): { emit(event: 'balance', push: BalancePush): unknown };
}

export const balancePushOf = (entry: Readonly<EntryDoc>): BalancePush => ({
  balance: entry.balanceAfter,
  delta: entry.amount,
  kind: entry.kind,
  entryId: entry._id.toHexString(),
  at: entry.createdAt.toISOString(),
});

export function pushBalance(outlet: BalanceOutlet, log: Logger): () => void {
  return onEntryPosted((entry) => {
    try {
      outlet.to(memberRoom(entry.accountId)).emit('balance', balancePushOf(entry));
    } catch (error) {
      log.warn(
        { err: error, memberId: entry.accountId, entryId: entry._id.toHexString() },
        'live push: the balance push failed; the posting stands',
      );
    }
  });
}
