import { Schema, model, type Types } from 'mongoose';

/**
 * The audit log: one append-only record per privileged act (SPEC §3), chained by hashes so that
 * editing or deleting a record in the database is detected (verifyAuditLog.ts).
 *
 * - `seq` 1, 2, 3... with a unique index: two appenders that read the same tip both try the same
 *   seq and only one insert lands, so the chain never forks (no transaction needed).
 * - `key` with a unique index: an act that may be retried after a crash (a review, a reversal)
 *   passes its own key and keeps one record; other acts get a random key. Every record has one
 *   because FerretDB v1 has no partial indexes (a unique index would collide on nulls).
 * - `prevHash` is the previous record's `hash`; `hash` covers every other field (auditHash.ts).
 *
 * `auditHead` is one document, `{ _id: 'head', seq, hash }`: the latest record as far as the
 * appenders know, moved forward after each append. Appends start from it (one small read instead
 * of a sort over the log), and verification compares it with the chain's end, because deleting
 * the last records leaves a chain that is intact by itself.
 */
export const auditActions = [
  'REVIEW_PUBLISH',
  'REVIEW_REJECT',
  'BAN',
  'UNBAN',
  'REVERSAL',
  'REINSTATEMENT',
  'FLAG_CONFIRM',
  'FLAG_DISMISS',
  'SETTINGS_CHANGE',
  'REWARD_CHANGE',
  'SITE_CHANGE',
  'SUPPORT_ACCOUNT_VIEW',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** Small facts about the act (an amount, a day, a flag's confidence): flat scalars, no secrets. */
export type AuditData = Record<string, string | number | boolean | null>;

export interface AuditRecordDoc {
  _id: Types.ObjectId;
  seq: number;
  key: string;
  action: AuditAction;
  /** Who acted: a member id, or `system:<job>` for an automatic act. */
  actorId: string;
  /** What the act was about: a member id, a material id, a reward id... */
  targetId: string | null;
  reason: string | null;
  note: string | null;
  data: AuditData;
  createdAt: Date;
  prevHash: string;
  hash: string;
}

const auditRecordSchema = new Schema<AuditRecordDoc>(
  {
    seq: { type: Number, required: true },
    key: { type: String, required: true },
    action: { type: String, enum: auditActions, required: true },
    actorId: { type: String, required: true },
    targetId: { type: String, default: null },
    reason: { type: String, default: null },
    note: { type: String, default: null },
    data: { type: Schema.Types.Mixed, default: {} },
    createdAt: { type: Date, required: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, collection: 'auditRecords', minimize: false },
);
auditRecordSchema.index({ seq: 1 }, { unique: true });
auditRecordSchema.index({ key: 1 }, { unique: true });

export const AuditRecord = model<AuditRecordDoc>('AuditRecord', auditRecordSchema);

export interface AuditHeadDoc {
  _id: 'head';
  seq: number;
  hash: string;
}

export const AuditHead = model<AuditHeadDoc>(
  'AuditHead',
  new Schema<AuditHeadDoc>(
    {
      _id: { type: String, required: true },
      seq: { type: Number, required: true },
      hash: { type: String, required: true },
    },
    { versionKey: false, collection: 'auditHead' },
  ),
);
