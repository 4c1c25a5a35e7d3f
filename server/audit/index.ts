/** The audit log's only door: every privileged act calls `appendAudit`. */
export { appendAudit, type AuditInput } from './appendAudit';
export { verifyAuditLog, type AuditVerification } from './verifyAuditLog';
export { auditLog } from './auditLog';
export {
  AuditRecord,
  auditActions,
  type AuditAction,
  type AuditData,
  type AuditRecordDoc,
} from './audit.model';
export { presentAuditRecord, type AuditRecordView } from './audit.present';
export { auditTypeDefs } from './audit.graphql';
export { auditResolvers } from './audit.resolvers';
