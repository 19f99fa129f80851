import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ForbiddenError, InvalidInputError } from '../errors/index.js';
import type { PlatformCapability } from '../users/users.entities.js';
import { Organization, type OrganizationKind, type Role } from './organization.entities.js';

/**
 * THE GOLDEN RULE ("everything down, nothing up") lives in this file and nowhere else:
 *
 *   superadmin        → every organization
 *   group_admin       → its partner group and every descendant: the group's agencies and all below
 *   agency_admin      → its organization and every descendant (a prefix of the materialised path)
 *   everyone else     → their own organization only
 *
 * `visibleOrganizations(actor)` yields that set as a SQL condition that every query — REST and
 * GraphQL, lists and single reads, and the reads that precede every write — puts in its WHERE
 * clause, so nothing outside it is ever loaded (no filtering of results afterwards). `covers` and
 * `roleAt` use the same reach to answer "which roles does the actor hold here", which the
 * permission table reads.
 */

export const roleRank: Record<Role, number> = {
  viewer: 1,
  editor: 2,
  client_admin: 3,
  agency_admin: 4,
  group_admin: 5,
  superadmin: 6,
};

/** Roles whose grant reaches every descendant of their organization. */
const reachesDown: ReadonlySet<Role> = new Set<Role>(['superadmin', 'group_admin', 'agency_admin']);

export interface ActorMembership {
  organizationId: string;
  /** The organization's materialised path `/<root>/…/<id>/`. */
  path: string;
  kind: OrganizationKind;
  role: Role;
}

/** Who is asking, as loaded from the database for this request (never from token claims alone). */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  emailVerified: boolean;
  memberships: ActorMembership[];
  capabilities: PlatformCapability[];
  /** The organization context the request named (`X-Org-Context`), already checked; null = all visible. */
  context: { organizationId: string; path: string } | null;
}

/** Whether a membership's grant covers an organization at `path`. */
export function covers(membership: ActorMembership, path: string): boolean {
  if (membership.role === 'superadmin') return true;
  if (reachesDown.has(membership.role)) return path.startsWith(membership.path);
  return path === membership.path;
}

/** The visible set, in the shape the SQL condition is built from. */
export type Visibility =
  | { all: true }
  | {
      all: false;
      /** Whole subtrees (paths; each matches itself and its descendants). */
      subtrees: string[];
      /** Single organizations. */
      ids: string[];
    };

/** The golden rule: the organizations `actor` may see, narrowed to the request's context if one was named. */
export function visibleOrganizations(actor: Actor): Visibility {
  const isSuperadmin = actor.memberships.some((m) => m.role === 'superadmin');
  let visibility: Visibility = isSuperadmin
    ? { all: true }
    : {
        all: false,
        subtrees: actor.memberships.filter((m) => reachesDown.has(m.role)).map((m) => m.path),
        ids: actor.memberships.filter((m) => !reachesDown.has(m.role)).map((m) => m.organizationId),
      };
  if (actor.context) visibility = narrow(actor, visibility, actor.context);
  return visibility;
}

/** Intersects with the context: the context organization and those below it that stay visible. */
function narrow(actor: Actor, visibility: Visibility, context: { organizationId: string; path: string }) {
  // The context itself was checked to be visible; what of its subtree stays visible depends on reach.
  const reachesSubtree =
    visibility.all || actor.memberships.some((m) => reachesDown.has(m.role) && covers(m, context.path));
  const narrowed: Visibility = reachesSubtree
    ? { all: false, subtrees: [context.path], ids: [] }
    : { all: false, subtrees: [], ids: [context.organizationId] };
  return narrowed;
}

/**
 * The golden rule as SQL on organizations aliased `alias`, or null when everything is visible.
 * Parameter names carry the alias, so it composes with any other condition of the query. A query
 * that joins the organization only to apply the rule asks this once and skips the join on null.
 */
