import { authorize, authorizePerson } from '../auth';
import type { RequestContext } from '../core/context';
import { listSites } from './listSites';
import type { SiteDoc } from './site.model';
import { upsertSite } from './upsertSite';

const presentSite = (site: SiteDoc) => ({ id: site._id, name: site.name, domain: site.domain });

export const sitesResolvers = {
  Query: {
    sites: async (_: unknown, __: unknown, ctx: RequestContext) => {
      authorize(ctx.viewer, 'listSites');
      return (await listSites()).map(presentSite);
    },
  },
  Mutation: {
    upsertSite: async (_: unknown, args: { input: unknown }, ctx: RequestContext) => {
      const admin = authorizePerson(ctx.viewer, 'upsertSite');
      return presentSite(await upsertSite(admin.memberId, args.input));
    },
  },
};
