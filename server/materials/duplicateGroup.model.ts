import { Schema, model } from 'mongoose';

/**
 * Duplicate groups (R8). Every document here is written once and never updated (see
 * insertFirst.ts for why decisions are inserts):
 * - `duplicateGroups`: the group, with `firstSubmittedAt` that orders the moderation queue;
 * - `duplicateKeys`: one document per normalised-URL key and per fingerprint key, naming the
 *   group that key belongs to (assignDuplicateGroup.ts);
 * - `publicationClaims`: `<groupId>:<n>` claims, n = 1, 2, ...; the group's publication is the
 *   first claim whose material was not rejected first (settleGroup.ts).
 */
export interface DuplicateGroupDoc {
  _id: string;
  firstSubmittedAt: Date;
}

export const DuplicateGroup = model<DuplicateGroupDoc>(
  'DuplicateGroup',
  new Schema<DuplicateGroupDoc>(
    {
      _id: { type: String, required: true },
      firstSubmittedAt: { type: Date, required: true },
    },
    { versionKey: false, collection: 'duplicateGroups' },
  ).index({ firstSubmittedAt: 1 }),
);

export interface DuplicateKeyDoc {
  _id: string;
  groupId: string;
  createdAt: Date;
}

export const DuplicateKey = model<DuplicateKeyDoc>(
  'DuplicateKey',
  new Schema<DuplicateKeyDoc>(
    {
      _id: { type: String, required: true },
      groupId: { type: String, required: true },
      createdAt: { type: Date, required: true },
    },
    { versionKey: false, collection: 'duplicateKeys' },
  ),
);

export interface PublicationClaimDoc {
  _id: string;
  groupId: string;
  n: number;
  materialId: string;
  claimedBy: string;
  claimedAt: Date;
}

export const claimId = (groupId: string, n: number) => `${groupId}:${n}`;

export const PublicationClaim = model<PublicationClaimDoc>(
  'PublicationClaim',
  new Schema<PublicationClaimDoc>(
    {
      _id: { type: String, required: true },
      groupId: { type: String, required: true },
      n: { type: Number, required: true },
      materialId: { type: String, required: true },
      claimedBy: { type: String, required: true },
      claimedAt: { type: Date, required: true },
    },
    { versionKey: false, collection: 'publicationClaims' },
  ).index({ groupId: 1, n: 1 }),
);
