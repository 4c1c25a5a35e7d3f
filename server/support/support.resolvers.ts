import { authorizePerson } from '../auth';
import type { RequestContext } from '../core/context';
import type { PageArgs } from '../core/page';
import { supportAccount } from './supportAccount';

export const supportResolvers = {
  Query: {
    supportAccount: (
      _: unknown,
      args: { memberId: unknown; reason: unknown } & PageArgs,
      ctx: RequestContext,
    ) => supportAccount(authorizePerson(ctx.viewer, 'supportAccount').memberId, args),
  },
};
