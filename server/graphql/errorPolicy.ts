import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RequestContext } from '../core/context';
import { toClientError, withValidationCode } from './errors';

/**
 * Applies the error map to every result. After execution, with the request context, so
 * unexpected errors are logged with its id and masked. And on every response, so refusals raised
 * before execution (parse, validation, armor's limits, which throw) carry a code too.
 */
export function useErrorPolicy(): Plugin<RequestContext> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue;
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          setResult({
            ...result,
            errors: result.errors.map((error) =>
              toClientError(error as GraphQLError, ctx.log, ctx.requestId),
            ),
          });
        },
      };
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      setResult({
        ...result,
        errors: result.errors.map((error) => withValidationCode(error as GraphQLError)),
      });
    },
  };
}
