import { authorize } from '../auth';
import type { RequestContext } from '../core/context';
import type { PageArgs } from '../core/page';
import { auditLog } from './auditLog';
import { verifyAuditLog } from './verifyAuditLog';

export const auditResolvers = {
  Query: {
    auditLog: (_: unknown, args: PageArgs, ctx: RequestContext) => {
      authorize(ctx.viewer, 'readAudit');
      return auditLog(args);
    },
    verifyAuditLog: (_: unknown, __: unknown, ctx: RequestContext) => {
      authorize(ctx.viewer, 'readAudit');
      return verifyAuditLog();
    },
  },
};
