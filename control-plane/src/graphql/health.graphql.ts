import type { GraphqlModule } from './module.js';

export const healthModule: GraphqlModule = {
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
    type Query {
      "Readiness of the control plane: the same checks as /readyz."
      health: Health!
    }
  `,
  resolvers: {
    Query: {
      health: (_parent, _args, ctx) => ctx.services.health.readiness(),
    },
  },
};
