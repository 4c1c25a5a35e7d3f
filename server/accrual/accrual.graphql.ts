export const accrualTypeDefs = /* GraphQL */ `
  "One accrued day as ADMIN sees it: the budget and what came of it."
  type DayIssuance {
    day: Date!
    "The daily cap in force when the day was accrued (R5)."
    cap: Int!
    "The sum of the day's ACCRUAL entries: never above cap."
    issued: Int!
    "What has been written off of that day's accruals since (REVERSAL entries), as a positive number."
    reversed: Int!
    "Members credited for the day."
    earners: Int!
    "True when demand exceeded the cap and the cap was shared in proportion to score."
    capped: Boolean!
  }

  "A day recomputed under other settings (simulateAccrual): nothing is written."
  type AccrualSimulation {
    day: Date!
    dailyCap: Int!
    "The sum of the uncapped earnings under these settings."
    demand: Float!
    issued: Int!
    earners: Int!
    capped: Boolean!
    "Inequality of the amounts over the members with counted activity: 0 all equal, near 1 one takes all."
    giniCoefficient: Float!
    "The share of the issue that the top 10% of earners would get."
    topDecileShare: Float!
    "What the day really issued, for comparison."
    actualIssued: Int!
    actualEarners: Int!
  }

  "A what-if: every field optional, an omitted field keeps the value the day was accrued with."
  input AccrualSimulationInput {
    dailyCap: Int
    weights: ScoringWeightsInput
  }

  type Query {
    "ADMIN: issuance against the cap, one row per accrued day in the range (at most 366 days)."
    issuance(from: Date!, to: Date!): [DayIssuance!]!
    "ADMIN: the budget what-if for an accrued day."
    simulateAccrual(day: Date!, input: AccrualSimulationInput): AccrualSimulation!
  }
`;
