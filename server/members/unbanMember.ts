import { assert } from '../core/assert';
import { appendAudit } from '../audit';
import { Ban, type BanDoc } from './ban.model';
import { parseBanInput } from './banInput';
import { latestBan } from './bans';
import { Member, type MemberDoc } from './member.model';
import { syncBanState } from './syncBanState';

/**
 * A MODERATOR or ADMIN lifts a member's ban: the open interval is closed, the member unmarked
 * and the account unfrozen (R16). The balance is untouched.
 *
 * Steps, each safe to repeat, keyed by the interval `unban:<memberId>:<n>`:
 * 1. close the open interval n (`until`, who, why), an update conditioned on it being open;
 * 2. sync the flags from the intervals (syncBanState.ts);
 * 3. append the audit record keyed `unban:<memberId>:<n>`, from what the interval says.
 *
 * Unbanning a member who is not banned is a no-op that answers the member as they are; when
 * their latest interval is closed it redoes steps 2 and 3, so an interrupted unban is completed
 * by a retry. Two unbans racing close the same interval; the audit key keeps one record.
 */
export async function unbanMember(
  actorId: string,
  raw: { memberId: unknown; reason: unknown },
): Promise<MemberDoc> {
  const { member, reason } = await parseBanInput(raw);
  const latest = await latestBan(member._id);
  if (latest) {
    const closed = latest.until === null ? await closeBan(latest, reason, actorId) : latest;
    await syncBanState(member._id);
    await appendAudit({
      action: 'UNBAN',
      actorId: closed.unbannedBy ?? actorId,
      targetId: closed.memberId,
      reason: closed.unbanReason,
      data: { interval: closed.n },
      key: `unban:${closed.memberId}:${closed.n}`,
    });
  }
  const unbanned = await Member.findById(member._id).lean<MemberDoc>();
  assert(unbanned, 'a member is never deleted');
  return unbanned;
}

async function closeBan(ban: BanDoc, reason: string, by: string): Promise<BanDoc> {
  await Ban.updateOne(
    { _id: ban._id, until: null },
    { $set: { until: new Date(), unbanReason: reason, unbannedBy: by } },
  );
  const closed = await Ban.findById(ban._id).lean<BanDoc>();
  assert(closed?.until, 'an interval stays closed once closed');
  return closed;
}
