import { assert } from '../core/assert';
import { limits } from '../core/limits';
import { setFrozen } from '../ledger';
import { latestBan } from './bans';
import { Member } from './member.model';

/**
 * Makes the member's `banned` flag and their account's `frozen` flag say what the ban intervals
 * say (an open interval: banned and frozen; none: neither). Called by ban and unban after they
 * write an interval, and safe to call any number of times.
 *
 * A ban and an unban racing could otherwise leave the flags from the older state: each would
 * read the intervals, then write what it read, the slower one last. So each writer reads the
 * intervals again after writing and writes again if they changed meanwhile: whoever writes last
 * then checks last, and the flags end as the intervals are. Only this member's documents are
 * touched, and never a balance (R16, R18).
 */
export async function syncBanState(memberId: string): Promise<boolean> {
  let banned = (await latestBan(memberId))?.until === null;
  for (let round = 0; round < limits.retryAttemptsMax; round++) {
    await Promise.all([
      setFrozen(memberId, banned),
      Member.updateOne({ _id: memberId }, { $set: { banned } }),
    ]);
    const now = (await latestBan(memberId))?.until === null;
    if (now === banned) return banned;
    banned = now;
  }
  assert(false, `ban state of ${memberId} kept changing while being applied`);
}
