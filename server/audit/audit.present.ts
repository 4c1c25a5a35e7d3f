import type { AuditRecordDoc } from './audit.model';

/** What SUPPORT and ADMIN read of a record, field by field; `data` as a JSON object string. */
export interface AuditRecordView {
  id: string;
  seq: number;
  action: string;
  actorId: string;
  targetId: string | null;
  reason: string | null;
  note: string | null;
  data: string;
  createdAt: Date;
  prevHash: string;
  hash: string;
}

export const presentAuditRecord = (record: AuditRecordDoc): AuditRecordView => ({
  id: record._id.toHexString(),
  seq: record.seq,
  action: record.action,
  actorId: record.actorId,
  targetId: record.targetId,
  reason: record.reason,
  note: record.note,
  data: JSON.stringify(record.data ?? {}),
  createdAt: record.createdAt,
  prevHash: record.prevHash,
  hash: record.hash,
});
