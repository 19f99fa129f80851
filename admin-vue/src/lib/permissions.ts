/**
 * What the interface offers a person, from their roles. The server enforces
 * every rule again (the golden rule lives there); this only avoids showing
 * buttons that would be refused.
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
  | 'switchContext'
  | 'seeAllOrganizations'
  | 'manageTenants'
  | 'reviewChanges'
  | 'reviewAgencies';

const capabilities: Record<Role, Capability[]> = {
  superadmin: ['switchContext', 'seeAllOrganizations', 'manageTenants', 'reviewChanges', 'reviewAgencies'],
  agency_admin: ['switchContext', 'manageTenants', 'reviewChanges'],
  client_admin: ['manageTenants', 'reviewChanges'],
  editor: [],
  viewer: [],
};

export function can(user: User | null, capability: Capability): boolean {
  const role = primaryRole(user);
  return role !== null && capabilities[role].includes(capability);
}

export const roleLabels: Record<Role, string> = {
  superadmin: 'Superadmin',
  agency_admin: 'Agency admin',
  client_admin: 'Client admin',
  editor: 'Editor',
  viewer: 'Viewer',
};
