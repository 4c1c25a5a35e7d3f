import { authorizePerson } from '../auth';
import type { RequestContext } from '../core/context';
import type { PageArgs } from '../core/page';
import { getAccount } from './getAccount';
import { presentAccount } from './ledger.present';
import { readLedgerPage } from './readLedgerPage';
import { readStatement } from './statement';

/** Every query reads the viewer's own account only: no argument names a member (R2). */
export const ledgerResolvers = {
  Query: {
    myAccount: async (_: unknown, __: unknown, ctx: RequestContext) => {
      const viewer = authorizePerson(ctx.viewer, 'readOwnAccount');
      return presentAccount(await getAccount(viewer.memberId));
    },
    myStatement: async (_: unknown, args: { from: string; to: string }, ctx: RequestContext) => {
      const viewer = authorizePerson(ctx.viewer, 'readOwnAccount');
      return readStatement(viewer.memberId, args.from, args.to);
    },
    myLedger: async (_: unknown, args: PageArgs, ctx: RequestContext) => {
      const viewer = authorizePerson(ctx.viewer, 'readOwnAccount');
      return readLedgerPage(viewer.memberId, args);
    },
  },
};
