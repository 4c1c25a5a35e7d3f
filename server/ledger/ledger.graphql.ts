/**
 * The ledger as members read it. Read-only on purpose: there is no mutation that credits a
 * chosen member, transfers, tops up or fines (R1, R15, R19, R21); money moves only through the
 * acts that call `postEntry` (accrual, reversal, reinstatement, redemption, compensation).
 */
export const ledgerTypeDefs = /* GraphQL */ `
  enum LedgerEntryKind {
    ACCRUAL
    REVERSAL
    REINSTATEMENT
    REDEMPTION
    COMPENSATION
  }

  type Account {
    balance: Int!
    "True while the member is banned: the balance is kept, nothing can be spent (R16)."
    frozen: Boolean!
    lifetimeAccrued: Int!
    "Total written off by reversals (a positive number)."
    lifetimeReversed: Int!
    lifetimeReinstated: Int!
    "Total spent on redemptions (a positive number)."
    lifetimeSpent: Int!
    "Total credited back for redemptions the system could not fulfil."
    lifetimeCompensated: Int!
  }

  type LedgerEntry {
    id: ID!
    "Signed: negative for reversals and redemptions."
    amount: Int!
    balanceAfter: Int!
    kind: LedgerEntryKind!
    "The day the entry concerns: an accrual's day; for the others the day it was posted unless it names one."
    day: Date!
    createdAt: DateTime!
  }

  type LedgerEntryPage {
    nodes: [LedgerEntry!]!
    pageInfo: PageInfo!
  }

  "One UTC day with activity. Accruals count on their day, other entries on the day they were posted."
  type DailyStatement {
    day: Date!
    accrued: Int!
    reversed: Int!
    reinstated: Int!
    spent: Int!
    compensated: Int!
    "accrued - reversed + reinstated - spent + compensated; may be negative."
    net: Int!
  }

  type Query {
    "The signed-in member's account; zeros before their first entry."
    myAccount: Account!
    "Days with activity between from and to (both included, at most 366 days), oldest first."
    myStatement(from: Date!, to: Date!): [DailyStatement!]!
    "The signed-in member's ledger, newest first."
    myLedger(first: Int, after: String): LedgerEntryPage!
  }
`;
