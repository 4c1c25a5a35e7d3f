import { authorize, authorizePerson } from '../auth';
import type { RequestContext } from '../core/context';
import { confirmFraudFlag, dismissFraudFlag } from './decideFlag';
import { presentFlag, presentReversal } from './fraud.present';
import { listFlags } from './listFlags';
import { listReversals } from './listReversals';
import { reinstateReversal } from './reinstateReversal';
import { reverseAccrual } from './reverseAccrual';

export const fraudResolvers = {
  Query: {
    fraudFlags: (_: unknown, args: unknown, ctx: RequestContext) => {
      authorize(ctx.viewer, 'reviewFraud');
      return listFlags(args);
    },
    reversals: (_: unknown, args: unknown, ctx: RequestContext) => {
      authorize(ctx.viewer, 'reviewFraud');
      return listReversals(args);
    },
  },
  Mutation: {
    reverseAccrual: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const support = authorizePerson(ctx.viewer, 'reverseAccrual');
      return presentReversal(await reverseAccrual(support.memberId, args));
    },
    reinstateReversal: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const support = authorizePerson(ctx.viewer, 'reverseAccrual');
      return presentReversal(await reinstateReversal(support.memberId, args));
    },
    confirmFraudFlag: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const support = authorizePerson(ctx.viewer, 'reviewFraud');
      return presentReversal(await confirmFraudFlag(support.memberId, args));
    },
    dismissFraudFlag: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const support = authorizePerson(ctx.viewer, 'reviewFraud');
      return presentFlag(await dismissFraudFlag(support.memberId, args));
    },
  },
};
