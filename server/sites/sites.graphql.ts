export const sitesTypeDefs = /* GraphQL */ `
  type Site {
    id: ID!
    name: String!
    domain: String!
  }

  input SiteInput {
    "Omit to create a new site with a generated id."
    id: ID
    name: String!
    domain: String!
  }

  type Query {
    "The network's sites."
    sites: [Site!]!
  }

  type Mutation {
    "ADMIN: create or update a site (idempotent by id)."
    upsertSite(input: SiteInput!): Site!
  }
`;
