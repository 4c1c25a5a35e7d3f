import type { Role } from '../auth';

/**
 * The people of the demo network, for the development-only sign-in page (dev sign-in mints
 * their tokens; the demo seed creates their data under the same ids). Identity normally comes
 * from the host site (SPEC §1); these stand in for it on a developer's machine.
 */
export interface Persona {
  /** The slug in /dev/sign-in/<key>. */
  key: string;
  /** The token's `sub`: the Member.id the seed uses. */
  memberId: string;
  name: string;
  roles: Role[];
}

export const demoPersonas: readonly Persona[] = [
  { key: 'member', memberId: 'demo-member', name: 'Camille Martin', roles: ['MEMBER'] },
  { key: 'editor', memberId: 'demo-editor', name: 'Eliott Durand', roles: ['MEMBER', 'EDITOR'] },
  {
    key: 'moderator',
    memberId: 'demo-moderator',
    name: 'Maya Okafor',
    roles: ['MEMBER', 'MODERATOR'],
  },
  { key: 'support', memberId: 'demo-support-1', name: 'Sam Lee', roles: ['SUPPORT'] },
  { key: 'support-2', memberId: 'demo-support-2', name: 'Inès Moreau', roles: ['SUPPORT'] },
  { key: 'admin', memberId: 'demo-admin', name: 'Ada Novak', roles: ['ADMIN'] },
];

export const signInPath = (persona: Pick<Persona, 'key'>) =>
  `/dev/sign-in/${encodeURIComponent(persona.key)}`;
