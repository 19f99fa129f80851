import { defaultBackupSchedule, tierPresets } from '@luster/synth';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { Actor } from '../access/access.js';
import { authorize } from '../access/authorize.js';
import { authorizeLocked } from '../access/locked-gate.js';
import { loadVisibleOrganization, type VisibleOrganization } from '../access/visible-organization.js';
import { ChangeRequest } from '../changes/changes.entities.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors/index.js';
import type { Pipeline } from '../events/pipeline.js';
import type { TenantDatabase, TenantPatch } from '../tenants/tenants.entities.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { lastDueAt } from './backup-status.js';
import {
  holdsKeptDatabase,
  movedDatabase,
  restoredDatabase,
  restoreWindow,
  withKeptStage,
} from './database-plan.js';

/** The change kinds this module records. */
type MoveKind = 'move' | 'restore' | 'release';

/** A change request as moves records it (the changes feature's `submit` input). */
export interface MoveChange {
  tenantId: string;
  kind: MoveKind;
  actor: { userId: string };
  reason?: string | undefined;
  summary: string;
  tenantPatch: TenantPatch;
}

/** A cluster as a move needs to know it (the clusters feature owns the table). */
export interface ClusterInfo {
  name: string;
  acceptsTenants: boolean;
}

/**
 * What moves asks of the stages after it; the composition hands in those services' methods, and
 * what they answer with passes through untouched (`Change`, `Preview`, `View`).
 */
export interface MovesDeps<Change, Preview, View> {
  dataSource: DataSource;
  submit(input: MoveChange, tx: EntityManager): Promise<{ id: string }>;
  settle(changeId: string): Promise<Change>;
  /** Runs a writer round in the background (a release's removal, queued from a sync report). */
  kick(): void;
  preview(input: { tenantId: string; tenantPatch: TenantPatch }): Promise<Preview>;
  view(actor: Actor, organizationId: string): Promise<View>;
  /** Whether the tenant is reported Ready at a revision containing its last change. */
  tenantIsReady(tenantId: string): Promise<boolean>;
  /** When the tenant's own cluster last reported it healthy (RFC 3339), null before it did. */
  lastHealthyAt(tenantId: string): Promise<string | null>;
  /** Whether commit `ancestor` is `descendant` or one of its ancestors in the GitOps repo. */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** The cluster named `name`, or null when there is none. */
  findCluster(name: string, manager: EntityManager): Promise<ClusterInfo | null>;
  pipeline: Pipeline;
  clock: () => Date;
}

export interface MoveRequest {
  actor: Actor;
  id: string;
  cluster: string;
  reason?: string | undefined;
}

export interface RestoreRequest {
  actor: Actor;
  id: string;
  /** RFC 3339. */
  targetTime: string;
  reason?: string | undefined;
}

export interface ReleaseRequest {
  actor: Actor;
  id: string;
  reason?: string | undefined;
}

/** Kinds whose change, until decided, holds the tenant's database plan. */
const OPEN_STATES = ['queued', 'pending_review', 'approved'] as const;

/**
 * Moving a tenant to another cluster and restoring its database to a point in time (issue 17),
 * both as one reviewed change that renders a new database recovered from the backups of the
 * current one while the current one is kept, never pruned; then a release — asked for by a person
 * once the tenant is Ready on the new database — lifts the old copy's prune guard, and when the
 * cluster holding it reports that applied, a last change removes it (the purge's two steps).
 */
