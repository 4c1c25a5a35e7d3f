import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, isDomainError } from '../core/errors';

/**
 * The one map from errors to `extensions.code`. Domain errors keep their code and extensions
 * (`field`, `retryAfter`); GraphQL's own parse/validation errors get GRAPHQL_VALIDATION_FAILED;
 * anything else is a bug: logged with the request id and masked.
 */
const httpStatus: Partial<Record<DomainError['code'], number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

export function domainToGraphQLError(error: DomainError, from?: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: from?.nodes,
    path: from?.path,
    extensions: { ...error.extensions, code: error.code },
  });
}

/** For refusals before execution (context), where the HTTP status matters too. */
export function refusalError(error: DomainError): GraphQLError {
  const status = httpStatus[error.code];
  const headers: Record<string, string> = {};
  if (error.code === 'RATE_LIMITED')
    headers['retry-after'] = String(error.extensions.retryAfter ?? 1);
  return new GraphQLError(error.message, {
    extensions: {
      ...error.extensions,
      code: error.code,
      ...(status ? { http: { status, headers } } : {}),
    },
  });
}

export const maskedMessage = 'Something went wrong on our side. Please try again later.';

/** Parse and validation errors (GraphQL rules, armor limits) are the client's and safe to show. */
export function withValidationCode(error: GraphQLError): GraphQLError {
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

export function toClientError(error: GraphQLError, log: Logger, requestId: string): GraphQLError {
  const original = error.originalError;
  if (isDomainError(original)) return domainToGraphQLError(original, error);
  // Without a path the error came from checking the request (variables), not from a resolver.
  if (!original && !error.path) return withValidationCode(error);
  log.error({ err: original, requestId, path: error.path }, 'unexpected error in resolver');
  return new GraphQLError(maskedMessage, {
    nodes: error.nodes,
    path: error.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  });
}
