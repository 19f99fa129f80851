import { canTransition, tenantTransitions } from '@luster/contract';
import type { DataSource } from 'typeorm';
import { type Actor, isUuid, whereAllTenantsVisible, whereVisible } from '../access/access.js';
import { authorize, authorizePlatform, isSuperadmin } from '../access/authorize.js';
import { authorizeLocked } from '../access/locked-gate.js';
import { Organization } from '../access/organization.entities.js';
import { loadVisibleOrganization } from '../access/visible-organization.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors/index.js';
import type { GitopsWriter } from '../gitops/port.js';
import { assertNoKeptDatabase } from '../tenants/lifecycle-rules.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { approvalOutlook } from './approvers.js';
import { filesOf, toView, toViews } from './change-view.js';
import { type ChangeKind, ChangeRequest, type ChangeState, TenantDrift } from './changes.entities.js';
import type { ChangesService } from './changes.service.js';
import { planRevert } from './revert-plan.js';

export interface ListChangeRequests {
  actor: Actor;
  state?: ChangeState | undefined;
  kind?: ChangeKind | undefined;
  organizationId?: string | undefined;
  /** Only the changes the actor requested ("Mine" in the admin). */
  mine?: boolean | undefined;
  /** @default 1 */
  page?: number | undefined;
  /** @default 50 */
  pageSize?: number | undefined;
}

/**
 * Change requests as people act on them (REST and GraphQL call these): the list and detail of
 * the built-in review, its decisions, and the change kinds asked for explicitly — revert,
 * re-assert (overwrite hand edits), bulk deletion. Reviewers (superadmins and the `reviewer`
 * capability, permissions.ts `changes.approve`) see every change request; everyone else sees those
 * of the organizations the golden rule lets them see.
 */
