export const analyticsTypeDefs = /* GraphQL */ `
  """
  The programme's health over a period of UTC days (both included). An earner of some days is a
  member with an ACCRUAL for one of those days. A rate is a fraction (0.25 is 25 %), and null
  when its denominator is 0: undefined rather than 0 %.
  """
  type ProgramKpis {
    "activeEarners / activeMembers: the share of the members taking part who earned. At most 1."
    engagementRate: Float
    """
    spent / issued: the share of the period's issue that was used. Above 1 when balances earned
    before the period are spent in it.
    """
    pointsUsedRate: Float
    """
    (earnersAtEnd - newEarners) / earnersAtStart: the share of the earners of the first
    retentionWindowDays days who earned again in the last retentionWindowDays days. Null for a
    one-day period (no two windows to compare) or when nobody earned at the start.
    """
    earnerRetentionRate: Float
    "1 - earnerRetentionRate: the share of the start's earners who did not earn at the end."
    earnerChurnRate: Float
    "Members who earned for at least one day of the period."
    activeEarners: Int!
    """
    Members taking part: with a ledger entry belonging to the period (an ACCRUAL for one of its
    days, or any other entry posted in it) or who submitted a material in it. Activity events
    (views, likes...) do not count: their actors are mostly anonymous visitors.
    """
    activeMembers: Int!
    "Bonuses issued: the ACCRUAL entries for the period's days (the issuance report's sum)."
    issued: Int!
    "Bonuses used: REDEMPTION entries posted in the period, less the COMPENSATIONs posted in it."
    spent: Int!
    """
    The length of the start and end windows of the retention rate: the first and last
    min(7, floor(days / 2)) days of the period, so they never overlap (0 for a one-day period).
    """
    retentionWindowDays: Int!
    "Members who earned for a day of the start window."
    earnersAtStart: Int!
    "Members who earned for a day of the end window."
    earnersAtEnd: Int!
    "Members who earned for a day of the end window but none of the start window."
    newEarners: Int!
  }

  type Query {
    "ADMIN: the programme's KPIs from 'from' to 'to' (both included, at most 366 days)."
    programKpis(from: Date!, to: Date!): ProgramKpis!
  }
`;
