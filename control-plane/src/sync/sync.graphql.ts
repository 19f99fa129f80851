import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import { idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import type { OrganizationSyncStatus } from './organization-status.js';

export interface SyncGraphqlDeps {
  authenticate: Authenticate<Actor>;
  syncStatus: OrganizationSyncStatus;
}

/** The sync status of an organization's tenant: the same service and shape as `GET …/{id}/sync`. */
export function createSyncGraphql(deps: SyncGraphqlDeps): GraphqlModule {
  const { syncStatus } = deps;
  const actorOf = actorFrom(deps.authenticate);
  return {
    typeDefs: /* GraphQL */ `
    "The tenant's last commit on main; id is the change request that made it, when one did."
    type LastChange {
      id: ID
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
      lastChange: LastChange
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
          syncStatus({
            actor: await actorOf(ctx),
            organizationId: parseArgs(idParams, args, 'args').id,
          }),
      },
    },
  };
}
