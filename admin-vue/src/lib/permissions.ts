/**
 * What the interface offers a person, from their roles and platform
 * capabilities (mirrors control-plane/src/orgs/permissions.ts). The server
 * enforces every rule again (the golden rule lives there); this only avoids
 * showing buttons that would be refused.
 */
import type { Role, User } from '../types';

const rank: Record<Role, number> = { superadmin: 5, agency_admin: 4, client_admin: 3, editor: 2, viewer: 1 };

/** The strongest role a person holds anywhere. */
export function primaryRole(user: User | null): Role | null {
  let best: Role | null = null;
  for (const m of user?.memberships ?? []) if (!best || rank[m.role] > rank[best]) best = m.role;
  return best;
}

export type Capability =
  /** Header context switcher. */
  | 'switchContext'
  | 'seeAllOrganizations'
  /** Theme and plugins (organization.update). */
  | 'updateTenants'
  /** Tier, suspend, resume, deprovision, purge — on organizations below one's own. */
  | 'operateTenants'
  /** See the change-request queue. */
  | 'seeChanges'
  /** Approve / reject / merge (superadmin or the `reviewer` capability). */
  | 'reviewChanges'
  | 'reviewAgencies';

const byRole: Record<Role, Capability[]> = {
  superadmin: [
    'switchContext',
    'seeAllOrganizations',
    'updateTenants',
    'operateTenants',
    'seeChanges',
    'reviewChanges',
    'reviewAgencies',
  ],
  agency_admin: ['switchContext', 'updateTenants', 'operateTenants', 'seeChanges'],
  client_admin: ['updateTenants', 'seeChanges'],
  editor: [],
  viewer: [],
};

export function can(user: User | null, capability: Capability): boolean {
  if (!user) return false;
  if (
    user.capabilities.includes('reviewer') &&
    (capability === 'reviewChanges' || capability === 'seeChanges')
  )
    return true;
  const role = primaryRole(user);
  return role !== null && byRole[role].includes(capability);
}

export const roleLabels: Record<Role, string> = {
  superadmin: 'Superadmin',
  agency_admin: 'Agency admin',
  client_admin: 'Client admin',
  editor: 'Editor',
  viewer: 'Viewer',
};
