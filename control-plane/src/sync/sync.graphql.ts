import { actorOf, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import { idParams } from '../http/atoms.js';

/** The sync status of an organization's tenant: the same service and shape as `GET …/{id}/sync`. */
export const syncModule: GraphqlModule = {
  typeDefs: /* GraphQL */ `
    type SyncLastChange {
      sha: String!
      committedAt: String!
    }
    type SyncReport {
      source: String!
      object: String!
      severity: String!
      reason: String!
      outcome: String!
      message: String!
      revision: String
      at: String!
    }
    type TenantSync {
      "Pending, Reconciling, Ready, Failed or Stale"
      status: String!
      lastChange: SyncLastChange
      appliedRevision: String
      firstProgressingAt: String
      readyAt: String
      "How long the last change took to go live"
      timeToLiveMs: Float
      message: String
      events: [SyncReport!]!
    }
    extend type Query {
      "Sync status of an organization's tenant, as Flux or Argo CD reported it"
      organizationSync(id: ID!): TenantSync!
    }
  `,
  resolvers: {
    Query: {
      organizationSync: async (_p, args, ctx) =>
        ctx.services.syncStatus({
          actor: await actorOf(ctx),
          organizationId: parseArgs(idParams, args, 'args').id,
        }),
    },
  },
};
