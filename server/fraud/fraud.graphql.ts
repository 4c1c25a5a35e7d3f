export const fraudTypeDefs = /* GraphQL */ `
  enum ReversalReason {
    FAKE_VIEWS
    VOTE_RING
    SELF_PROMOTION
    PLAGIARISM
    RULES_VIOLATION
  }

  enum ReversalOrigin {
    DETECTOR
    STAFF
  }

  enum ReversalStatus {
    ACTIVE
    REINSTATED
  }

  "A write-off of (part of) one accrual: a REVERSAL entry booked on the day it was made."
  type Reversal {
    id: ID!
    memberId: ID!
    "The day of the accrual reversed."
    day: Date!
    "Positive: the amount written off."
    amount: Int!
    reason: ReversalReason!
    evidence: String!
    origin: ReversalOrigin!
    "Who reversed (for DETECTOR, who confirmed the flag; system:detect-fraud when automatic)."
    actorId: String!
    "The fraud flag this reversal confirms (origin DETECTOR)."
    flagId: ID
    status: ReversalStatus!
    createdAt: DateTime!
    reinstatedBy: String
    reinstatedAt: DateTime
    "The reinstatement's note."
    note: String
  }

  type ReversalPage {
    nodes: [Reversal!]!
    pageInfo: PageInfo!
  }

  enum FraudFlagStatus {
    OPEN
    CONFIRMED
    DISMISSED
  }

  "One reason for suspicion: a code, what was measured, and the measurement in words."
  type FraudSignal {
    "VIEW_CONCENTRATION, NEW_ACTORS, BURST, LIKE_RING, DEVOTED_AUDIENCE, RECIPROCAL_HISTORY or FLAT_SURGE (CROSS_SITE on earlier flags)."
    code: String!
    value: Float!
    detail: String!
  }

  "The detector's suspicion about one member-day."
  type FraudFlag {
    id: ID!
    memberId: ID!
    day: Date!
    "In [0, 1]."
    confidence: Float!
    "Strongest first."
    signals: [FraudSignal!]!
    status: FraudFlagStatus!
    createdAt: DateTime!
    "Who confirmed or dismissed it (system:detect-fraud for an automatic reversal)."
    decidedBy: String
    decidedAt: DateTime
    note: String
    "The reversal a confirmation made."
    reversalId: ID
  }

  type FraudFlagPage {
    nodes: [FraudFlag!]!
    pageInfo: PageInfo!
  }

  type Query {
    "SUPPORT: fraud flags, newest first."
    fraudFlags(status: FraudFlagStatus, first: Int, after: String): FraudFlagPage!
    "SUPPORT: reversals, newest first; from/to filter on the accrual's day (both included)."
    reversals(
      memberId: ID
      from: Date
      to: Date
      status: ReversalStatus
      first: Int
      after: String
    ): ReversalPage!
  }

  type Mutation {
    "SUPPORT: write off (part of) one member-day accrual; amount defaults to all that remains."
    reverseAccrual(
      memberId: ID!
      day: Date!
      reason: ReversalReason!
      evidence: String!
      amount: Int
    ): Reversal!
    "SUPPORT other than the reverser: undo a wrong reversal, once."
    reinstateReversal(id: ID!, note: String!): Reversal!
    "SUPPORT: confirm a fraud flag: reverses all that remains of that member-day's accrual."
    confirmFraudFlag(id: ID!, note: String!): Reversal!
    "SUPPORT: dismiss a fraud flag."
    dismissFraudFlag(id: ID!, note: String!): FraudFlag!
  }
`;
