import { type ASTNode, GraphQLError } from 'graphql';
import { type DomainError, statusOf } from '../errors/index.js';

/**
 * A domain error raised before execution (a validation rule, a plugin) as the GraphQL error Apollo
 * answers with: formatError finds the domain error behind it and shows its code and data, and the
 * HTTP status is the one REST would send.
 */
export function refusal(error: DomainError, nodes?: readonly ASTNode[]): GraphQLError {
  return new GraphQLError(error.message, {
    ...(nodes ? { nodes } : {}),
    originalError: error,
    extensions: { http: { status: statusOf(error) } },
  });
}
