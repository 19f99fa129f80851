import { isDeepStrictEqual } from 'node:util';
import { tenantTransitions } from '@luster/contract';
import type { EntityManager } from 'typeorm';
import { Organization } from '../access/organization.entities.js';
import { ThemeVersion } from '../catalog/catalog.entities.js';
import { NotFoundError } from '../errors/index.js';
import type { loadTenantRows } from '../tenants/tenant-rows.js';
import { Tenant } from '../tenants/tenants.entities.js';
import type { ChangeRequest, TenantPatch, TenantSnapshot } from './changes.entities.js';

type Rows = Awaited<ReturnType<typeof loadTenantRows>>;

/** Applies a patch to the tenant row (and the organization's display name). */
export async function applyPatch(
  manager: EntityManager,
  tenantId: string,
  patch: TenantPatch,
): Promise<void> {
  const { displayName, ...tenantFields } = patch;
  if (Object.keys(tenantFields).length > 0) {
    await manager.update(Tenant, { id: tenantId }, tenantFields as Partial<Tenant>);
  }
  if (displayName !== undefined) {
    const tenant = await manager.findOneByOrFail(Tenant, { id: tenantId });
    await manager.update(Organization, { id: tenant.organizationId }, { name: displayName });
  }
}

/** The fields `patch` sets, as the rows hold them now (what a failed commit restores). */
export async function valuesBefore(
  manager: EntityManager,
  tenantId: string,
  patch: TenantPatch,
): Promise<TenantPatch> {
  // A provision patches nothing: two reads saved, made while the placement holds its cluster's lock.
  if (Object.keys(patch).length === 0) return {};
  const tenant = await manager.findOneByOrFail(Tenant, { id: tenantId });
  const organization = await manager.findOneByOrFail(Organization, { id: tenant.organizationId });
  const current: Required<TenantPatch> = {
    displayName: organization.name,
    tier: tenant.tier,
    themeName: tenant.themeName,
    themeVersion: tenant.themeVersion,
    plugins: tenant.plugins,
    branding: tenant.branding,
    state: tenant.state as Required<TenantPatch>['state'],
    suspendedByOrganizationId: tenant.suspendedByOrganizationId,
    customDomains: tenant.customDomains,
    primaryDomain: tenant.primaryDomain,
    cluster: tenant.cluster,
    database: tenant.database,
  };
  return Object.fromEntries(
    Object.keys(patch).map((key) => [key, current[key as keyof TenantPatch]]),
  ) as TenantPatch;
}

/**
 * Undoes a change whose commit failed: each field it patched goes back to `before`, unless a
 * later change (queued behind it) has set that field since — that intent is not ours to drop.
 */
export async function restoreBefore(
  manager: EntityManager,
  change: Pick<ChangeRequest, 'tenantId' | 'tenantPatch' | 'tenantBefore'>,
): Promise<void> {
  if (!change.tenantBefore) return;
  const now = await valuesBefore(manager, change.tenantId, change.tenantPatch);
  const untouched = Object.fromEntries(
    Object.entries(change.tenantBefore).filter(([key]) =>
      isDeepStrictEqual(now[key as keyof TenantPatch], change.tenantPatch[key as keyof TenantPatch]),
    ),
  ) as TenantPatch;
  if (Object.keys(untouched).length > 0) await applyPatch(manager, change.tenantId, untouched);
}

/** The rows as they will be once `patch` is applied, without writing anything (previews, review branches). */
export async function patchedRows(manager: EntityManager, rows: Rows, patch: TenantPatch): Promise<Rows> {
  const { displayName, ...tenantFields } = patch;
  const tenant = Object.assign(Object.create(Object.getPrototypeOf(rows.tenant)), rows.tenant, tenantFields);
  const organization = Object.assign(
    Object.create(Object.getPrototypeOf(rows.organization)),
    rows.organization,
    displayName === undefined ? {} : { name: displayName },
  );
  let theme = rows.theme;
  if (tenantFields.themeName || tenantFields.themeVersion) {
    const found = await manager.findOneBy(ThemeVersion, {
      name: tenant.themeName,
      version: tenant.themeVersion,
    });
    if (!found)
      throw new NotFoundError({
        code: 'theme_not_found',
        what: 'Theme',
        id: `${tenant.themeName}@${tenant.themeVersion}`,
      });
    theme = found;
  }
  return { ...rows, tenant, organization, theme };
}

/**
 * What a change does to its tenants' rows. Purges are two commits (purge.ts): the merge hands the
 * data to Flux (`purging`), the finalize removes the folder (`deleted`).
 */
export function patchFor(change: Pick<ChangeRequest, 'kind' | 'tenantPatch' | 'purgeStage'>): TenantPatch {
  if (change.kind === 'purge' || change.kind === 'bulk_delete') {
    const { via, to } = tenantTransitions[change.kind];
    return { state: change.purgeStage === 'finalize' ? to : via };
  }
  return change.tenantPatch;
}

/** The tenant's intent as a revert would restore it. */
export function snapshotOf(rows: Rows): TenantSnapshot {
  return {
    displayName: rows.organization.name,
    tier: rows.tenant.tier,
    themeName: rows.tenant.themeName,
    themeVersion: rows.tenant.themeVersion,
    plugins: [...rows.tenant.plugins].sort(),
    branding: { ...rows.tenant.branding },
    state: rows.tenant.state,
  };
}

export function tenantIdsOf(change: Pick<ChangeRequest, 'tenantId' | 'tenantIds'>): string[] {
  return change.tenantIds?.length ? change.tenantIds : [change.tenantId];
}
