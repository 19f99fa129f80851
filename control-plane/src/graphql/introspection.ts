import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, type DocumentNode, visit } from 'graphql';
import { DomainError, UnauthenticatedError } from '../errors/index.js';
import type { Authenticate } from '../http/authenticate.js';
import { actorFrom } from './actor.js';
import type { GraphqlContext } from './module.js';
import { refusal } from './refusal.js';

function readsSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Who may read the schema by introspection (config GRAPHQL_INTROSPECTION). A plugin, not a
 * validation rule: the answer depends on the caller, and Apollo reuses a query text's validation
 * for every later caller.
 */
export function introspectionPolicy(
  who: 'anyone' | 'signed-in',
  authenticate: Authenticate<unknown>,
): ApolloServerPlugin<GraphqlContext> {
  const actorOf = actorFrom(authenticate);
  return {
    async requestDidStart() {
      if (who === 'anyone') return;
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!readsSchema(document)) return;
          if (!contextValue.req.get('authorization')) {
            throw refusal(
              new UnauthenticatedError({
                message:
                  'Reading the schema by introspection needs a signed-in caller: send Authorization: Bearer <token>',
              }),
            );
          }
          try {
            await actorOf(contextValue);
          } catch (error) {
            throw error instanceof DomainError ? refusal(error) : error;
          }
        },
      };
    },
  };
}
