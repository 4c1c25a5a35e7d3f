import { Schema, model } from 'mongoose';

/**
 * The review decision of a material, keyed by the material's id: inserted once, never updated.
 * It is the truth of a reviewed material's status; `materials.status` (and the reviewer fields
 * beside it) is a cache of it, written by decideMaterial.ts. Whoever inserts first decides:
 * a publish, a reject and a sweep racing on one material cannot both win.
 */
export const decidedStatuses = ['PUBLISHED', 'REJECTED', 'DUPLICATE'] as const;

export interface MaterialDecisionDoc {
  _id: string;
  status: (typeof decidedStatuses)[number];
  reviewedBy: string;
  reviewedAt: Date;
  rejectionReason: string | null;
}

export const MaterialDecision = model<MaterialDecisionDoc>(
  'MaterialDecision',
  new Schema<MaterialDecisionDoc>(
    {
      _id: { type: String, required: true },
      status: { type: String, enum: decidedStatuses, required: true },
      reviewedBy: { type: String, required: true },
      reviewedAt: { type: Date, required: true },
      rejectionReason: { type: String, default: null },
    },
    { versionKey: false, collection: 'materialDecisions' },
  ),
);
