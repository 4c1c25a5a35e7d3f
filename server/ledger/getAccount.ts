import { emptyAccount, type AccountState } from './account.model';
import { readJournalTip } from './journal';
import { readAccount, rollForward } from './rebuildAccount';
import { isFrozen } from './setFrozen';

/**
 * A member's account as the journal has it, and whether it is frozen. An account never posted to
 * reads as zeros (the read writes nothing); a cache found behind the journal (a writer crashed
 * between appending and advancing it) is rolled forward first, so a reader never sees a balance
 * the journal has passed.
 */
export async function getAccount(memberId: string): Promise<AccountState> {
  const [account, tip, frozen] = await Promise.all([
    readAccount(memberId),
    readJournalTip(memberId),
    isFrozen(memberId),
  ]);
  const cache = tip.seq > (account?.seq ?? 0) ? await rollForward(memberId) : account;
  return { ...(cache ?? emptyAccount(memberId)), frozen };
}
