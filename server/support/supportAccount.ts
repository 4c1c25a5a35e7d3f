import { z } from 'zod';
import { appendAudit } from '../audit';
import { notFound } from '../core/errors';
import { limits } from '../core/limits';
import { pageSize, type Page, type PageArgs } from '../core/page';
import { fields, parseInput } from '../core/validate';
import {
  getAccount,
  presentAccount,
  readLedgerPage,
  type AccountView,
  type LedgerEntryView,
} from '../ledger';
import { getMember, presentMember, type MemberView } from '../members';

/**
 * SUPPORT looks at a member's account on an explicit, reasoned request (R2): the member, the
 * account and one page of the ledger (newest first). Every call that gets past input checks
 * writes an audit record (SUPPORT_ACCOUNT_VIEW, the reason, whether the member was found) before
 * anything is read, so even a look-up of an unknown member is on record. Unknown member:
 * NOT_FOUND. Bad input (blank reason, `first` outside 1..100): BAD_USER_INPUT, nothing written.
 */
const lookupInput = z.object({
  memberId: fields.id(),
  reason: fields.text(limits.reasonLengthMax),
});

export interface SupportAccountView {
  member: MemberView;
  account: AccountView;
  ledger: Page<LedgerEntryView>;
}

export async function supportAccount(
  actorId: string,
  raw: { memberId: unknown; reason: unknown } & PageArgs,
): Promise<SupportAccountView> {
  const { memberId, reason } = parseInput(lookupInput, raw);
  pageSize(raw.first);
  const member = await getMember(memberId);
  await appendAudit({
    action: 'SUPPORT_ACCOUNT_VIEW',
    actorId,
    targetId: memberId,
    reason,
    data: { found: member !== null },
  });
  if (!member) throw notFound('Member');
  const [account, ledger] = await Promise.all([
    getAccount(memberId),
    readLedgerPage(memberId, { first: raw.first, after: raw.after }),
  ]);
  return { member: presentMember(member), account: presentAccount(account), ledger };
}
