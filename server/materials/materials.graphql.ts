export const materialsTypeDefs = /* GraphQL */ `
  enum MaterialStatus {
    PENDING
    PUBLISHED
    REJECTED
    DUPLICATE
  }

  type Material {
    id: ID!
    siteId: ID!
    authorId: ID!
    title: String!
    url: String!
    category: String!
    status: MaterialStatus!
    "Materials with the same normalised URL or content fingerprint share this id (R8)."
    duplicateGroup: ID!
    createdAt: DateTime!
    updatedAt: DateTime!
    reviewedBy: ID
    reviewedAt: DateTime
    rejectionReason: String
  }

  type MaterialPage {
    nodes: [Material!]!
    pageInfo: PageInfo!
  }

  "PENDING materials of one duplicate group, oldest first."
  type DuplicateGroup {
    id: ID!
    firstSubmittedAt: DateTime!
    materials: [Material!]!
  }

  type DuplicateGroupPage {
    nodes: [DuplicateGroup!]!
    pageInfo: PageInfo!
  }

  "Each field is checked by the server, which names the offending one (BAD_USER_INPUT)."
  input SubmitMaterialInput {
    siteId: ID
    "1-200 characters after trimming."
    title: String
    "An absolute http(s) URL; its host need not be the site's domain."
    url: String
    "Free text, at most 50 characters."
    category: String
  }

  type Query {
    "The signed-in member's own materials, newest first."
    myMaterials(status: MaterialStatus, first: Int, after: String): MaterialPage!
    "EDITOR: PENDING materials grouped by duplicate group, the oldest group first."
    moderationQueue(siteId: ID, first: Int, after: String): DuplicateGroupPage!
  }

  type Mutation {
    "MEMBER: submit a material for pre-moderation; it starts PENDING."
    submitMaterial(input: SubmitMaterialInput!): Material!
    "EDITOR: publish a PENDING material; the other PENDING ones of its group become DUPLICATE."
    publishMaterial(id: ID!): Material!
    "EDITOR: reject a PENDING material with a reason."
    rejectMaterial(id: ID!, reason: String!): Material!
  }
`;
