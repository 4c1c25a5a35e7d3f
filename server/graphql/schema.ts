import { createSchema } from 'graphql-yoga';
import { pageTypeDefs } from '../core/page';
import { accrualResolvers, accrualTypeDefs } from '../accrual';
import { activityResolvers, activityTypeDefs } from '../activity';
import { analyticsResolvers, analyticsTypeDefs } from '../analytics';
import { auditResolvers, auditTypeDefs } from '../audit';
import { fraudResolvers, fraudTypeDefs } from '../fraud';
import { materialsResolvers, materialsTypeDefs } from '../materials';
import { ledgerResolvers, ledgerTypeDefs } from '../ledger';
import { membersResolvers, membersTypeDefs } from '../members';
import { rewardsResolvers, rewardsTypeDefs } from '../rewards';
import { settingsResolvers, settingsTypeDefs } from '../settings';
import { sitesResolvers, sitesTypeDefs } from '../sites';
import { supportResolvers, supportTypeDefs } from '../support';
import type { RequestContext } from '../core/context';
import { scalarResolvers, scalarTypeDefs } from './scalars';

/**
 * Each domain owns its SDL and resolvers; this file only merges them. Type definitions with
 * the same name (`type Query` in several modules) are merged by graphql-tools.
 */
const baseTypeDefs = /* GraphQL */ `
  type Query {
    "Where members get help (R9)."
    supportUrl: String!
  }
`;

export interface SchemaModule {
  typeDefs: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolver maps are checked per module
  resolvers: Record<string, any>;
}

export const schemaModules: SchemaModule[] = [
  { typeDefs: scalarTypeDefs, resolvers: scalarResolvers },
  { typeDefs: pageTypeDefs, resolvers: {} },
  { typeDefs: membersTypeDefs, resolvers: membersResolvers },
  { typeDefs: sitesTypeDefs, resolvers: sitesResolvers },
  { typeDefs: ledgerTypeDefs, resolvers: ledgerResolvers },
  { typeDefs: materialsTypeDefs, resolvers: materialsResolvers },
  { typeDefs: activityTypeDefs, resolvers: activityResolvers },
  { typeDefs: rewardsTypeDefs, resolvers: rewardsResolvers },
  { typeDefs: auditTypeDefs, resolvers: auditResolvers },
  { typeDefs: fraudTypeDefs, resolvers: fraudResolvers },
  { typeDefs: supportTypeDefs, resolvers: supportResolvers },
  { typeDefs: settingsTypeDefs, resolvers: settingsResolvers },
  { typeDefs: accrualTypeDefs, resolvers: accrualResolvers },
  { typeDefs: analyticsTypeDefs, resolvers: analyticsResolvers },
];

export function buildSchema(supportUrl: string) {
  return createSchema<RequestContext>({
    typeDefs: [baseTypeDefs, ...schemaModules.map((m) => m.typeDefs)],
    resolvers: [
      { Query: { supportUrl: () => supportUrl } },
      ...schemaModules.map((m) => m.resolvers),
    ],
  });
}
