import { forbidden, unauthenticated } from '../core/errors';
import type { Role, Viewer } from './roles';

/**
 * Who may do what, in one table. `PERSON` means any signed-in person (own data only);
 * staff tokens need not carry MEMBER (SPEC §1). Role checks come before argument checks.
 */
type Audience = Role | 'PERSON';
const policy = {
  me: ['PERSON'],
  readOwnAccount: ['PERSON'],
  listSites: ['PERSON', 'SITE'],
  upsertSite: ['ADMIN'],
  submitMaterial: ['MEMBER'],
  readOwnMaterials: ['PERSON'],
  moderate: ['EDITOR'],
  recordActivity: ['SITE'],
  redeemReward: ['MEMBER'],
  listRewards: ['PERSON'],
  manageRewards: ['ADMIN'],
  banMember: ['MODERATOR', 'ADMIN'],
  supportAccount: ['SUPPORT'],
  reverseAccrual: ['SUPPORT'],
  reviewFraud: ['SUPPORT'],
  readAudit: ['SUPPORT', 'ADMIN'],
  manageSettings: ['ADMIN'],
  readAnalytics: ['ADMIN'],
} as const satisfies Record<string, readonly Audience[]>;
export type Action = keyof typeof policy;

export function can(viewer: Viewer, action: Action): boolean {
  const audience: readonly Audience[] = policy[action];
  if (viewer.kind === 'site') return audience.includes('SITE');
  if (viewer.kind !== 'person') return false;
  return audience.some((who) => who === 'PERSON' || viewer.roles.has(who));
}

export type PersonViewer = Extract<Viewer, { kind: 'person' }>;
export type SiteViewer = Extract<Viewer, { kind: 'site' }>;

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN for the wrong role. */
export function authorize(viewer: Viewer, action: Action): void {
  if (viewer.kind === 'anonymous') throw unauthenticated();
  if (!can(viewer, action)) throw forbidden();
}

export function authorizePerson(viewer: Viewer, action: Action): PersonViewer {
  authorize(viewer, action);
  if (viewer.kind !== 'person') throw forbidden();
  return viewer;
}

export function authorizeSite(viewer: Viewer, action: Action): SiteViewer {
  authorize(viewer, action);
  if (viewer.kind !== 'site') throw forbidden();
  return viewer;
}
