export const auditTypeDefs = /* GraphQL */ `
  "One privileged act, hash-chained to the one before it."
  type AuditRecord {
    id: ID!
    "1, 2, 3... in the order the acts were recorded."
    seq: Int!
    "REVIEW_PUBLISH, REVIEW_REJECT, BAN, UNBAN, REVERSAL, REINSTATEMENT, FLAG_CONFIRM, FLAG_DISMISS, SETTINGS_CHANGE, REWARD_CHANGE, SITE_CHANGE, SUPPORT_ACCOUNT_VIEW"
    action: String!
    "A member id, or system:<job> for an automatic act."
    actorId: String!
    targetId: String
    reason: String
    note: String
    "Small facts about the act, as a JSON object."
    data: String!
    createdAt: DateTime!
    prevHash: String!
    hash: String!
  }

  type AuditRecordPage {
    nodes: [AuditRecord!]!
    pageInfo: PageInfo!
  }

  type AuditVerification {
    ok: Boolean!
    "Records read and found intact."
    checked: Int!
    "The first seq at which the log differs from an intact one (edited or missing record)."
    firstBrokenAt: Int
    problem: String
  }

  type Query {
    "SUPPORT, ADMIN: the audit log, newest first."
    auditLog(first: Int, after: String): AuditRecordPage!
    "SUPPORT, ADMIN: checks every record's hash and link, and the end of the chain."
    verifyAuditLog: AuditVerification!
  }
`;
