import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import type { Authenticate } from '../http/authenticate.js';
import type { ClusterView } from './cluster-view.js';
import {
  clusterParams,
  clusterTenantsQuery,
  createClusterBody,
  preferredClusterBody,
  preferredClusterParams,
  updateClusterBody,
} from './clusters.schemas.js';
import type { ClustersService } from './clusters.service.js';

export interface ClustersGraphqlDeps {
  authenticate: Authenticate<Actor>;
  clusters: ClustersService;
}

/** Clusters over GraphQL: the same service and schemas as /clusters. */
export function createClustersGraphql(deps: ClustersGraphqlDeps): GraphqlModule {
  const { clusters } = deps;
  const actorOf = actorFrom(deps.authenticate);
  const fieldsOf = (args: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(args).filter(([key, value]) => key !== 'name' && value != null));
  return {
    typeDefs: /* GraphQL */ `
    "Tenants with a commit, by the sync status the organization list shows."
    type ClusterHealth {
      Pending: Int!
      Reconciling: Int!
      Ready: Int!
      Failed: Int!
      Stale: Int!
    }
    type ClusterLabel {
      key: String!
      value: String!
    }
    input ClusterLabelInput {
      key: String!
      value: String!
    }
    type PreferringOrganization {
      id: ID!
      slug: String!
      name: String!
    }
    type ClusterTenant {
      organizationId: ID!
      slug: String!
      name: String!
      state: String!
      sync: String!
    }
    type ClusterTenantPage {
      items: [ClusterTenant!]!
      nextCursor: String
    }
    type Cluster {
      name: ID!
      region: String!
      capacity: Int!
      labels: [ClusterLabel!]!
      acceptsTenants: Boolean!
      "Tenants taking a slot (every state but purged and rejected)."
      tenants: Int!
      usedPercent: Float!
      health: ClusterHealth!
      preferredBy: [PreferringOrganization!]!
      createdAt: String!
      updatedAt: String!
      "One page of its tenants by slug."
      tenantPage(limit: Int, cursor: String): ClusterTenantPage!
    }
    type PreferredCluster {
      organizationId: ID!
      preferredCluster: String
    }
    extend type Query {
      "Superadmins: every cluster with its tenants, load and health."
      clusters: [Cluster!]!
      "Superadmins: one cluster."
      cluster(name: ID!): Cluster!
    }
    extend type Mutation {
      "Superadmins: adds a cluster and commits its entry point clusters/<name>/."
      createCluster(name: ID!, region: String, capacity: Int, labels: [ClusterLabelInput!], acceptsTenants: Boolean): Cluster!
      "Superadmins: changes region, capacity, labels (all replaced) or whether it accepts new tenants."
      updateCluster(name: ID!, region: String, capacity: Int, labels: [ClusterLabelInput!], acceptsTenants: Boolean): Cluster!
      "Superadmins: deletes a cluster no tenant names. Always true."
      deleteCluster(name: ID!): Boolean!
      "Superadmins: the cluster new tenants at or below the organization prefer; null clears it."
      setPreferredCluster(organizationId: ID!, cluster: String): PreferredCluster!
    }
  `,
    resolvers: {
      Cluster: {
        labels: (parent) =>
          Object.entries((parent as ClusterView).labels).map(([key, value]) => ({ key, value })),
        tenantPage: async (parent, args, ctx) => {
          const query = parseArgs(clusterTenantsQuery, fieldsOf(args), 'args');
          const { name } = parent as ClusterView;
          return (await clusters.get({ actor: await actorOf(ctx), name, ...query })).tenantPage;
        },
      },
      Query: {
        clusters: async (_p, _args, ctx) => clusters.list({ actor: await actorOf(ctx) }),
        cluster: async (_p, args, ctx) => {
          const { name } = parseArgs(clusterParams, { name: args.name }, 'args');
          return clusters.get({ actor: await actorOf(ctx), name, limit: 1 });
        },
      },
      Mutation: {
        createCluster: async (_p, args, ctx) =>
          clusters.create({
            actor: await actorOf(ctx),
            ...parseArgs(createClusterBody, { name: args.name, ...withLabels(fieldsOf(args)) }, 'args'),
          }),
        updateCluster: async (_p, args, ctx) => {
          const { name } = parseArgs(clusterParams, { name: args.name }, 'args');
          const fields = parseArgs(updateClusterBody, withLabels(fieldsOf(args)), 'args');
          return clusters.update({ actor: await actorOf(ctx), name, ...fields });
        },
        deleteCluster: async (_p, args, ctx) => {
          const { name } = parseArgs(clusterParams, { name: args.name }, 'args');
          await clusters.remove({ actor: await actorOf(ctx), name });
          return true;
        },
        setPreferredCluster: async (_p, args, ctx) => {
          const { id } = parseArgs(preferredClusterParams, { id: args.organizationId }, 'args');
          const { cluster } = parseArgs(preferredClusterBody, { cluster: args.cluster ?? null }, 'args');
          return clusters.setPreferredCluster({ actor: await actorOf(ctx), organizationId: id, cluster });
        },
      },
    },
  };
}

/** GraphQL has no map type: labels travel as key/value pairs and become the REST body's map. */
function withLabels(args: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(args.labels)) return args;
  const pairs = args.labels as { key: string; value: string }[];
  return { ...args, labels: Object.fromEntries(pairs.map(({ key, value }) => [key, value])) };
}
