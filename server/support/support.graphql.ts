export const supportTypeDefs = /* GraphQL */ `
  "A member's account as SUPPORT sees it on an audited request."
  type SupportAccountView {
    member: Member!
    account: Account!
    "The member's ledger, newest first: the page chosen by supportAccount's first and after."
    ledger: LedgerEntryPage!
  }

  type Query {
    "SUPPORT: a member's account and ledger; reason required; every call is audited."
    supportAccount(memberId: ID!, reason: String!, first: Int, after: String): SupportAccountView!
  }
`;
