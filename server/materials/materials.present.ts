import type { DuplicateGroupDoc } from './duplicateGroup.model';
import type { MaterialDoc, MaterialStatus } from './material.model';

/** Fields picked one by one: the keys used for grouping stay server-side. */
export interface MaterialView {
  id: string;
  siteId: string;
  authorId: string;
  title: string;
  url: string;
  category: string;
  status: MaterialStatus;
  duplicateGroup: string;
  createdAt: Date;
  updatedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  rejectionReason: string | null;
}

export const presentMaterial = (m: MaterialDoc): MaterialView => ({
  id: m._id,
  siteId: m.siteId,
  authorId: m.authorId,
  title: m.title,
  url: m.url,
  category: m.category,
  status: m.status,
  duplicateGroup: m.duplicateGroup,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
  reviewedBy: m.reviewedBy,
  reviewedAt: m.reviewedAt,
  rejectionReason: m.rejectionReason,
});

export interface DuplicateGroupView {
  id: string;
  firstSubmittedAt: Date;
  materials: MaterialView[];
}

export const presentDuplicateGroup = (
  group: DuplicateGroupDoc,
  materials: MaterialDoc[],
): DuplicateGroupView => ({
  id: group._id,
  firstSubmittedAt: group.firstSubmittedAt,
  materials: materials.map(presentMaterial),
});