export function visibleCondition(
  alias: string,
  actor: Actor,
): { sql: string; params: Record<string, unknown> } | null {
  const visibility = visibleOrganizations(actor);
  if (visibility.all) return null;
  const n = alias.replace(/\W/g, '_');
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  visibility.subtrees.forEach((path, i) => {
    clauses.push(`${alias}.path LIKE :vis_${n}_p${i}`);
    params[`vis_${n}_p${i}`] = `${escapeLike(path)}%`;
  });
  if (visibility.ids.length > 0) {
    clauses.push(`${alias}.id IN (:...vis_${n}_ids)`);
    params[`vis_${n}_ids`] = visibility.ids;
  }
  // No membership at all: nothing is visible.
  return { sql: clauses.length ? `(${clauses.join(' OR ')})` : 'FALSE', params };
}

/** Adds the golden rule to a query on organizations aliased `alias`: `AND (<alias> is visible)`. */
export function whereVisible<T extends object>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  actor: Actor,
): SelectQueryBuilder<T> {
  const condition = visibleCondition(alias, actor);
  return condition ? qb.andWhere(condition.sql, condition.params) : qb;
}

/**
 * The golden rule for a row about several tenants (a bulk deletion lists every tenant it purges,
 * by slug, with their diffs): `AND every tenant in <tenantIdsColumn> is of a visible organization`.
 * Seeing one of them is not enough, since the row shows them all.
 */
export function whereAllTenantsVisible<T extends object>(
  qb: SelectQueryBuilder<T>,
  tenantIdsColumn: string,
  actor: Actor,
): SelectQueryBuilder<T> {
  const condition = visibleCondition('all_vis_o', actor);
  if (!condition) return qb;
  return qb.andWhere(
    `NOT EXISTS (SELECT 1 FROM tenant all_vis_t JOIN organization all_vis_o ON all_vis_o.id = all_vis_t."organizationId"
                  WHERE all_vis_t.id = ANY(${tenantIdsColumn}) AND NOT ${condition.sql})`,
    condition.params,
  );
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The golden rule for something already in hand (an event on the live stream), from the same
 * visible set: whether an organization with this id and materialised path is visible.
 */
export function isVisible(visibility: Visibility, org: { id: string; path: string }): boolean {
  if (visibility.all) return true;
  return (
    visibility.ids.includes(org.id) || visibility.subtrees.some((subtree) => org.path.startsWith(subtree))
  );
}

/**
 * The strongest role the actor holds at an organization (with its path), or null when it is not
 * visible. A role held higher up counts only if it reaches down (superadmin, group_admin, agency_admin).
 */
export function roleAt(actor: Actor, target: { path: string }): Role | null {
  let best: Role | null = null;
  for (const m of actor.memberships) {
    if (covers(m, target.path) && (best === null || roleRank[m.role] > roleRank[best])) best = m.role;
  }
  return best;
}

/** The actor's strongest role anywhere (what the JWT's `roles` claim and the UI summarise). */
export function highestRole(actor: Pick<Actor, 'memberships'>): Role | null {
  let best: Role | null = null;
  for (const m of actor.memberships) if (best === null || roleRank[m.role] > roleRank[best]) best = m.role;
  return best;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves the `X-Org-Context` header: absent or `all` → every visible organization (`all` only
 * for superadmins, as in the admin's switcher); an organization id → that organization, which must
 * be visible. Uses the golden rule itself, so a context can never widen what is seen.
 */
export async function resolveContext(
  manager: EntityManager,
  actor: Actor,
  header: string | undefined,
): Promise<Actor['context']> {
  if (header === undefined || header === '') return null;
  if (header === 'all') {
    if (!actor.memberships.some((m) => m.role === 'superadmin')) {
      throw new ForbiddenError({
        code: 'org_context_forbidden',
        message: 'Only superadmins may choose all organizations',
      });
    }
    return null;
  }
  if (!UUID.test(header)) {
    throw new InvalidInputError({
      code: 'org_context_invalid',
      message: "X-Org-Context must be an organization id or 'all'",
      issues: [{ path: 'X-Org-Context', message: 'not an organization id' }],
    });
  }
  const qb = manager
    .createQueryBuilder(Organization, 'o')
    .select(['o.id', 'o.path'])
    .where('o.id = :id', { id: header });
  const org = await whereVisible(qb, 'o', { ...actor, context: null }).getOne();
  if (!org) {
    throw new ForbiddenError({
      code: 'org_context_forbidden',
      message: 'That organization is not in your visible set',
      data: {
        organizationId: header,
      },
    });
  }
  return { organizationId: org.id, path: org.path };
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
