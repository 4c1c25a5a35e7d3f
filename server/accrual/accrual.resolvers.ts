import { authorize } from '../auth';
import type { RequestContext } from '../core/context';
import { issuance } from './issuance';
import { simulateAccrual } from './simulateAccrual';

export const accrualResolvers = {
  Query: {
    issuance: async (_: unknown, args: { from: string; to: string }, ctx: RequestContext) => {
      authorize(ctx.viewer, 'readAnalytics');
      return issuance(args.from, args.to);
    },
    simulateAccrual: async (
      _: unknown,
      args: { day: string; input?: unknown },
      ctx: RequestContext,
    ) => {
      authorize(ctx.viewer, 'manageSettings');
      return simulateAccrual(args.day, args.input);
    },
  },
};
