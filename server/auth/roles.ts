export const roles = ['MEMBER', 'EDITOR', 'MODERATOR', 'SUPPORT', 'ADMIN', 'SITE'] as const;
export type Role = (typeof roles)[number];

/** Who is calling. A person has a memberId (their `sub`); a SITE token has a siteId instead. */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'person'; memberId: string; name: string | null; roles: ReadonlySet<Role> }
  | { kind: 'site'; siteId: string; subject: string };

export const anonymous: Viewer = { kind: 'anonymous' };
