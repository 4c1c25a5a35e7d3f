import { Schema, model } from 'mongoose';

export const materialStatuses = ['PENDING', 'PUBLISHED', 'REJECTED', 'DUPLICATE'] as const;
export type MaterialStatus = (typeof materialStatuses)[number];

/**
 * A member's contribution (SPEC §3). Only PENDING changes: to PUBLISHED or REJECTED by an
 * editor, or to DUPLICATE when another member of its duplicate group is published. The three
 * others are final, which is what lets activity ingestion trust a PUBLISHED status it has read.
 */
export interface MaterialDoc {
  _id: string;
  siteId: string;
  authorId: string;
  title: string;
  url: string;
  category: string;
  status: MaterialStatus;
  duplicateGroup: string;
  /** The keys that chose the group (kept to explain a grouping to an editor or support). */
  urlKey: string;
  fingerprint: string | null;
  createdAt: Date;
  updatedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  rejectionReason: string | null;
}

const materialSchema = new Schema<MaterialDoc>(
  {
    _id: { type: String, required: true },
    siteId: { type: String, required: true },
    authorId: { type: String, required: true },
    title: { type: String, required: true },
    url: { type: String, required: true },
    category: { type: String, default: '' },
    status: { type: String, enum: materialStatuses, required: true },
    duplicateGroup: { type: String, required: true },
    urlKey: { type: String, required: true },
    fingerprint: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    reviewedBy: { type: String, default: null },
    reviewedAt: { type: Date, default: null },
    rejectionReason: { type: String, default: null },
  },
  { versionKey: false, collection: 'materials' },
);
// myMaterials (own, newest first, optional status) and the group sweeps / moderation queue.
materialSchema.index({ authorId: 1, createdAt: -1 });
materialSchema.index({ authorId: 1, status: 1, createdAt: -1 });
materialSchema.index({ duplicateGroup: 1, status: 1 });
materialSchema.index({ status: 1, siteId: 1 });

export const Material = model<MaterialDoc>('Material', materialSchema);
