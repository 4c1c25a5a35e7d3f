export const settingsTypeDefs = /* GraphQL */ `
  "The secret scoring settings (R14): shown to ADMIN only, nowhere else."
  type ScoringWeights {
    "Per unique viewer of a material that day."
    view: Float!
    like: Float!
    comment: Float!
    share: Float!
    "Bonuses per point of score, before the daily cap."
    pointsPerScore: Float!
  }

  type ProgramSettings {
    "The budget shared by all members each UTC day (R5)."
    dailyCap: Int!
    weights: ScoringWeights!
    "Fraud flags at or above this confidence are reversed automatically; null: never."
    autoReverseThreshold: Float
    "0 while the configured defaults are in force; each saved change adds one."
    version: Int!
    updatedAt: DateTime
    updatedBy: ID
  }

  "Every field optional: an omitted (or null) field keeps its value."
  input ScoringWeightsInput {
    view: Float
    like: Float
    comment: Float
    share: Float
    pointsPerScore: Float
  }

  "Every field optional: an omitted field keeps its value."
  input ProgramSettingsInput {
    "A positive whole number."
    dailyCap: Int
    "Each non-negative."
    weights: ScoringWeightsInput
    "Between 0 and 1; an explicit null turns automatic reversal off."
    autoReverseThreshold: Float
  }

  type Query {
    "ADMIN: the daily budget and scoring settings in force."
    programSettings: ProgramSettings!
  }

  type Mutation {
    "ADMIN: change the daily budget or the scoring settings (audited)."
    updateProgramSettings(input: ProgramSettingsInput!): ProgramSettings!
  }
`;
