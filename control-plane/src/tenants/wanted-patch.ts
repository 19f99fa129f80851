import type { EntityManager } from 'typeorm';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { UpdateOrganization } from './lifecycle-ports.js';
import type { Tenant, TenantPatch } from './tenants.entities.js';

/**
 * The tenant fields an update asks for, with the theme and plugins resolved against the catalog
 * (pinning and project-type checks happen there); `effectivePatch` then drops what would not change.
 */
export async function resolveWanted(
  tx: EntityManager,
  catalog: CatalogService,
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