export function createMovesService<Change, Preview, View>(deps: MovesDeps<Change, Preview, View>) {
  const { dataSource } = deps;

  async function settled(actor: Actor, organizationId: string, changeId: string) {
    const change = await deps.settle(changeId);
    return { organization: await deps.view(actor, organizationId), change };
  }

  function tenantIdOf(row: VisibleOrganization): string {
    if (!row.tenantId) {
      throw new ConflictError({
        code: 'no_tenant',
        message: 'This organization has no tenant (the platform itself)',
        data: { organizationId: row.id },
      });
    }
    return row.tenantId;
  }

  const lockTenant = (tx: EntityManager, id: string) =>
    tx
      .createQueryBuilder(Tenant, 't')
      .setLock('pessimistic_write')
      .where('t.id = :id', { id })
      .getOneOrFail();

  /** A live tenant with no move, restore or release under way: what a move and a restore start from. */
  async function assertFree(manager: EntityManager, tenant: Tenant): Promise<void> {
    if (tenant.state !== 'active') {
      throw new ConflictError({
        code: 'tenant_not_live',
        message: `Only an active tenant can be moved or restored; '${tenant.slug}' is ${tenant.state}`,
        data: { state: tenant.state },
      });
    }
    const open = await manager.findOne(ChangeRequest, {
      where: { tenantId: tenant.id, kind: In(['move', 'restore', 'release']), state: In([...OPEN_STATES]) },
      select: { id: true, kind: true },
    });
    if (open || holdsKeptDatabase(tenant.database)) {
      throw new ConflictError({
        code: 'move_in_progress',
        message: open
          ? `A ${open.kind} of '${tenant.slug}' is waiting (change ${open.id}): decide it first`
          : `'${tenant.slug}' still keeps its database '${tenant.database.kept?.name}' on ${tenant.database.kept?.cluster}: release it first`,
        data: open ? { changeRequestId: open.id } : { kept: tenant.database.kept },
      });
    }
  }

  /** When the current database came to be: the merge of the move or restore that made it, else the tenant's creation. */
  async function databaseSince(manager: EntityManager, tenant: Tenant): Promise<Date> {
    const made = await manager.findOne(ChangeRequest, {
      where: { tenantId: tenant.id, kind: In(['move', 'restore']), state: 'merged' },
      order: { committedAt: 'DESC' },
      select: { id: true, committedAt: true },
    });
    return made?.committedAt ?? tenant.createdAt;
  }

  async function windowOf(manager: EntityManager, tenant: Tenant) {
    return restoreWindow({
      now: deps.clock(),
      retentionDays: tierPresets[tenant.tier].database.backupRetentionDays,
      databaseSince: await databaseSince(manager, tenant),
    });
  }

  /** The move's patch, checked: another cluster, one that exists and takes tenants. */
  async function movePatch(manager: EntityManager, tenant: Tenant, cluster: string): Promise<TenantPatch> {
    if (cluster === tenant.cluster) {
      throw new InvalidInputError({
        code: 'same_cluster',
        message: `'${tenant.slug}' already runs on ${cluster}`,
        issues: [{ path: 'cluster', message: 'the current cluster' }],
      });
    }
    const target = await deps.findCluster(cluster, manager);
    if (!target) throw new NotFoundError({ code: 'cluster_not_found', what: 'Cluster', id: cluster });
    if (!target.acceptsTenants) {
      throw new ConflictError({
        code: 'cluster_closed',
        message: `Cluster ${cluster} does not accept tenants`,
        data: { cluster },
      });
    }
    return { cluster, database: movedDatabase(tenant.database, tenant.cluster) };
  }

  async function restorePatch(
    manager: EntityManager,
    tenant: Tenant,
    targetTime: string,
  ): Promise<TenantPatch> {
    const at = new Date(targetTime);
    const window = await windowOf(manager, tenant);
    if (Number.isNaN(at.getTime()) || at < window.from || at > window.to) {
      throw new InvalidInputError({
        code: 'restore_time_out_of_range',
        message: `The time must lie between ${window.from.toISOString()} and ${window.to.toISOString()} (the backups kept for '${tenant.slug}')`,
        issues: [
          {
            path: 'targetTime',
            message: `between ${window.from.toISOString()} and ${window.to.toISOString()}`,
          },
        ],
      });
    }
    return { database: restoredDatabase(tenant.database, tenant.cluster, at.toISOString()) };
  }

  /** Loads, authorizes, locks and checks; records the change in the same transaction. */
  async function request(
    input: { actor: Actor; id: string; reason?: string | undefined },
    action: 'organization.move' | 'organization.restore',
    plan: (tx: EntityManager, tenant: Tenant) => Promise<Omit<MoveChange, 'tenantId' | 'actor' | 'reason'>>,
  ) {
    const row = await loadVisibleOrganization(dataSource.manager, input.actor, input.id);
    authorize(input.actor, action, row);
    const submitted = await dataSource.transaction(async (tx) => {
      const tenant = await lockTenant(tx, tenantIdOf(row));
      await authorizeLocked(tx, input.actor, action, row);
      const change = await plan(tx, tenant);
      return deps.submit(
        { ...change, tenantId: tenant.id, actor: { userId: input.actor.userId }, reason: input.reason },
        tx,
      );
    });
    return settled(input.actor, input.id, submitted.id);
  }

  /** The action that governs the kept database: a move's copy, or a restore's. */
  const actionOf = (tenant: Tenant) =>
    tenant.database.kept && tenant.database.kept.cluster !== tenant.cluster
      ? ('organization.move' as const)
      : ('organization.restore' as const);

  /**
   * The removal that ends a release, once the cluster holding the released copy reports a
   * revision containing the release: queued in its own transaction, written by a background round.
   */
  async function removeReleased(tenantId: string, cluster: string, sha: string): Promise<void> {
    const tenant = await dataSource.manager.findOneBy(Tenant, { id: tenantId });
    const kept = tenant?.database.kept;
    if (!tenant || kept?.stage !== 'released' || kept.cluster !== cluster) return;
    const release = await dataSource.manager.findOne(ChangeRequest, {
      where: { tenantId, kind: 'release', state: 'committed' },
      order: { committedAt: 'DESC' },
    });
    if (!release?.commitSha || !(await deps.isAncestor(release.commitSha, sha))) return;
    const queued = await dataSource.transaction(async (tx) => {
      const locked = await lockTenant(tx, tenantId);
      if (locked.database.kept?.stage !== 'released') return false;
      await deps.submit(
        {
          tenantId,
          kind: 'release',
          actor: { userId: release.requestedById },
          reason: release.reason ?? undefined,
          summary: `remove the released database ${kept.name} from ${kept.cluster}`,
          tenantPatch: { database: withKeptStage(locked.database, 'removed') },
        },
        tx,
      );
      return true;
    });
    if (queued) deps.kick();
  }

  deps.pipeline.on('tenant.ready', async ({ tenantId, sha }) => {
    const tenant = await dataSource.manager.findOneBy(Tenant, { id: tenantId });
    if (tenant) await removeReleased(tenantId, tenant.cluster, sha);
  });
  deps.pipeline.on('tenant.copy.applied', ({ tenantId, cluster, sha }) =>
    removeReleased(tenantId, cluster, sha),
  );

  return {
    /** Records a reviewed move: the tenant rendered on `cluster`, its database recovered there. */
    move: (input: MoveRequest) =>
      request(input, 'organization.move', async (tx, tenant) => {
        await assertFree(tx, tenant);
        const tenantPatch = await movePatch(tx, tenant, input.cluster);
        return {
          kind: 'move',
          summary: `move ${tenant.cluster} → ${input.cluster}, database ${tenant.database.name} → ${tenantPatch.database?.name} from ${tenant.cluster}'s backups`,
          tenantPatch,
        };
      }),

    /** Records a reviewed restore: a new database recovered up to `targetTime`, the current one kept. */
    restore: (input: RestoreRequest) =>
      request(input, 'organization.restore', async (tx, tenant) => {
        await assertFree(tx, tenant);
        const tenantPatch = await restorePatch(tx, tenant, input.targetTime);
        return {
          kind: 'restore',
          summary: `restore database ${tenant.database.name} to ${tenantPatch.database?.recovery?.targetTime} as ${tenantPatch.database?.name}`,
          tenantPatch,
        };
      }),

    /** The diff a move would commit, committing nothing. */
    async previewMove(input: MoveRequest): Promise<Preview> {
      const row = await loadVisibleOrganization(dataSource.manager, input.actor, input.id);
      authorize(input.actor, 'organization.move', row);
      const tenant = await dataSource.manager.findOneByOrFail(Tenant, { id: tenantIdOf(row) });
      await assertFree(dataSource.manager, tenant);
      return deps.preview({
        tenantId: tenant.id,
        tenantPatch: await movePatch(dataSource.manager, tenant, input.cluster),
      });
    },

    /** The diff a restore would commit, committing nothing. */
    async previewRestore(input: RestoreRequest): Promise<Preview> {
      const row = await loadVisibleOrganization(dataSource.manager, input.actor, input.id);
      authorize(input.actor, 'organization.restore', row);
      const tenant = await dataSource.manager.findOneByOrFail(Tenant, { id: tenantIdOf(row) });
      await assertFree(dataSource.manager, tenant);
      return deps.preview({
        tenantId: tenant.id,
        tenantPatch: await restorePatch(dataSource.manager, tenant, input.targetTime),
      });
    },

    /**
     * Releases the database a move or a restore kept: its prune guard lifted in one commit; the
     * cluster's report of that commit triggers its removal. Only once the tenant is Ready on its
     * new database — a person confirms the new copy before the old one may go.
     */
    async release(input: ReleaseRequest) {
      const row = await loadVisibleOrganization(dataSource.manager, input.actor, input.id);
      const tenantId = tenantIdOf(row);
      const before = await dataSource.manager.findOneByOrFail(Tenant, { id: tenantId });
      authorize(input.actor, actionOf(before), row);
      if (before.database.kept?.stage === 'kept' && !(await deps.tenantIsReady(tenantId))) {
        throw new ConflictError({
          code: 'release_not_ready',
          message: `'${before.slug}' is not reported Ready on its new database yet`,
          data: {},
        });
      }
      const submitted = await dataSource.transaction(async (tx) => {
        const tenant = await lockTenant(tx, tenantId);
        await authorizeLocked(tx, input.actor, actionOf(tenant), row);
        const kept = tenant.database.kept;
        if (kept?.stage !== 'kept') {
          throw new ConflictError({
            code: 'nothing_to_release',
            message: `'${tenant.slug}' keeps no earlier database`,
            data: { kept: kept ?? null },
          });
        }
        return deps.submit(
          {
            tenantId,
            kind: 'release',
            actor: { userId: input.actor.userId },
            reason: input.reason,
            summary: `release the database ${kept.name} kept on ${kept.cluster}`,
            tenantPatch: { database: withKeptStage(tenant.database, 'released') },
          },
          tx,
        );
      });
      return settled(input.actor, input.id, submitted.id);
    },

    /**
     * The tenant's database and backups as far as they can be known (backup-status.ts): where it
     * runs, how it was made, the database kept, the schedule and its last due run, the window a
     * restore may target, and when the tenant was last reported healthy.
     */
    async backups(input: { actor: Actor; id: string }) {
      const row = await loadVisibleOrganization(dataSource.manager, input.actor, input.id);
      authorize(input.actor, 'organization.read', row);
      const tenant = await dataSource.manager.findOneByOrFail(Tenant, { id: tenantIdOf(row) });
      const window = await windowOf(dataSource.manager, tenant);
      const schedule = defaultBackupSchedule(tenant.slug);
      const due = lastDueAt(schedule, deps.clock());
      return {
        cluster: tenant.cluster,
        database: databaseView(tenant.database),
        schedule,
        retentionDays: tierPresets[tenant.tier].database.backupRetentionDays,
        lastDueAt: due && due >= window.from ? due.toISOString() : null,
        lastReportedHealthyAt: await deps.lastHealthyAt(tenant.id),
        restoreWindow: { from: window.from.toISOString(), to: window.to.toISOString() },
      };
    },
  };
}

export type MovesService<C = unknown, P = unknown, V = unknown> = ReturnType<
  typeof createMovesService<C, P, V>
>;

/**
 * The database fields of a tenant as the API shows them. The kept copy is named, not described:
 * a copy that was itself recovered (a restore, then a move) carries its own recovery, which the
 * answer does not declare.
 */
function databaseView(database: TenantDatabase) {
  const { kept } = database;
  return {
    name: database.name,
    recoveredFrom: database.recovery ?? null,
    kept:
      kept && kept.stage !== 'removed' ? { cluster: kept.cluster, name: kept.name, stage: kept.stage } : null,
  };
}
