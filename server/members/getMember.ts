import { Member, type MemberDoc } from './member.model';

export async function getMember(memberId: string): Promise<MemberDoc | null> {
  return Member.findById(memberId).lean<MemberDoc>();
}
