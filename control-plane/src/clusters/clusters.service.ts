import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, isUuid } from '../access/access.js';
import { authorizeAnywhere, authorizePlatform } from '../access/authorize.js';
import { Organization } from '../access/organization.entities.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors/index.js';
import { Cluster } from '../placement/cluster.entities.js';
import {
  type ClusterChoice,
  type ClusterTenant,
  type ClusterView,
  clusterChoices,
  clusterTenants,
  clusterViews,
} from './cluster-view.js';

export interface ClusterFields {
  region?: string | undefined;
  capacity?: number | undefined;
  labels?: Record<string, string> | undefined;
  acceptsTenants?: boolean | undefined;
}

export interface ClustersDeps {
  dataSource: DataSource;
  clock: () => Date;
  /** SYNC_STALE_AFTER_SECONDS in milliseconds: the health counts show Stale like the organization list. */
  staleAfterMs: number;
  /**
   * Commits the new cluster's entry point (`clusters/<name>/…`) as a platform commit; runs inside
   * the creation's transaction, so a failed commit leaves no row behind.
   */
  commitEntryPoint(input: { cluster: string; actor: Actor }): Promise<void>;
}

/**
 * Clusters as data (issue 17 item 4): superadmins list them with their load and health, add one
 * (its entry point is committed at once), change its region, capacity, labels and whether it takes
 * new tenants, delete an empty one, and set the cluster an organization's new tenants prefer.
 * Where new tenants go is placement's (placement/), which reads the same rows.
 */
