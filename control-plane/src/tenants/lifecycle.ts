import { isEditable, tenantTransitions } from '@luster/contract';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access.js';
import { authorize } from '../access/authorize.js';
import { authorizeLocked } from '../access/locked-gate.js';
import { loadVisibleOrganization } from '../access/visible-organization.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { InvalidInputError } from '../errors/index.js';
import { describePatch, effectivePatch } from './change-summary.js';
import {
  type CreateOrganization,
  type LifecycleChange,
  type LifecyclePorts,
  type LifecycleRequest,
  type LifecycleTarget,
  selectLifecycleTarget,
  type UpdateOrganization,
} from './lifecycle-ports.js';
import {
  checkAction,
  defaultParentId,
  invalidState,
  type StateAction,
  suspensionPatch,
  tenantIdOf,
  verbs,
} from './lifecycle-rules.js';
import { insertOrganizationWithTenant, mapUniqueViolation } from './provisioning.js';
import { chooseSlug } from './slug.js';
import { Tenant } from './tenants.entities.js';
import { resolveWanted } from './wanted-patch.js';

export interface TenantLifecycleDeps<Change, Preview, View> extends LifecyclePorts<Change, Preview, View> {
  dataSource: DataSource;
  catalog: CatalogService;
}

/**
 * A tenant's life as change requests: created with its organization, its rendered intent updated,
 * suspended, resumed, deprovisioned and purged — each checked against the contract's state table
 * and the permission table, recorded with the tenant row in one transaction, then settled by the
 * writer. Previews show the diff an action would commit, committing nothing.
 */
