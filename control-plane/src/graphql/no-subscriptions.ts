import { OperationTypeNode, type ValidationRule } from 'graphql';
import { InvalidInputError } from '../errors/index.js';
import { refusal } from './refusal.js';

/**
 * The schema has no Subscription type and the server no transport for one; graphql-js 16 does not
 * refuse the operation in validation, so without this rule it reaches execution and fails there as
 * an internal error.
 */
export const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== OperationTypeNode.SUBSCRIPTION) return;
    context.reportError(
      refusal(
        new InvalidInputError({
          code: 'operation_not_supported',
          message:
            'GraphQL subscriptions are not served; follow GET /api/v1/events (server-sent events) instead',
          issues: [{ path: 'operation', message: 'must be a query or a mutation' }],
        }),
        [node],
      ),
    );
  },
});
