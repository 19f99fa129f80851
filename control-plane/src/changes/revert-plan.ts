import { canTransition, isEditable, tenantTransitions } from '@luster/contract';
import type { EntityManager } from 'typeorm';
import { type Actor, isUuid } from '../access/access.js';
import { actingOrganization, authorize, authorizeLift } from '../access/authorize.js';
import type { VisibleOrganization } from '../access/visible-organization.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { ConflictError, NotFoundError } from '../errors/index.js';
import { effectivePatch } from '../tenants/change-summary.js';
import type { Tenant } from '../tenants/tenants.entities.js';
import { ChangeRequest, type TenantPatch } from './changes.entities.js';

/**
 * What returning a tenant to its state right after `changeId` changes, checked as the revert
 * itself checks it (the revert and its preview both run this): the change it returns to, and the
 * tenant fields that differ from that recorded state.
 */
export async function planRevert(
  manager: EntityManager,
  catalog: CatalogService,
  input: { actor: Actor; row: VisibleOrganization; tenant: Tenant; changeId: string },
): Promise<{ target: ChangeRequest; patch: TenantPatch }> {
  const { actor, row, tenant } = input;
  authorize(actor, 'organization.update', row);
  const target = isUuid(input.changeId)
    ? await manager.findOneBy(ChangeRequest, { id: input.changeId, tenantId: tenant.id })
    : null;
  if (!target)
    throw new NotFoundError({ code: 'change_request_not_found', what: 'Change request', id: input.changeId });
  if (!target.tenantSnapshot) {
    throw new ConflictError({
      code: 'revert_unavailable',
      message: 'This change recorded no state to return to',
      data: { changeRequestId: target.id },
    });
  }
  // The state it returns to must be one an edit could have left it in, too.
  if (!canTransition('revert', tenant.state) || !isEditable(target.tenantSnapshot.state)) {
    throw new ConflictError({
      code: 'invalid_state',
      message: `Cannot revert a tenant that is ${tenant.state}`,
      data: { state: tenant.state, action: 'revert' },
    });
  }
  const snap = target.tenantSnapshot;
  // The same catalog checks as an update: a theme version or plugin withdrawn since is refused,
  // unless the tenant still runs it.
  const theme = await catalog.resolveTheme(manager, {
    name: snap.themeName,
    version: snap.themeVersion,
    projectType: tenant.projectType,
    current: { name: tenant.themeName, version: tenant.themeVersion },
  });
  const plugins = await catalog.resolvePlugins(manager, snap.plugins, tenant.plugins);
  const patch: TenantPatch = effectivePatch(
    { ...tenant, displayName: row.name },
    {
      displayName: snap.displayName,
      tier: snap.tier,
      themeName: theme.name,
      themeVersion: theme.version,
      plugins,
      ...(snap.branding ? { branding: snap.branding } : {}),
    },
  );
  if (snap.tier !== tenant.tier) authorize(actor, 'organization.update_tier', row);
  const wantsSuspended = snap.state === 'suspended';
  if (wantsSuspended !== (tenant.state === 'suspended')) {
    authorize(actor, wantsSuspended ? 'organization.suspend' : 'organization.resume', row);
    if (!wantsSuspended) authorizeLift(actor, row, tenant.suspendedByOrganizationId);
    patch.state = wantsSuspended ? tenantTransitions.suspend.to : tenantTransitions.resume.to;
    patch.suspendedByOrganizationId = wantsSuspended
      ? actingOrganization(actor, 'organization.suspend', row)
      : null;
  }
  return { target, patch };
}
