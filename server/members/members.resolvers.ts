import { assert } from '../core/assert';
import type { RequestContext } from '../core/context';
import { authorizePerson } from '../auth';
import { banMember } from './banMember';
import { getMember } from './getMember';
import { presentMember, presentViewerMember } from './members.present';
import { unbanMember } from './unbanMember';

export const membersResolvers = {
  Query: {
    me: async (_: unknown, __: unknown, ctx: RequestContext) => {
      const viewer = authorizePerson(ctx.viewer, 'me');
      const member = await getMember(viewer.memberId);
      assert(member, 'the request context creates the member on first sight');
      return presentViewerMember(member, viewer);
    },
  },
  Mutation: {
    banMember: async (_: unknown, args: BanArgs, ctx: RequestContext) => {
      const moderator = authorizePerson(ctx.viewer, 'banMember');
      return presentMember(await banMember(moderator.memberId, args));
    },
    unbanMember: async (_: unknown, args: BanArgs, ctx: RequestContext) => {
      const moderator = authorizePerson(ctx.viewer, 'banMember');
      return presentMember(await unbanMember(moderator.memberId, args));
    },
  },
};

interface BanArgs {
  memberId: unknown;
  reason: unknown;
}