export function createTenantLifecycle<Change, Preview, View>(
  deps: TenantLifecycleDeps<Change, Preview, View>,
) {
  const { dataSource, catalog } = deps;

  const loadTarget = (manager: EntityManager, actor: Actor, id: string) =>
    loadVisibleOrganization<LifecycleTarget>(manager, actor, id, selectLifecycleTarget);

  /** Waits for the writer, then shows the organization as the change left it. */
  async function settled(actor: Actor, organizationId: string, changeId: string) {
    const change = await deps.settle(changeId);
    return { organization: await deps.view(actor, organizationId), change };
  }

  /** Locks the tenant row for a transition; 409 for the platform (it has no tenant). */
  async function lockTenant(tx: EntityManager, row: LifecycleTarget): Promise<Tenant> {
    return tx
      .createQueryBuilder(Tenant, 't')
      .setLock('pessimistic_write')
      .where('t.id = :id', { id: tenantIdOf(row) })
      .getOneOrFail();
  }

  async function changeState(action: StateAction, input: LifecycleRequest) {
    const row = await loadTarget(dataSource.manager, input.actor, input.id);
    authorize(input.actor, `organization.${action}`, row);
    const submitted = await dataSource.transaction(async (tx) => {
      const tenant = await lockTenant(tx, row);
      await authorizeLocked(tx, input.actor, `organization.${action}`, row);
      checkAction(input.actor, action, row, tenant);
      return deps.submit(
        {
          tenantId: tenant.id,
          kind: action,
          actor: { userId: input.actor.userId },
          reason: input.reason,
          summary: verbs[action],
          tenantPatch: {
            state: tenantTransitions[action].to,
            ...suspensionPatch(input.actor, action, row, tenant),
          },
        },
        tx,
      );
    });
    return settled(input.actor, input.id, submitted.id);
  }

  /** The authorized target of an update and the tenant's fields it would change. */
  async function updateOf(
    manager: EntityManager,
    input: UpdateOrganization,
    tenantOf: (row: LifecycleTarget) => Promise<Tenant>,
  ) {
    const row = await loadTarget(manager, input.actor, input.id);
    authorize(input.actor, 'organization.update', row);
    if (input.tier !== undefined && input.tier !== row.tier) {
      authorize(input.actor, 'organization.update_tier', row);
      await deps.checkTier?.({ organizationId: row.id, tier: input.tier }, manager);
    }
    const tenant = await tenantOf(row);
    const current = { ...tenant, displayName: row.name };
    return {
      tenant,
      current,
      patch: effectivePatch(current, await resolveWanted(manager, catalog, tenant, input)),
    };
  }

  /** A new client's checked parent, slug and tier, and the insert both `create` and its preview run. */
  async function newClient(input: CreateOrganization) {
    const parentId = input.parentId ?? defaultParentId(input.actor);
    if (!parentId) {
      throw new InvalidInputError({
        message: 'Name the parent organization',
        issues: [{ path: 'parentId', message: 'required' }],
      });
    }
    const parent = await loadTarget(dataSource.manager, input.actor, parentId);
    authorize(input.actor, 'organization.create', parent);
    if (parent.kind === 'partner_group') {
      throw new InvalidInputError({
        code: 'parent_is_partner_group',
        message: `'${parent.slug}' is a partner group, which holds agencies only: create the client under one of its agencies`,
        issues: [{ path: 'parentId', message: 'a partner group' }],
      });
    }
    const slug = chooseSlug(input);
    const tier = input.tier ?? 'starter';
    const insert = (tx: EntityManager) =>
      insertOrganizationWithTenant(tx, catalog, {
        parent: { id: parent.id },
        name: input.organizationName,
        slug,
        kind: 'organization',
        projectType: input.projectType,
        tier,
        seedDemoData: input.seedDemoData ?? true,
        state: tenantTransitions.create.to,
      });
    return { parent, slug, tier, insert };
  }

  return {
    /** A client organization under a visible parent; provisioned at once (a provision commit). */
    async create(input: CreateOrganization) {
      const client = await newClient(input);
      let created: { organizationId: string; changeId: string };
      try {
        created = await dataSource.transaction(async (tx) => {
          await authorizeLocked(tx, input.actor, 'organization.create', client.parent);
          const { organization, tenant, theme } = await client.insert(tx);
          const queued = await deps.submit(
            {
              tenantId: tenant.id,
              kind: 'provision',
              actor: { userId: input.actor.userId },
              summary: `provision ${input.projectType} on ${theme.name} ${theme.version} (${client.tier})`,
              tenantPatch: {},
            },
            tx,
          );
          return { organizationId: organization.id, changeId: queued.id };
        });
      } catch (error) {
        throw mapUniqueViolation(error, { slug: client.slug });
      }
      return settled(input.actor, created.organizationId, created.changeId);
    },

    /**
     * The files creating this client would commit, committing nothing: the rows are inserted in a
     * transaction that is always rolled back, so the render reads exactly what `create` would
     * store (the catalog's defaults, the parent's labels) and a taken slug fails the same way.
     */
    async previewCreate(input: CreateOrganization): Promise<Preview> {
      const client = await newClient(input);
      const runner = dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        const { tenant } = await client.insert(runner.manager);
        return await deps.preview({ tenantId: tenant.id, tenantPatch: {} }, runner.manager);
      } catch (error) {
        throw mapUniqueViolation(error, { slug: client.slug });
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    },

    /** Display name, tier, theme, plugins, branding: what is rendered changes only through a change request. */
    async update(input: UpdateOrganization) {
      const submitted = await dataSource.transaction(async (tx) => {
        const { tenant, current, patch } = await updateOf(tx, input, async (row) => {
          const locked = await lockTenant(tx, row);
          await authorizeLocked(tx, input.actor, 'organization.update', row);
          if (!isEditable(locked.state)) throw invalidState(locked, 'update');
          return locked;
        });
        if (Object.keys(patch).length === 0) return null;
        const change: LifecycleChange = {
          tenantId: tenant.id,
          kind: 'update',
          actor: { userId: input.actor.userId },
          reason: input.reason,
          summary: describePatch(current, patch),
          tenantPatch: patch,
        };
        return deps.submit(change, tx);
      });
      if (submitted) return settled(input.actor, input.id, submitted.id);
      return { organization: await deps.view(input.actor, input.id), change: null };
    },

    /** Render + diff of an update without committing it (the admin's preview). */
    async preview(input: UpdateOrganization): Promise<Preview> {
      const { tenant, patch } = await updateOf(dataSource.manager, input, (row) =>
        dataSource.manager.findOneByOrFail(Tenant, { id: tenantIdOf(row) }),
      );
      return deps.preview({ tenantId: tenant.id, tenantPatch: patch });
    },

    suspend: (input: LifecycleRequest) => changeState('suspend', input),
    resume: (input: LifecycleRequest) => changeState('resume', input),
    deprovision: (input: LifecycleRequest) => changeState('deprovision', input),
    /** Records a purge waiting for a second person (superadmin or reviewer); nothing is deleted yet. */
    purge: (input: LifecycleRequest) => changeState('purge', input),

    /**
     * The diff a state change would commit, without committing it (the admin shows it before
     * asking for confirmation). A purge previews its first commit: the data objects handed back
     * to Flux for deletion.
     */
    async previewAction(action: StateAction, input: LifecycleRequest): Promise<Preview> {
      const row = await loadTarget(dataSource.manager, input.actor, input.id);
      authorize(input.actor, `organization.${action}`, row);
      const tenant = await dataSource.manager.findOneByOrFail(Tenant, { id: tenantIdOf(row) });
      checkAction(input.actor, action, row, tenant);
      const rule = tenantTransitions[action];
      return deps.preview({
        tenantId: tenant.id,
        tenantPatch: { state: 'via' in rule ? rule.via : rule.to },
      });
    },
  };
}

export type TenantLifecycle<Change = unknown, Preview = unknown, View = unknown> = ReturnType<
  typeof createTenantLifecycle<Change, Preview, View>
>;
