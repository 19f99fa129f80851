import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '../errors/index.js';
import { type Actor, isUuid, whereVisible } from './access.js';
import type { AccessTarget } from './authorize.js';
import { Organization } from './organization.entities.js';

/** An organization loaded through the golden rule: what `authorize` decides on, and its tenant's id. */
export interface VisibleOrganization extends AccessTarget {
  name: string;
  /** Null for the platform (it has no tenant). */
  tenantId: string | null;
}

/** The columns `authorize` needs, from organizations aliased `o` with their tenant joined as `t`. */
export function selectTarget<T extends object>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb
    .select([
      'o.id AS id',
      'o.slug AS slug',
      'o.name AS name',
      'o.kind AS kind',
      'o.path AS path',
      't.id AS "tenantId"',
      't.state AS state',
    ])
    .leftJoin('tenant', 't', 't."organizationId" = o.id');
}

/**
 * Every organization above the organization aliased `o`, root first, with its tenant's state, as a
 * JSON array — what the approval gate (authorize.ts `authorize`) reads. The ids come from the
 * materialised path, so this is a primary-key lookup per level.
 */
export const ancestorsColumn = `(SELECT coalesce(json_agg(json_build_object('id', a.id, 'slug', a.slug, 'kind', a.kind, 'state', at.state)
                               ORDER BY length(a.path)), '[]'::json)
        FROM organization a LEFT JOIN tenant at ON at."organizationId" = a.id
       WHERE a.id = ANY(string_to_array(trim(both '/' from o.path), '/')::uuid[]) AND a.id <> o.id)`;

/** Adds `ancestors` (`ancestorsColumn`) to a query on organizations aliased `o`. */
export function selectAncestors<T extends object>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb.addSelect(ancestorsColumn, 'ancestors');
}

/**
 * One organization the actor may see, with what the approval gate reads, or 404
 * `organization_not_found` (an invisible organization and a missing one look the same, so the
 * answer tells nothing about what lies outside the visible set). A feature that shows more of the
 * organization passes `columns`, which selects from `o` and its tenant `t` (and must keep the
 * columns of `VisibleOrganization`).
 */
export async function loadVisibleOrganization<R extends VisibleOrganization = VisibleOrganization>(
  manager: EntityManager,
  actor: Actor,
  id: string,
  columns: <T extends object>(qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T> = selectTarget,
): Promise<R> {
  if (!isUuid(id)) throw new NotFoundError({ code: 'organization_not_found', what: 'Organization', id });
  const qb = selectAncestors(columns(manager.createQueryBuilder(Organization, 'o'))).where('o.id = :id', {
    id,
  });
  const row = await whereVisible(qb, 'o', actor).getRawOne<R>();
  if (!row) throw new NotFoundError({ code: 'organization_not_found', what: 'Organization', id });
  return row;
}
