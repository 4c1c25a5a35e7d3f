export const activityTypeDefs = /* GraphQL */ `
  enum ActivityType {
    VIEW
    LIKE
    COMMENT
    SHARE
  }

  "Why a reported event does not count."
  enum ActivityRejectionReason {
    INVALID_ID
    INVALID_ACTOR
    INVALID_OCCURRED_AT
    TOO_OLD
    IN_FUTURE
    UNKNOWN_MATERIAL
    NOT_PUBLISHED
    SELF_ACTIVITY
    DAY_CLOSED
    ID_REUSED
  }

  input ActivityEventInput {
    "Unique per site: a replay of the same id is a duplicate, not an error."
    id: String!
    type: ActivityType!
    materialId: ID!
    "A member id or an anonymous visitor hash."
    actorId: String!
    "Within the last 72 hours, at most 5 minutes ahead; decides the UTC day it counts for."
    occurredAt: DateTime!
  }

  type RejectedActivityEvent {
    id: String!
    reason: ActivityRejectionReason!
  }

  type RecordActivityResult {
    accepted: Int!
    duplicates: Int!
    rejected: [RejectedActivityEvent!]!
  }

  type Mutation {
    "SITE: report 1-1000 activity events."
    recordActivity(events: [ActivityEventInput!]!): RecordActivityResult!
  }
`;
