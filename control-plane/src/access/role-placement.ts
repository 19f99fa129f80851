import { InvalidInputError } from '../errors/index.js';
import type { OrganizationKind, Role } from './organization.entities.js';

/**
 * Roles tied to one kind of organization: superadmins stand on the platform and group admins on
 * partner groups, and those organizations hold no other role (neither has a site of its own to
 * edit or view). Every other role belongs to agencies and client organizations.
 */
const onlyRoleOf: Partial<Record<OrganizationKind, Role>> = {
  platform: 'superadmin',
  partner_group: 'group_admin',
};

/** The home kind of a role tied to one kind of organization; undefined for the others. */
const homeOf = (role: Role) => Object.entries(onlyRoleOf).find(([, r]) => r === role)?.[0];

/** Whether `role` may be held in an organization of `kind`. */
export function fitsPlacement(role: Role, kind: OrganizationKind): boolean {
  const only = onlyRoleOf[kind];
  return only === undefined ? homeOf(role) === undefined : role === only;
}

/** Throws `400 role_not_allowed_here` unless `role` may be held in an organization of `kind`. */
export function checkRolePlacement(role: Role, kind: OrganizationKind): void {
  if (fitsPlacement(role, kind)) return;
  const only = onlyRoleOf[kind];
  const home = homeOf(role);
  throw new InvalidInputError({
    code: 'role_not_allowed_here',
    message:
      only === undefined
        ? `${role} is held in the ${home === 'platform' ? 'platform' : 'partner groups'} only`
        : `This organization holds ${only} members only`,
    issues: [{ path: 'role', message: 'not allowed in this organization' }],
  });
}
