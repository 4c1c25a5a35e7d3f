export { Site, type SiteDoc } from './site.model';
export { listSites, siteExists } from './listSites';
export { upsertSite } from './upsertSite';
export { sitesTypeDefs } from './sites.graphql';
export { sitesResolvers } from './sites.resolvers';
