export const rewardsTypeDefs = /* GraphQL */ `
  "A catalogue item that members buy with bonuses."
  type Reward {
    id: ID!
    title: String!
    "Price in bonuses (a positive integer)."
    price: Int!
    "Units left; null means unlimited."
    stock: Int
    "Members see and redeem active rewards only."
    active: Boolean!
  }

  """
  Without id: creates a reward (title and price required; stock defaults to unlimited, active to
  true). With id: updates that reward (unknown id: NOT_FOUND); an omitted or null field keeps its
  value, except stock, where null means unlimited.
  """
  input RewardInput {
    id: ID
    "1 to 200 characters after trimming."
    title: String
    "A positive integer."
    price: Int
    "Units left, a non-negative integer; null means unlimited."
    stock: Int
    active: Boolean
  }

  enum RedemptionStatus {
    "Being processed (or interrupted, and finished soon by a retry or the recovery pass)."
    PENDING
    "Paid and fulfilled."
    DONE
    "Refused; failureCode says why. Nothing was spent (or it was compensated)."
    FAILED
  }

  enum RedemptionFailure {
    OUT_OF_STOCK
    INSUFFICIENT_FUNDS
    ACCOUNT_FROZEN
  }

  "The reward as it was when it was redeemed."
  type RedeemedReward {
    id: ID!
    title: String!
  }

  type Redemption {
    id: ID!
    reward: RedeemedReward!
    "The price paid (or that would have been paid), as it was when redeemed."
    price: Int!
    status: RedemptionStatus!
    failureCode: RedemptionFailure
    "True when the system could not fulfil a redemption it had debited and gave the price back (R17)."
    compensated: Boolean!
    createdAt: DateTime!
  }

  type RedemptionPage {
    nodes: [Redemption!]!
    pageInfo: PageInfo!
  }

  type Query {
    "The catalogue: active rewards for members, every reward for ADMIN."
    rewards: [Reward!]!
    "The signed-in member's redemptions, newest first."
    myRedemptions(first: Int, after: String): RedemptionPage!
  }

  type Mutation {
    """
    MEMBER: spends the reward's price, at most once per idempotencyKey (any non-empty string of at
    most 200 characters, scoped to the member). A replay returns the first redemption whatever
    its outcome: the same Redemption, or the same error code (OUT_OF_STOCK, INSUFFICIENT_FUNDS,
    ACCOUNT_FROZEN) if it failed. The same key for another reward is CONFLICT. Spending is final.
    """
    redeemReward(rewardId: ID!, idempotencyKey: String!): Redemption!
    "ADMIN: creates or updates a catalogue item (see RewardInput)."
    upsertReward(input: RewardInput!): Reward!
  }
`;