export function createClustersService(deps: ClustersDeps) {
  const { dataSource } = deps;
  const staleBefore = () => new Date(deps.clock().getTime() - deps.staleAfterMs);

  async function viewOf(manager: EntityManager, name: string): Promise<ClusterView> {
    const [view] = await clusterViews(manager, staleBefore(), name);
    if (!view) throw notFound(name);
    return view;
  }

  /** The cluster's row locked for a change or a deletion, or 404. */
  async function locked(tx: EntityManager, name: string): Promise<Cluster> {
    const row = await tx.findOne(Cluster, { where: { name }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound(name);
    return row;
  }

  return {
    /** Every cluster by name, with its tenants, load and health. */
    async list(input: { actor: Actor }): Promise<ClusterView[]> {
      authorizePlatform(input.actor, 'clusters.manage');
      return clusterViews(dataSource.manager, staleBefore());
    },

    /**
     * The clusters a tenant may be moved to, for anyone who may move one (an agency admin, who may
     * not list clusters with their load): names, regions, labels and room left only.
     */
    async choices(input: { actor: Actor }): Promise<ClusterChoice[]> {
      authorizeAnywhere(input.actor, 'organization.move');
      return clusterChoices(dataSource.manager);
    },

    /** One cluster and a page of its tenants by slug. */
    async get(input: {
      actor: Actor;
      name: string;
      limit?: number | undefined;
      cursor?: string | undefined;
    }): Promise<ClusterView & { tenantPage: { items: ClusterTenant[]; nextCursor: string | null } }> {
      authorizePlatform(input.actor, 'clusters.manage');
      const view = await viewOf(dataSource.manager, input.name);
      const tenantPage = await clusterTenants(dataSource.manager, {
        name: input.name,
        staleBefore: staleBefore(),
        limit: input.limit ?? 50,
        cursor: input.cursor,
      });
      return { ...view, tenantPage };
    },

    async create(input: ClusterFields & { actor: Actor; name: string }): Promise<ClusterView> {
      authorizePlatform(input.actor, 'clusters.manage');
      return dataSource.transaction(async (tx) => {
        const inserted = await tx
          .createQueryBuilder()
          .insert()
          .into(Cluster)
          .values({
            name: input.name,
            region: input.region ?? '',
            capacity: input.capacity ?? 1000,
            labels: input.labels ?? {},
            acceptsTenants: input.acceptsTenants ?? true,
          })
          .orIgnore()
          .returning(['name'])
          .execute();
        if (inserted.raw.length === 0) {
          throw new ConflictError({
            code: 'cluster_exists',
            message: `A cluster named '${input.name}' exists already`,
            data: { field: 'name', name: input.name },
          });
        }
        await deps.commitEntryPoint({ cluster: input.name, actor: input.actor });
        return viewOf(tx, input.name);
      });
    },

    /** Region, capacity, labels, accepting: what placement reads next; its tenants stay where they are. */
    async update(input: ClusterFields & { actor: Actor; name: string }): Promise<ClusterView> {
      authorizePlatform(input.actor, 'clusters.manage');
      return dataSource.transaction(async (tx) => {
        await locked(tx, input.name);
        const patch = Object.fromEntries(
          (['region', 'capacity', 'labels', 'acceptsTenants'] as const)
            .filter((key) => input[key] !== undefined)
            .map((key) => [key, input[key]]),
        );
        if (Object.keys(patch).length > 0) await tx.update(Cluster, { name: input.name }, patch);
        return viewOf(tx, input.name);
      });
    },

    /**
     * Deletes a cluster no tenant row names — a purged tenant keeps its row and its cluster, for
     * its history — else 409 `cluster_not_empty` with the count. Organizations preferring it fall
     * back to the least-loaded cluster. Its entry point in git stays: taking a cluster out of
     * Flux is the operator's step, not a side effect of a row.
     */
    async remove(input: { actor: Actor; name: string }): Promise<void> {
      authorizePlatform(input.actor, 'clusters.manage');
      await dataSource.transaction(async (tx) => {
        await locked(tx, input.name);
        const [{ n }] = (await tx.query(`SELECT count(*)::int AS n FROM tenant WHERE cluster = $1`, [
          input.name,
        ])) as [{ n: number }];
        if (n > 0) {
          throw new ConflictError({
            code: 'cluster_not_empty',
            message: `'${input.name}' still holds ${n} tenant${n === 1 ? '' : 's'}: move them to another cluster first`,
            data: { tenants: n },
          });
        }
        await tx.update(Organization, { preferredCluster: input.name }, { preferredCluster: null });
        await tx.delete(Cluster, { name: input.name });
      });
    },

    /**
     * Sets (or with null clears) the cluster new tenants at or below the organization prefer
     * (a client inherits its agency's). The cluster's row is read FOR SHARE, so a deletion in
     * flight is waited for and a deleted cluster is never named.
     */
    async setPreferredCluster(input: {
      actor: Actor;
      organizationId: string;
      cluster: string | null;
    }): Promise<{ organizationId: string; preferredCluster: string | null }> {
      authorizePlatform(input.actor, 'clusters.manage');
      return dataSource.transaction(async (tx) => {
        const org = isUuid(input.organizationId)
          ? await tx.findOne(Organization, { where: { id: input.organizationId } })
          : null;
        if (!org) {
          throw new NotFoundError({
            code: 'organization_not_found',
            what: 'Organization',
            id: input.organizationId,
          });
        }
        if (org.kind === 'platform') {
          throw new InvalidInputError({
            message: 'The platform has no preferred cluster: set it on an agency or an organization',
            issues: [{ path: 'organizationId', message: 'the platform' }],
          });
        }
        if (input.cluster !== null) {
          const exists = await tx.findOne(Cluster, {
            where: { name: input.cluster },
            lock: { mode: 'pessimistic_read' },
          });
          if (!exists) throw notFound(input.cluster);
        }
        await tx.update(Organization, { id: org.id }, { preferredCluster: input.cluster });
        return { organizationId: org.id, preferredCluster: input.cluster };
      });
    },
  };
}

export type ClustersService = ReturnType<typeof createClustersService>;

function notFound(name: string): NotFoundError {
  return new NotFoundError({ code: 'cluster_not_found', what: 'Cluster', id: name });
}
