import type { PersonViewer } from '../auth';
import type { MemberDoc } from './member.model';

export interface MemberView {
  id: string;
  name: string | null;
  roles: string[];
  banned: boolean;
}

export function presentMember(doc: MemberDoc, roles: Iterable<string> = []): MemberView {
  return { id: doc._id, name: doc.name, roles: [...roles], banned: doc.banned };
}

export const presentViewerMember = (doc: MemberDoc, viewer: PersonViewer): MemberView =>
  presentMember({ ...doc, name: viewer.name ?? doc.name }, viewer.roles);
