import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { limits } from '../core/limits';
import type { RequestContext } from '../core/context';
import type { RateLimits } from '../http/rateLimits';
import { secretKey } from '../auth';
import { createContextFactory } from './context';
import { useErrorPolicy } from './errorPolicy';
import { buildSchema } from './schema';

/**
 * GraphQL over HTTP at /graphql. In production: no introspection, no GraphiQL, and queries
 * refused before execution beyond the depth / alias / cost / token limits (SPEC §4).
 */
export function createGraphQLHandler(config: Config, rateLimits: RateLimits, log: Logger) {
  const plugins: Plugin<RequestContext>[] = [useErrorPolicy()];
  if (config.production) {
    plugins.push(
      useDisableIntrospection() as unknown as Plugin<RequestContext>,
      EnvelopArmorPlugin({
        maxDepth: { n: limits.queryDepthMax },
        maxAliases: { n: limits.queryAliasesMax },
        costLimit: { maxCost: limits.queryCostMax },
        maxTokens: { n: limits.queryTokensMax },
        blockFieldSuggestion: { enabled: true },
      }) as unknown as Plugin<RequestContext>,
    );
  }
  return createYoga({
    schema: buildSchema(config.supportUrl) as never,
    graphqlEndpoint: '/graphql',
    graphiql: !config.production,
    landingPage: false,
    maskedErrors: false,
    logging: false,
    context: createContextFactory({
      secret: secretKey(config.jwtSecret),
      rateLimits,
      log,
    }) as never,
    plugins,
  });
}
