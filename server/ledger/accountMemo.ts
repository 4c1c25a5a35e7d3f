import { limits } from '../core/limits';
import type { AccountDoc } from './account.model';

/**
 * The latest state of each account that this process saw a posting settle, so that its next
 * posting to the account starts from it instead of reading the account cache: one round trip of
 * the three a posting costs (read, append, advance), which is what keeps `postEntry` near the
 * speed of a plain insert (npm run bench:ledger).
 *
 * A remembered state is never wrong, only possibly old: the state after entry n is the same
 * whoever computed it, and entries are never removed, so the journal can only have moved past
 * it (another process posted). Appending after an old state fails on the unique (account, seq)
 * index, like any lost race, and a refusal computed from it is re-checked (postEntry.ts), so an
 * old state costs a retry, never a wrong entry. Bounded: the least recently used goes first.
 */
const states = new Map<string, AccountDoc>();

export const rememberedState = (memberId: string): AccountDoc | undefined => states.get(memberId);

export function rememberState(state: AccountDoc): void {
  const known = states.get(state._id);
  if (known && known.seq > state.seq) return;
  states.delete(state._id);
  if (states.size >= limits.accountStatesRememberedMax) {
    const oldest = states.keys().next();
    if (!oldest.done) states.delete(oldest.value);
  }
  states.set(state._id, Object.freeze({ ...state })); // a copy: callers own the state returned
}

export function forgetState(memberId: string): void {
  states.delete(memberId);
}
