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
  const ids = [...new Set(tenantIds)];
  // The four reads at once, each finding its rows from the tenant ids (a writer round waits for
  // them before it renders: one round trip instead of four one after another).
  const ofTenants = `SELECT t."organizationId" FROM tenant t WHERE t.id = ANY(CAST(:ids AS uuid[]))`;
  const [tenants, organizationRows, parentRows, themeRows] = await Promise.all([
    manager.findBy(Tenant, { id: In(ids) }),
    manager.createQueryBuilder(Organization, 'o').where(`o.id IN (${ofTenants})`, { ids }).getMany(),
    manager
      .createQueryBuilder(Organization, 'p')
      .select(['p.id', 'p.kind'])
      .where(`p.id IN (SELECT o."parentId" FROM organization o WHERE o.id IN (${ofTenants}))`, { ids })
      .getMany(),
    manager
      .createQueryBuilder(ThemeVersion, 'v')
      .where(
        `(v.name, v.version) IN (SELECT t."themeName", t."themeVersion" FROM tenant t WHERE t.id = ANY(CAST(:ids AS uuid[])))`,
        {
          ids,
        },
      )
      .getMany(),
  ]);
  const organizations = new Map(organizationRows.map((o) => [o.id, o]));
  const parents = new Map(parentRows.map((o) => [o.id, o]));
  const themes = new Map(themeRows.map((t) => [`${t.name}@${t.version}`, t]));
  for (const tenant of tenants) {
    const organization = organizations.get(tenant.organizationId);
    const theme = themes.get(`${tenant.themeName}@${tenant.themeVersion}`);
    if (!organization || !theme) continue;
    const parent = organization.parentId ? (parents.get(organization.parentId) ?? null) : null;
    result.set(tenant.id, { tenant, organization, parent, theme });
  }
  return result;
}
