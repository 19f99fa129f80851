import { canTransition, isEditable, type TenantState, tenantTransitions } from '@luster/contract';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, whereAllTenantsVisible, whereVisible } from '../access/access.js';
import { authorizeLocked } from '../access/locked-gate.js';
import { Organization } from '../access/organization.entities.js';
import { actingOrganization, authorize, authorizeLift } from '../access/permissions.js';
import { loadVisibleOrganization } from '../access/visible-organization.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { type ChangeKind, ChangeRequest, type TenantPatch } from '../changes/changes.entities.js';
import type { ChangesService } from '../changes/changes.service.js';
import type { Config } from '../config.js';
import { ConflictError, InvalidInputError } from '../errors/index.js';
import { insertOrganizationWithTenant, mapUniqueViolation } from '../tenants/provisioning.js';
import { type Branding, type ProjectType, Tenant, type Tier } from '../tenants/tenants.entities.js';
import { describePatch, effectivePatch } from './change-summary.js';
import { type OrganizationView, selectView, type TargetRow, toView, type ViewRow } from './org-view.js';
import { chooseSlug } from './slug.js';

export interface ListOrganizations {
  actor: Actor;
  state?: TenantState | undefined;
  tier?: Tier | undefined;
  parentId?: string | undefined;
  /** Page size. @default 50 */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

export interface CreateOrganization {
  actor: Actor;
  organizationName: string;
  slug?: string | undefined;
  projectType: ProjectType;
  tier?: Tier | undefined;
  parentId?: string | undefined;
  seedDemoData?: boolean | undefined;
}

export interface UpdateOrganization {
  actor: Actor;
  id: string;
  displayName?: string | undefined;
  tier?: Tier | undefined;
  theme?: { name: string; version?: string | undefined } | undefined;
  plugins?: string[] | undefined;
  /** Replaces the branding as a whole; `{}` removes it. */
  branding?: Branding | undefined;
  reason?: string | undefined;
}

export interface LifecycleRequest {
  actor: Actor;
  id: string;
  reason?: string | undefined;
}

export interface ChangeView {
  id: string;
  kind: ChangeKind;
  state: string;
  summary: string;
  commitSha: string | null;
  requestedById: string;
  approvedById: string | null;
  reason: string | null;
  error: string | null;
  createdAt: string;
  committedAt: string | null;
}

export function toChangeView(c: ChangeRequest): ChangeView {
  return {
    id: c.id,
    kind: c.kind,
    state: c.state,
    summary: c.summary,
    commitSha: c.commitSha,
    requestedById: c.requestedById,
    approvedById: c.approvedById,
    reason: c.reason,
    error: c.error,
    createdAt: c.createdAt.toISOString(),
    committedAt: c.committedAt ? c.committedAt.toISOString() : null,
  };
}

type LifecycleKind = Extract<ChangeKind, 'suspend' | 'resume' | 'deprovision' | 'purge'>;

/** How each lifecycle action is summarised on its change request. */
const verbs: Record<LifecycleKind, string> = {
  suspend: 'suspend',
  resume: 'resume',
  deprovision: 'deprovision (workloads removed, database and bucket retained)',
  // Only what the two commits do (changes/writer/message.ts summaryOf): nothing deletes the media bucket yet.
  purge: 'purge',
};

export interface OrgsDeps {
  dataSource: DataSource;
  config: Config;
  catalog: CatalogService;
  changes: ChangesService;
  /** What "now" is when a tenant's sync status is judged Stale. */
  clock: () => Date;
}

export function createOrgsService(deps: OrgsDeps) {
  const { dataSource, catalog, changes } = deps;
  const view = (row: ViewRow, viewer: Actor) =>
    toView(
      row,
      {
        staleAfterMs: deps.config.SYNC_STALE_AFTER_SECONDS * 1000,
        baseDomain: deps.config.LUSTER_BASE_DOMAIN,
        viewer,
      },
      deps.clock(),
    );

  /** One visible organization with its tenant, or 404 (invisible and missing look the same). */
  const loadVisible = (manager: EntityManager, actor: Actor, id: string) =>
    loadVisibleOrganization<TargetRow>(manager, actor, id, selectView);

  /** Locks the tenant row for a state transition; 409 for the platform (it has no tenant). */
  async function lockTenant(tx: EntityManager, row: ViewRow): Promise<Tenant> {
    if (!row.tenantId) {
      throw new ConflictError({
        code: 'no_tenant',
        message: 'This organization has no tenant (the platform itself)',
        data: {
          organizationId: row.id,
        },
      });
    }
    return tx
      .createQueryBuilder(Tenant, 't')
      .setLock('pessimistic_write')
      .where('t.id = :id', { id: row.tenantId })
      .getOneOrFail();
  }

  function invalidState(tenant: Tenant, action: string): ConflictError {
    return new ConflictError({
      code: 'invalid_state',
      message: `Cannot ${action} a tenant that is ${tenant.state}`,
      data: {
        state: tenant.state,
        action,
      },
    });
  }

  /** Default parent for "create a client": the context organization, else the actor's own admin org. */
  function defaultParentId(actor: Actor): string | undefined {
    if (actor.context) return actor.context.organizationId;
    const home =
      actor.memberships.find((m) => m.role === 'agency_admin') ??
      actor.memberships.find((m) => m.role === 'superadmin');
    return home?.organizationId;
  }

  /** A suspension records who imposed it; leaving `suspended` forgets it. */
  function suspensionPatch(
    actor: Actor,
    kind: LifecycleKind,
    row: TargetRow,
    tenant: Tenant,
  ): Pick<TenantPatch, 'suspendedByOrganizationId'> {
    if (kind === 'suspend') {
      return { suspendedByOrganizationId: actingOrganization(actor, 'organization.suspend', row) };
    }
    return tenant.suspendedByOrganizationId === null ? {} : { suspendedByOrganizationId: null };
  }

  async function lifecycle(kind: LifecycleKind, input: LifecycleRequest) {
    const row = await loadVisible(dataSource.manager, input.actor, input.id);
    authorize(input.actor, `organization.${kind}`, row);
    const change = await dataSource.transaction(async (tx) => {
      const tenant = await lockTenant(tx, row);
      await authorizeLocked(tx, input.actor, `organization.${kind}`, row);
      if (!canTransition(kind, tenant.state)) throw invalidState(tenant, kind);
      if (kind === 'resume') authorizeLift(input.actor, row, tenant.suspendedByOrganizationId);
      return changes.submit(
        {
          tenantId: tenant.id,
          kind,
          actor: { userId: input.actor.userId },
          reason: input.reason,
          summary: verbs[kind],
          tenantPatch: {
            state: tenantTransitions[kind].to,
            ...suspensionPatch(input.actor, kind, row, tenant),
          },
        },
        tx,
      );
    });
    const settled = change.state === 'queued' ? await changes.settle(change.id) : change;
    return {
      organization: view(await loadVisible(dataSource.manager, input.actor, input.id), input.actor),
      change: toChangeView(settled),
    };
  }

  /**
   * The diff a lifecycle action would commit, without committing it (the admin shows it before
   * asking for confirmation). A purge previews its first commit: the data objects handed back to
   * Flux for deletion.
   */
  async function previewLifecycle(kind: LifecycleKind, input: LifecycleRequest) {
    const row = await loadVisible(dataSource.manager, input.actor, input.id);
    authorize(input.actor, `organization.${kind}`, row);
    if (!row.tenantId)
      throw new ConflictError({ code: 'no_tenant', message: 'This organization has no tenant' });
    const tenant = await dataSource.manager.findOneByOrFail(Tenant, { id: row.tenantId });
    if (!canTransition(kind, tenant.state)) throw invalidState(tenant, kind);
    if (kind === 'resume') authorizeLift(input.actor, row, tenant.suspendedByOrganizationId);
    const rule = tenantTransitions[kind];
    const state = 'via' in rule ? rule.via : rule.to;
    return changes.preview({ tenantId: tenant.id, tenantPatch: { state } });
  }

  return {
    loadVisible,
    previewLifecycle,

    /** Visible organizations only (the golden rule is in the query), keyset-paginated by slug. */
    async list(input: ListOrganizations) {
      const limit = Math.min(Math.max(input.limit ?? 50, 1), 500);
      const qb = selectView(dataSource.manager.createQueryBuilder(Organization, 'o'));
      whereVisible(qb, 'o', input.actor);
      if (input.state) qb.andWhere('t.state = :state', { state: input.state });
      if (input.tier) qb.andWhere('t.tier = :tier', { tier: input.tier });
      if (input.parentId) qb.andWhere('o."parentId" = :parentId', { parentId: input.parentId });
      const countQb = qb.clone();
      if (input.cursor) qb.andWhere('o.slug > :cursor', { cursor: input.cursor });
      const [rows, total] = await Promise.all([
        qb
          .orderBy('o.slug', 'ASC')
          .limit(limit + 1)
          .getRawMany<ViewRow>(),
        countQb
          .select('COUNT(*)::int', 'count')
          .getRawOne<{ count: number }>()
          .then((r) => r?.count ?? 0),
      ]);
      const page = rows.slice(0, limit);
      return {
        items: page.map((row) => view(row, input.actor)),
        total,
        nextCursor: rows.length > limit ? (page[page.length - 1]?.slug ?? null) : null,
      };
    },

    async get(input: { actor: Actor; id: string }): Promise<OrganizationView> {
      return view(await loadVisible(dataSource.manager, input.actor, input.id), input.actor);
    },

    /** A client organization under a visible parent; provisioned at once (a provision commit). */
    async create(input: CreateOrganization) {
      const parentId = input.parentId ?? defaultParentId(input.actor);
      if (!parentId) {
        throw new InvalidInputError({
          message: 'Name the parent organization',
          issues: [{ path: 'parentId', message: 'required' }],
        });
      }
      const parent = await loadVisible(dataSource.manager, input.actor, parentId);
      authorize(input.actor, 'organization.create', parent);
      const slug = chooseSlug(input);
      const tier = input.tier ?? 'starter';
      let change: ChangeRequest;
      let organizationId: string;
      try {
        ({ change, organizationId } = await dataSource.transaction(async (tx) => {
          await authorizeLocked(tx, input.actor, 'organization.create', parent);
          const { organization, tenant, theme } = await insertOrganizationWithTenant(tx, catalog, {
            parent: { id: parent.id, path: parent.path },
            name: input.organizationName,
            slug,
            kind: 'organization',
            projectType: input.projectType,
            tier,
            seedDemoData: input.seedDemoData ?? true,
            state: 'provisioning',
            cluster: deps.config.LUSTER_CLUSTER,
          });
          const queued = await changes.submit(
            {
              tenantId: tenant.id,
              kind: 'provision',
              actor: { userId: input.actor.userId },
              summary: `provision ${input.projectType} on ${theme.name} ${theme.version} (${tier})`,
              tenantPatch: {},
            },
            tx,
          );
          return { change: queued, organizationId: organization.id };
        }));
      } catch (error) {
        throw mapUniqueViolation(error, { slug });
      }
      const settled = await changes.settle(change.id);
      return {
        organization: view(await loadVisible(dataSource.manager, input.actor, organizationId), input.actor),
        change: toChangeView(settled),
      };
    },

    /** Display name, tier, theme, plugins: what is rendered changes only through a change request. */
    async update(input: UpdateOrganization) {
      const row = await loadVisible(dataSource.manager, input.actor, input.id);
      authorize(input.actor, 'organization.update', row);
      if (input.tier !== undefined && input.tier !== row.tier) {
        authorize(input.actor, 'organization.update_tier', row);
      }
      const result = await dataSource.transaction(async (tx) => {
        const tenant = await lockTenant(tx, row);
        await authorizeLocked(tx, input.actor, 'organization.update', row);
        if (!isEditable(tenant.state)) throw invalidState(tenant, 'update');
        const wanted = await resolveWanted(tx, tenant, input);
        const current = { ...tenant, displayName: row.name };
        const patch = effectivePatch(current, wanted);
        if (Object.keys(patch).length === 0) return null;
        return changes.submit(
          {
            tenantId: tenant.id,
            kind: 'update',
            actor: { userId: input.actor.userId },
            reason: input.reason,
            summary: describePatch(current, patch),
            tenantPatch: patch,
          },
          tx,
        );
      });
      const settled = result ? await changes.settle(result.id) : null;
      return {
        organization: view(await loadVisible(dataSource.manager, input.actor, input.id), input.actor),
        change: settled ? toChangeView(settled) : null,
      };
    },

    /** Render + diff of an update without committing it (the admin's preview). */
    async preview(input: UpdateOrganization) {
      const row = await loadVisible(dataSource.manager, input.actor, input.id);
      authorize(input.actor, 'organization.update', row);
      if (input.tier !== undefined && input.tier !== row.tier) {
        authorize(input.actor, 'organization.update_tier', row);
      }
      if (!row.tenantId)
        throw new ConflictError({ code: 'no_tenant', message: 'This organization has no tenant' });
      const tenant = await dataSource.manager.findOneByOrFail(Tenant, { id: row.tenantId });
      const wanted = await resolveWanted(dataSource.manager, tenant, input);
      const patch = effectivePatch({ ...tenant, displayName: row.name }, wanted);
      return changes.preview({ tenantId: tenant.id, tenantPatch: patch });
    },

    suspend: (input: LifecycleRequest) => lifecycle('suspend', input),
    resume: (input: LifecycleRequest) => lifecycle('resume', input),
    deprovision: (input: LifecycleRequest) => lifecycle('deprovision', input),
    /** Records a purge waiting for a second person (superadmin or reviewer); nothing is deleted yet. */
    purge: (input: LifecycleRequest) => lifecycle('purge', input),

    /** The tenant's change requests, newest first. */
    async changesOf(input: { actor: Actor; id: string; limit?: number | undefined }) {
      const row = await loadVisible(dataSource.manager, input.actor, input.id);
      if (!row.tenantId) return [];
      const qb = dataSource.manager
        .createQueryBuilder(ChangeRequest, 'c')
        .where('c."tenantId" = :tenantId', { tenantId: row.tenantId });
      const rows = await whereAllTenantsVisible(qb, 'c."tenantIds"', input.actor)
        .orderBy('c.seq', 'DESC')
        .take(Math.min(input.limit ?? 50, 200))
        .getMany();
      return rows.map(toChangeView);
    },
  };

  async function resolveWanted(
    tx: EntityManager,
    tenant: Tenant,
    input: UpdateOrganization,
  ): Promise<TenantPatch> {
    const wanted: TenantPatch = {};
    if (input.displayName !== undefined) wanted.displayName = input.displayName;
    if (input.tier !== undefined) wanted.tier = input.tier;
    if (input.theme !== undefined) {
      const theme = await catalog.resolveTheme(tx, {
        name: input.theme.name,
        version: input.theme.version,
        projectType: tenant.projectType,
        current: { name: tenant.themeName, version: tenant.themeVersion },
      });
      wanted.themeName = theme.name;
      wanted.themeVersion = theme.version;
    }
    if (input.plugins !== undefined)
      wanted.plugins = await catalog.resolvePlugins(tx, input.plugins, tenant.plugins);
    if (input.branding !== undefined) wanted.branding = input.branding;
    return wanted;
  }
}

export type OrgsService = ReturnType<typeof createOrgsService>;
