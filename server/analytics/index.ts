/** Programme analytics for ADMIN: the module's only door. */
export { programKpis, type ProgramKpis } from './programKpis';
export { analyticsTypeDefs } from './analytics.graphql';
export { analyticsResolvers } from './analytics.resolvers';
