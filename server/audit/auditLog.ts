import { findPage, type Page, type PageArgs } from '../core/page';
import { AuditRecord } from './audit.model';
import { presentAuditRecord, type AuditRecordView } from './audit.present';

/** The audit log, newest first (by seq, the chain's own order). */
export function auditLog(args: PageArgs): Promise<Page<AuditRecordView>> {
  return findPage({
    model: AuditRecord,
    filter: {},
    sortField: 'seq',
    direction: 'desc',
    args,
    present: presentAuditRecord,
  });
}
