import { z } from 'zod';
import { notFound } from '../core/errors';
import { limits } from '../core/limits';
import { fields, parseInput } from '../core/validate';
import { Member, type MemberDoc } from './member.model';

const banInput = z.object({
  memberId: fields.id(),
  reason: fields.text(limits.reasonLengthMax),
});

/** Ban and unban take the same arguments; an unknown member is NOT_FOUND, nothing written. */
export async function parseBanInput(raw: {
  memberId: unknown;
  reason: unknown;
}): Promise<{ member: MemberDoc; reason: string }> {
  const { memberId, reason } = parseInput(banInput, raw);
  const member = await Member.findById(memberId).lean<MemberDoc>();
  if (!member) throw notFound('Member');
  return { member, reason };
}
