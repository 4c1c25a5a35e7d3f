import type { Logger } from 'pino';
import type { Viewer } from '../auth/roles';

/** Quotas enforced network-wide in Redis; without Redis they answer SERVICE_UNAVAILABLE. */
export type QuotaName = 'submit' | 'redeem' | 'siteEvents';

/** What every resolver receives; transport fills it, domains only read it. */
export interface RequestContext {
  viewer: Viewer;
  requestId: string;
  log: Logger;
  /** Spends `points` of the viewer's quota, or throws RATE_LIMITED / SERVICE_UNAVAILABLE. */
  consumeQuota(quota: QuotaName, points?: number): Promise<void>;
}
