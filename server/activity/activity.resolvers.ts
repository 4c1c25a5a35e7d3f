import { authorizeSite } from '../auth';
import type { RequestContext } from '../core/context';
import { recordActivity } from './recordActivity';

export const activityResolvers = {
  Mutation: {
    recordActivity: (_: unknown, args: { events: unknown }, ctx: RequestContext) => {
      const site = authorizeSite(ctx.viewer, 'recordActivity');
      return recordActivity(site.siteId, args.events, (events) =>
        ctx.consumeQuota('siteEvents', events),
      );
    },
  },
};
