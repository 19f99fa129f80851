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

/** Throws `400 role_not_allowed_here` unless `role` may be held in an organization of `kind`. */
export function checkRolePlacement(role: Role, kind: OrganizationKind): void {
  const only = onlyRoleOf[kind];
  const home = Object.entries(onlyRoleOf).find(([, r]) => r === role)?.[0];
  if (only === undefined ? home === undefined : role === only) return;
  throw new InvalidInputError({
    code: 'role_not_allowed_here',
    message:
      only === undefined
        ? `${role} is held in the ${home === 'platform' ? 'platform' : 'partner groups'} only`
        : `This organization holds ${only} members only`,
    issues: [{ path: 'role', message: 'not allowed in this organization' }],
  });
}
