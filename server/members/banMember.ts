import { Types } from 'mongoose';
import { assert } from '../core/assert';
import { limits } from '../core/limits';
import { isDuplicateKey } from '../core/mongo';
import { appendAudit } from '../audit';
import { Ban, type BanDoc } from './ban.model';
import { parseBanInput } from './banInput';
import { latestBan } from './bans';
import { Member, type MemberDoc } from './member.model';
import { syncBanState } from './syncBanState';

/**
 * A MODERATOR or ADMIN bans a member (R16): the member is marked banned and their account frozen
 * (balance kept, spending refused with ACCOUNT_FROZEN, no accrual for the days of the ban). No
 * balance changes, and no one else's account (R18).
 *
 * Steps, each safe to repeat, keyed by the interval `ban:<memberId>:<n>`:
 * 1. open interval n = latest + 1 (a unique insert: of two racing bans one lands, the other
 *    finds the member banned);
 * 2. sync the flags from the intervals (syncBanState.ts);
 * 3. append the audit record keyed `ban:<memberId>:<n>` (actor and reason of the interval).
 *
 * Banning a banned member is not an error: it is a no-op that answers the member as they are
 * (the first ban's reason stands), and it redoes steps 2 and 3, so a ban interrupted by a crash
 * is completed by a retry.
 */
export async function banMember(
  actorId: string,
  raw: { memberId: unknown; reason: unknown },
): Promise<MemberDoc> {
  const { member, reason } = await parseBanInput(raw);
  const ban = await openBan(member._id, reason, actorId);
  await syncBanState(member._id);
  await appendAudit({
    action: 'BAN',
    actorId: ban.by,
    targetId: ban.memberId,
    reason: ban.reason,
    data: { interval: ban.n },
    key: `ban:${ban.memberId}:${ban.n}`,
  });
  const banned = await Member.findById(member._id).lean<MemberDoc>();
  assert(banned, 'a member is never deleted');
  return banned;
}

/** The member's open interval: the one found, or the one inserted here. */
async function openBan(memberId: string, reason: string, by: string): Promise<BanDoc> {
  for (let attempt = 0; attempt < limits.retryAttemptsMax; attempt++) {
    const latest = await latestBan(memberId);
    if (latest && latest.until === null) return latest;
    const ban: BanDoc = {
      _id: new Types.ObjectId(),
      memberId,
      n: (latest?.n ?? 0) + 1,
      from: new Date(),
      until: null,
      reason,
      by,
      unbanReason: null,
      unbannedBy: null,
    };
    try {
      await Ban.collection.insertOne(ban);
      return ban;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // a racing ban got there first: look again
    }
  }
  assert(false, `bans of ${memberId} kept changing while banning`);
}
