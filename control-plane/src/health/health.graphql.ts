import type { GraphqlModule } from '../graphql/module.js';
import type { HealthService } from './health.service.js';

export interface HealthGraphqlDeps {
  health: Pick<HealthService, 'readiness'>;
}

/** Readiness over GraphQL: the same checks as /readyz. */
export function createHealthGraphql(deps: HealthGraphqlDeps): GraphqlModule {
  const { health } = deps;
  return {
    typeDefs: /* GraphQL */ `
    type HealthCheck {
      name: String!
      ok: Boolean!
      message: String
    }
    type Health {
      ready: Boolean!
      checks: [HealthCheck!]!
    }
    extend type Query {
      "Readiness of the control plane: the same checks as /readyz."
      health: Health!
    }
  `,
    resolvers: {
      Query: {
        health: () => health.readiness(),
      },
    },
  };
}
