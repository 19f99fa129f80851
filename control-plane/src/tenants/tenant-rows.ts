import type { EntityManager } from 'typeorm';
import { ThemeVersion } from '../catalog/catalog.entities.js';
import { NotFoundError } from '../errors/index.js';
import { Organization } from '../orgs/orgs.entities.js';
import type { TenantRows } from './tenant-spec.js';
import { Tenant } from './tenants.entities.js';

/** Loads everything a tenant's spec is derived from (no access check: callers did it). */
export async function loadTenantRows(
  manager: EntityManager,
  tenantId: string,
): Promise<TenantRows & { tenant: Tenant; organization: Organization }> {
  const tenant = await manager.findOneBy(Tenant, { id: tenantId });
  if (!tenant) throw new NotFoundError('Tenant', tenantId, 'tenant_not_found');
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
    throw new NotFoundError('Theme', `${tenant.themeName}@${tenant.themeVersion}`, 'theme_not_found');
  return { tenant, organization, parent, theme };
}
