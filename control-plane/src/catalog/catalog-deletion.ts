import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access.js';
import { authorizePlatform } from '../access/authorize.js';
import { ConflictError, NotFoundError } from '../errors/index.js';
import { Plugin, ThemeVersion } from './catalog.entities.js';

/** An organization that still relies on a catalog entry, as a 409 names it. */
export interface UsingOrganization {
  id: string;
  slug: string;
  name: string;
}

/**
 * Tenants still on the entry (a deleted tenant's row is only a record; a rejected one never ran),
 * and tenants an open change would move onto it: a reviewed change's patch waits in its row until
 * the merge, and a direct one is applied to the tenant row in the transaction that records it.
 * `tenantMatch` and `patchMatch` are SQL conditions on `t` (tenant) and `c."tenantPatch"`.
 */
async function usingOrganizations(
  manager: EntityManager,
  tenantMatch: string,
  patchMatch: string,
  params: unknown[],
): Promise<UsingOrganization[]> {
  return manager.query(
    `SELECT DISTINCT o.id, o.slug, o.name FROM tenant t JOIN organization o ON o.id = t."organizationId"
     WHERE (t.state NOT IN ('deleted', 'rejected') AND ${tenantMatch})
        OR t.id IN (SELECT c."tenantId" FROM change_request c
                    WHERE c.state IN ('queued', 'pending_review', 'approved') AND ${patchMatch})
     ORDER BY o.slug`,
    params,
  );
}

function inUse(what: string, organizations: UsingOrganization[]): ConflictError {
  const shown = organizations.slice(0, 10).map((o) => o.name);
  const more = organizations.length > shown.length ? ` and ${organizations.length - shown.length} more` : '';
  return new ConflictError({
    code: 'catalog_entry_in_use',
    message: `${what} is still used by ${shown.join(', ')}${more}: move them off it first, or withdraw it instead`,
    data: { organizations },
  });
}

/**
 * Deleting catalog entries no tenant uses. The row is locked FOR UPDATE before the uses are
 * counted: a change relying on it (an update, a revert) reads it FOR SHARE in its own transaction
 * (catalog.service.ts), so either that change commits first and is counted here, or this deletion
 * commits first and the change finds the entry gone — never a tenant on a deleted entry.
 */
export function createCatalogDeletion(dataSource: DataSource) {
  return {
    async deleteTheme(input: { actor: Actor; name: string; version: string }): Promise<void> {
      authorizePlatform(input.actor, 'catalog.write');
      const { name, version } = input;
      await dataSource.transaction(async (tx) => {
        const theme = await tx.findOne(ThemeVersion, {
          where: { name, version },
          lock: { mode: 'pessimistic_write' },
        });
        if (!theme)
          throw new NotFoundError({ code: 'theme_not_found', what: 'Theme', id: `${name}@${version}` });
        if (theme.defaultFor.length > 0) {
          // New tenants of that project type would get it: registrations would fail without it.
          throw new ConflictError({
            code: 'catalog_entry_in_use',
            message: `Theme ${name} ${version} is the default for new ${theme.defaultFor.join(', ')} tenants: make another version the default first`,
            data: { organizations: [], defaultFor: theme.defaultFor },
          });
        }
        const users = await usingOrganizations(
          tx,
          't."themeName" = $1 AND t."themeVersion" = $2',
          `c."tenantPatch"->>'themeName' = $1 AND c."tenantPatch"->>'themeVersion' = $2`,
          [name, version],
        );
        if (users.length > 0) throw inUse(`Theme ${name} ${version}`, users);
        await tx.delete(ThemeVersion, { name, version });
      });
    },

    async deletePlugin(input: { actor: Actor; key: string }): Promise<void> {
      authorizePlatform(input.actor, 'catalog.write');
      const { key } = input;
      await dataSource.transaction(async (tx) => {
        const plugin = await tx.findOne(Plugin, { where: { key }, lock: { mode: 'pessimistic_write' } });
        if (!plugin) throw new NotFoundError({ code: 'plugin_not_found', what: 'Plugin', id: key });
        const users = await usingOrganizations(tx, '$1 = ANY(t.plugins)', `c."tenantPatch"->'plugins' ? $1`, [
          key,
        ]);
        if (users.length > 0) throw inUse(`Plugin ${key}`, users);
        await tx.delete(Plugin, { key });
      });
    },
  };
}
