export { Member, type MemberDoc } from './member.model';
export { ensureMember, forgetSeenMembers } from './ensureMember';
export { getMember } from './getMember';
export { banMember } from './banMember';
export { unbanMember } from './unbanMember';
/** Accrual's seam (R16): no accrual for a day on which the member was banned. */
export { wasBannedOn, membersBannedOn } from './bans';
export { presentMember, type MemberView } from './members.present';
export { membersTypeDefs } from './members.graphql';
export { membersResolvers } from './members.resolvers';
