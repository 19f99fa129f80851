import { type EntityManager, In } from 'typeorm';
import { Organization } from '../access/organization.entities.js';
import { ThemeVersion } from '../catalog/catalog.entities.js';
import { NotFoundError } from '../errors/index.js';
import type { TenantRows } from './tenant-spec.js';
import { Tenant } from './tenants.entities.js';

/** Loads everything a tenant's spec is derived from (no access check: callers did it). */
export async function loadTenantRows(
  manager: EntityManager,
  tenantId: string,
): Promise<TenantRows & { tenant: Tenant; organization: Organization }> {
  const tenant = await manager.findOneBy(Tenant, { id: tenantId });
  if (!tenant) throw new NotFoundError({ code: 'tenant_not_found', what: 'Tenant', id: tenantId });
  const organization = await manager.findOneByOrFail(Organization, { id: tenant.organizationId });
  const parent = organization.parentId
    ? await manager.findOne(Organization, {
        where: { id: organization.parentId },
        select: { id: true, kind: true },
      })
    : null;
  const theme = await manager.findOneBy(ThemeVersion, {
    name: tenant.themeName,
    version: tenant.themeVersion,
  });
  if (!theme)
    throw new NotFoundError({
      code: 'theme_not_found',
      what: 'Theme',
      id: `${tenant.themeName}@${tenant.themeVersion}`,
    });
  return { tenant, organization, parent, theme };
}

/**
 * `loadTenantRows` for many tenants with one query per table (the writer's batches). Tenants that
 * do not exist, or whose theme version does not, are missing from the map.
 */
export async function loadTenantRowsOf(
  manager: EntityManager,
  tenantIds: readonly string[],
): Promise<Map<string, TenantRows & { tenant: Tenant; organization: Organization }>> {
  const result = new Map<string, TenantRows & { tenant: Tenant; organization: Organization }>();
  if (tenantIds.length === 0) return result;
  const tenants = await manager.findBy(Tenant, { id: In([...new Set(tenantIds)]) });
  const organizations = new Map(
    (await manager.findBy(Organization, { id: In(tenants.map((t) => t.organizationId)) })).map((o) => [
      o.id,
      o,
    ]),
  );
  const parentIds = [...organizations.values()].flatMap((o) => (o.parentId ? [o.parentId] : []));
  const parents = new Map(
    (
      await manager.find(Organization, { where: { id: In(parentIds) }, select: { id: true, kind: true } })
    ).map((o) => [o.id, o]),
  );
  const themeKeys = [...new Set(tenants.map((t) => `${t.themeName}@${t.themeVersion}`))];
  const themes = new Map(
    (
      await manager.findBy(
        ThemeVersion,
        themeKeys.map((key) => {
          const at = key.lastIndexOf('@');
          return { name: key.slice(0, at), version: key.slice(at + 1) };
        }),
      )
    ).map((t) => [`${t.name}@${t.version}`, t]),
  );
  for (const tenant of tenants) {
    const organization = organizations.get(tenant.organizationId);
    const theme = themes.get(`${tenant.themeName}@${tenant.themeVersion}`);
    if (!organization || !theme) continue;
    const parent = organization.parentId ? (parents.get(organization.parentId) ?? null) : null;
    result.set(tenant.id, { tenant, organization, parent, theme });
  }
  return result;
}
