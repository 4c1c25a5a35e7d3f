import { authorize, authorizePerson, can } from '../auth';
import type { RequestContext } from '../core/context';
import type { PageArgs } from '../core/page';
import { listRewards } from './listRewards';
import { myRedemptions } from './myRedemptions';
import { redeemReward } from './redeemReward';
import { presentRedemption, presentReward } from './rewards.present';
import { upsertReward } from './upsertReward';

export const rewardsResolvers = {
  Query: {
    rewards: async (_: unknown, __: unknown, ctx: RequestContext) => {
      const viewer = authorizePerson(ctx.viewer, 'listRewards');
      return (await listRewards(can(viewer, 'manageRewards'))).map(presentReward);
    },
    myRedemptions: async (_: unknown, args: PageArgs, ctx: RequestContext) => {
      const viewer = authorizePerson(ctx.viewer, 'readOwnAccount');
      return myRedemptions(viewer.memberId, args);
    },
  },
  Mutation: {
    redeemReward: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const viewer = authorizePerson(ctx.viewer, 'redeemReward');
      return presentRedemption(await redeemReward(viewer, args, ctx.consumeQuota));
    },
    upsertReward: async (_: unknown, args: { input: unknown }, ctx: RequestContext) => {
      authorize(ctx.viewer, 'manageRewards');
      return presentReward(await upsertReward(args.input));
    },
  },
};