export function createChangeReview(deps: {
  dataSource: DataSource;
  changes: ChangesService;
  catalog: CatalogService;
  writer: GitopsWriter;
}) {
  const { dataSource, changes, catalog } = deps;

  const canReview = (actor: Actor) => isSuperadmin(actor) || actor.capabilities.includes('reviewer');
  const reviewer = (actor: Actor) => ({ userId: actor.userId, superadmin: isSuperadmin(actor) });

  function visibleQuery(actor: Actor) {
    const qb = dataSource.manager
      .createQueryBuilder(ChangeRequest, 'c')
      .innerJoin(Tenant, 't', 't.id = c."tenantId"')
      .innerJoin(Organization, 'o', 'o.id = t."organizationId"');
    return canReview(actor)
      ? qb
      : whereAllTenantsVisible(whereVisible(qb, 'o', actor), 'c."tenantIds"', actor);
  }

  async function loadVisible(actor: Actor, id: string): Promise<ChangeRequest> {
    if (!isUuid(id))
      throw new NotFoundError({ code: 'change_request_not_found', what: 'Change request', id });
    const change = await visibleQuery(actor).andWhere('c.id = :id', { id }).getOne();
    if (!change) throw new NotFoundError({ code: 'change_request_not_found', what: 'Change request', id });
    return change;
  }

  async function view(id: string) {
    return toView(dataSource, await dataSource.manager.findOneByOrFail(ChangeRequest, { id }));
  }

  /** A visible organization's tenant, locked in state for a change of its rendered intent. */
  async function tenantOf(actor: Actor, organizationId: string) {
    const row = await loadVisibleOrganization(dataSource.manager, actor, organizationId);
    if (!row.tenantId)
      throw new ConflictError({ code: 'no_tenant', message: 'This organization has no tenant' });
    const tenant = await dataSource.manager.findOneByOrFail(Tenant, { id: row.tenantId });
    return { row, tenant };
  }

  async function settled(change: ChangeRequest) {
    const done = change.state === 'queued' ? await changes.settle(change.id) : change;
    return view(done.id);
  }

  return {
    async list(input: ListChangeRequests) {
      const page = Math.max(input.page ?? 1, 1);
      const pageSize = Math.min(Math.max(input.pageSize ?? 50, 1), 200);
      const qb = visibleQuery(input.actor);
      if (input.state) qb.andWhere('c.state = :state', { state: input.state });
      if (input.kind) qb.andWhere('c.kind = :kind', { kind: input.kind });
      if (input.organizationId) qb.andWhere('o.id = :org', { org: input.organizationId });
      if (input.mine) qb.andWhere('c."requestedById" = :me', { me: input.actor.userId });
      const [rows, total] = await qb
        .orderBy('c.seq', 'DESC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
      return { items: await toViews(dataSource, rows), total, page, pageSize };
    },

    async get(input: { actor: Actor; id: string }) {
      const change = await loadVisible(input.actor, input.id);
      return {
        ...(await toView(dataSource, change)),
        approval: await approvalOutlook(dataSource.manager, change, canReview(input.actor)),
        files: await filesOf(deps.writer, change),
      };
    },

    async approve(input: { actor: Actor; id: string; reason?: string | undefined }) {
      authorizePlatform(input.actor, 'changes.approve');
      await loadVisible(input.actor, input.id);
      await changes.review.approve({
        changeId: input.id,
        actor: reviewer(input.actor),
        reason: input.reason,
      });
      return view(input.id);
    },

    async reject(input: { actor: Actor; id: string; reason?: string | undefined }) {
      authorizePlatform(input.actor, 'changes.approve');
      await loadVisible(input.actor, input.id);
      await changes.review.reject({ changeId: input.id, actor: reviewer(input.actor), reason: input.reason });
      return view(input.id);
    },

    async merge(input: { actor: Actor; id: string }) {
      authorizePlatform(input.actor, 'changes.approve');
      await loadVisible(input.actor, input.id);
      await changes.review.merge({ changeId: input.id, actor: reviewer(input.actor) });
      return view(input.id);
    },

    /** Approve-or-reject in one call (GraphQL's approveChangeRequest / rejectChangeRequest). */
    decide(input: { actor: Actor; id: string; approve: boolean; reason?: string | undefined }) {
      return input.approve ? this.approve(input) : this.reject(input);
    },

    /** The hand edits the reconcile pass found in the tenant's folder, or `null`. */
    async drift(input: { actor: Actor; organizationId: string }) {
      const row = await loadVisibleOrganization(dataSource.manager, input.actor, input.organizationId);
      authorize(input.actor, 'organization.read', row);
      const drift = row.tenantId
        ? await dataSource.manager.findOneBy(TenantDrift, { tenantId: row.tenantId })
        : null;
      return {
        drift: drift
          ? { detectedAt: drift.detectedAt.toISOString(), sha: drift.sha, files: drift.files }
          : null,
      };
    },

    /** Overwrites hand edits: the folder becomes exactly what synth renders from the DB. */
    async reassert(input: { actor: Actor; organizationId: string; reason?: string | undefined }) {
      authorizePlatform(input.actor, 'changes.reassert');
      const { tenant } = await tenantOf(input.actor, input.organizationId);
      if (!canTransition('reassert', tenant.state)) {
        throw invalidState(tenant.state, 'reassert');
      }
      const change = await changes.submit({
        tenantId: tenant.id,
        kind: 'reassert',
        actor: { userId: input.actor.userId },
        reason: input.reason,
        summary: 're-assert the rendered state (hand edits overwritten)',
        tenantPatch: {},
      });
      return settled(change);
    },

    /** Restores the tenant's intent as it was right after `changeId` (a new commit). */
    async revert(input: {
      actor: Actor;
      organizationId: string;
      changeId: string;
      reason?: string | undefined;
    }) {
      const { row, tenant } = await tenantOf(input.actor, input.organizationId);
      const change = await dataSource.transaction(async (tx) => {
        // Planned inside the transaction: the catalog rows it returns to stay held (FOR SHARE)
        // until the change is recorded, so a catalog deletion cannot remove them meanwhile.
        const { target, patch } = await planRevert(tx, catalog, {
          actor: input.actor,
          row,
          tenant,
          changeId: input.changeId,
        });
        await authorizeLocked(tx, input.actor, 'organization.update', row);
        return changes.submit(
          {
            tenantId: tenant.id,
            kind: 'revert',
            actor: { userId: input.actor.userId },
            reason: input.reason,
            summary: `revert to ${target.id.slice(0, 8)} (${target.summary})`,
            tenantPatch: patch,
            revertOf: target.id,
          },
          tx,
        );
      });
      return settled(change);
    },

    /** The diff `revert` would commit, with the same checks, committing nothing. */
    async previewRevert(input: { actor: Actor; organizationId: string; changeId: string }) {
      const { row, tenant } = await tenantOf(input.actor, input.organizationId);
      const { patch } = await planRevert(dataSource.manager, catalog, {
        actor: input.actor,
        row,
        tenant,
        changeId: input.changeId,
      });
      return changes.preview({ tenantId: tenant.id, tenantPatch: patch });
    },

    /**
     * Several deprovisioned tenants purged as one change: reviewed by two different superadmins,
     * its final commit is the one commit allowed to remove more than CHANGE_MAX_FOLDER_REMOVALS
     * tenant folders.
     */
    async bulkDelete(input: { actor: Actor; organizationIds: string[]; reason: string }) {
      authorizePlatform(input.actor, 'changes.bulk_delete');
      const ids = [...new Set(input.organizationIds)];
      const tenants: Tenant[] = [];
      for (const id of ids) {
        const { tenant } = await tenantOf(input.actor, id);
        if (!canTransition('bulk_delete', tenant.state)) throw invalidState(tenant.state, 'bulk delete');
        assertNoKeptDatabase(tenant);
        tenants.push(tenant);
      }
      const [first] = tenants;
      if (!first)
        throw new InvalidInputError({
          message: 'Name at least one organization',
          issues: [{ path: 'organizationIds', message: 'empty' }],
        });
      const change = await changes.submit({
        tenantId: first.id,
        tenantIds: tenants.map((t) => t.id),
        kind: 'bulk_delete',
        actor: { userId: input.actor.userId },
        reason: input.reason,
        summary: `purge ${tenants.length} tenants: ${tenants.map((t) => t.slug).join(', ')}`,
        tenantPatch: { state: tenantTransitions.bulk_delete.to },
      });
      return settled(change);
    },
  };
}

function invalidState(state: string, action: string): ConflictError {
  return new ConflictError({
    code: 'invalid_state',
    message: `Cannot ${action} a tenant that is ${state}`,
    data: { state, action },
  });
}

export type ChangeReview = ReturnType<typeof createChangeReview>;
