import { Site, type SiteDoc } from './site.model';

/** The network is a handful of sites, so the list is bounded by nature; still, cap it. */
const sitesMax = 1000;

export async function listSites(): Promise<SiteDoc[]> {
  return Site.find().sort({ _id: 1 }).limit(sitesMax).lean<SiteDoc[]>();
}

export async function siteExists(siteId: string): Promise<boolean> {
  return (await Site.exists({ _id: siteId })) !== null;
}
