import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './api/types';

/**
 * The screens, who may see them (the roles of `me`) and where they sit in the navigation.
 * The server checks every operation again; this table only keeps the navigation honest.
 * Each role's screens are a separate chunk, loaded when first opened.
 */
export interface Section {
  path: string;
  label: string;
  group: 'member' | 'editor' | 'moderator' | 'safety' | 'admin';
  roles: readonly Role[];
  Page: LazyExoticComponent<ComponentType>;
}

const member = ['MEMBER'] as const;
const admin = ['ADMIN'] as const;
const support = ['SUPPORT'] as const;

export const sections: readonly Section[] = [
  {
    path: '/account',
    label: 'nav.account',
    group: 'member',
    roles: member,
    Page: lazy(() => import('./pages/member/AccountPage')),
  },
  {
    path: '/history',
    label: 'nav.history',
    group: 'member',
    roles: member,
    Page: lazy(() => import('./pages/member/HistoryPage')),
  },
  {
    path: '/materials',
    label: 'nav.materials',
    group: 'member',
    roles: member,
    Page: lazy(() => import('./pages/member/MaterialsPage')),
  },
  {
    path: '/rewards',
    label: 'nav.rewards',
    group: 'member',
    roles: member,
    Page: lazy(() => import('./pages/member/RewardsPage')),
  },
  {
    path: '/review',
    label: 'nav.review',
    group: 'editor',
    roles: ['EDITOR'],
    Page: lazy(() => import('./pages/editor/ModerationPage')),
  },
  {
    path: '/bans',
    label: 'nav.bans',
    group: 'moderator',
    roles: ['MODERATOR', 'ADMIN'],
    Page: lazy(() => import('./pages/moderator/BansPage')),
  },
  {
    path: '/support/flags',
    label: 'nav.flags',
    group: 'safety',
    roles: support,
    Page: lazy(() => import('./pages/support/FlagsPage')),
  },
  {
    path: '/support/reversals',
    label: 'nav.reversals',
    group: 'safety',
    roles: support,
    Page: lazy(() => import('./pages/support/ReversalsPage')),
  },
  {
    path: '/support/account',
    label: 'nav.lookup',
    group: 'safety',
    roles: support,
    Page: lazy(() => import('./pages/support/AccountLookupPage')),
  },
  {
    path: '/support/audit',
    label: 'nav.audit',
    group: 'safety',
    roles: ['SUPPORT', 'ADMIN'],
    Page: lazy(() => import('./pages/support/AuditLogPage')),
  },
  {
    path: '/admin/analytics',
    label: 'nav.analytics',
    group: 'admin',
    roles: admin,
    Page: lazy(() => import('./pages/admin/AnalyticsPage')),
  },
  {
    path: '/admin/settings',
    label: 'nav.settings',
    group: 'admin',
    roles: admin,
    Page: lazy(() => import('./pages/admin/SettingsPage')),
  },
  {
    path: '/admin/rewards',
    label: 'nav.catalogue',
    group: 'admin',
    roles: admin,
    Page: lazy(() => import('./pages/admin/CataloguePage')),
  },
  {
    path: '/admin/sites',
    label: 'nav.sites',
    group: 'admin',
    roles: admin,
    Page: lazy(() => import('./pages/admin/SitesPage')),
  },
];

export const groups = ['member', 'editor', 'moderator', 'safety', 'admin'] as const;

export const visibleSections = (roles: readonly Role[]) =>
  sections.filter((section) => section.roles.some((role) => roles.includes(role)));
