import { authorize } from '../auth';
import type { RequestContext } from '../core/context';
import { programKpis } from './programKpis';

/** Aggregates over all members, never one member's figures: ADMIN only (role before arguments). */
export const analyticsResolvers = {
  Query: {
    programKpis: async (_: unknown, args: { from: string; to: string }, ctx: RequestContext) => {
      authorize(ctx.viewer, 'readAnalytics');
      return programKpis(args.from, args.to);
    },
  },
};
