import { isErrorCode } from '@luster/contract';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { asTransientError, DomainError, statusOf } from '../errors/index.js';
import type { Logger } from '../logger.js';

/** The GraphQL twin of the error middleware: the same codes, in `extensions.code`. */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Behind a resolver's error, and behind a refusal from a validation rule or a plugin (refusal.ts).
    const thrown = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    const original = asTransientError(thrown) ?? thrown;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: {
          code: original.code,
          status: statusOf(original),
          ...(original.data ? { details: original.data } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    // Apollo's own request errors (parse, validation, bad variables) are the client's; their codes
    // are in the closed list in lower case, and one Apollo adds later reads as a bad request.
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      const lowered = code.toLowerCase();
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { code: isErrorCode(lowered) ? lowered : 'bad_request' },
      };
    }
    logger.error({ err: original }, 'unhandled GraphQL error');
    return {
      message: 'Something went wrong on our side',
      path: formatted.path,
      extensions: { code: 'internal' },
    };
  };
}
