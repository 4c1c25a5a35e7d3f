export const membersTypeDefs = /* GraphQL */ `
  enum Role {
    MEMBER
    EDITOR
    MODERATOR
    SUPPORT
    ADMIN
    SITE
  }

  type Member {
    id: ID!
    name: String
    "The roles of the signed-in person's token; empty for another member (roles live in tokens)."
    roles: [Role!]!
    banned: Boolean!
  }

  type Query {
    "The signed-in person, created on first sight of their token's sub."
    me: Member!
  }

  type Mutation {
    "MODERATOR, ADMIN: ban a member: account frozen, balance kept, no accrual while banned. Banning a banned member changes nothing."
    banMember(memberId: ID!, reason: String!): Member!
    "MODERATOR, ADMIN: lift a member's ban and unfreeze the account. Unbanning a member who is not banned changes nothing."
    unbanMember(memberId: ID!, reason: String!): Member!
  }
`;
