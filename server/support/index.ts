/** SUPPORT's audited look-up of a member's account (R2). The module's only door. */
export { supportAccount, type SupportAccountView } from './supportAccount';
export { supportTypeDefs } from './support.graphql';
export { supportResolvers } from './support.resolvers';
