/**
 * Which menus and pages the interface shows a person: the platform table's
 * rows come from the server (`platformActions` on /me), and what may be done on
 * one organization — including which roles may be granted there — from each
 * organization view (`allowedActions`, `grantableRoles`). What is left here is
 * navigation by the person's strongest role (who gets a switcher, a change
 * queue, an "Add a client" page); the server refuses anything not allowed.
 */
import type { PlatformAction } from '@luster/contract';
import type { Role, User } from '../api/models';

const rank: Record<Role, number> = {
  superadmin: 6,
  group_admin: 5,
  agency_admin: 4,
  client_admin: 3,
  editor: 2,
  viewer: 1,
};

function strongest(candidates: readonly Role[]): Role | null {
  let best: Role | null = null;
  for (const role of candidates) if (!best || rank[role] > rank[best]) best = role;
  return best;
}

/** The strongest role a person holds anywhere. */
export function primaryRole(user: User | null): Role | null {
  return strongest((user?.memberships ?? []).map((m) => m.role));
}

export type Capability =
  /** Header context switcher. */
  | 'switchContext'
  | 'seeAllOrganizations'
  /** Edit the theme and plugin catalog (catalog.write). */
  | 'editCatalog'
  /** Add client organizations (organization.create, under an agency or the platform). */
  | 'createClients'
  /** See the change-request queue. */
  | 'seeChanges'
  /** Approve / reject / merge (superadmin or the `reviewer` capability). */
  | 'reviewChanges'
  | 'reviewAgencies'
  /** See and lift sign-in locks (`auth.locks`). */
  | 'liftSignInLocks'
  /** Request the purge of several deprovisioned organizations (`changes.bulk_delete`). */
  | 'requestBulkDeletion'
  /** Overwrite a tenant's hand edits with the render (`changes.reassert`). */
  | 'reassert'
  /** Create, fill and delete partner groups (`partner_groups.manage`). */
  | 'managePartnerGroups'
  /** See the Partner groups page: managers, and group admins (their own group). */
  | 'seePartnerGroups'
  /** The Clusters page: add, change and delete clusters (`clusters.manage`). */
  | 'manageClusters';

const byRole: Record<Role, Capability[]> = {
  superadmin: ['switchContext', 'seeAllOrganizations', 'createClients', 'seeChanges'],
  group_admin: ['switchContext', 'createClients', 'seeChanges', 'seePartnerGroups'],
  agency_admin: ['switchContext', 'createClients', 'seeChanges'],
  client_admin: ['seeChanges'],
  editor: [],
  viewer: [],
};

/** Capabilities that are rows of the server's platform table: `GET /me` lists them (`platformActions`). */
const fromPlatformTable: Partial<Record<Capability, PlatformAction>> = {
  editCatalog: 'catalog.write',
  reviewChanges: 'changes.approve',
  reviewAgencies: 'agency_requests.review',
  liftSignInLocks: 'auth.locks',
  requestBulkDeletion: 'changes.bulk_delete',
  reassert: 'changes.reassert',
  managePartnerGroups: 'partner_groups.manage',
  manageClusters: 'clusters.manage',
};

export function can(user: User | null, capability: Capability): boolean {
  if (!user) return false;
  const platformAction = fromPlatformTable[capability];
  if (platformAction) return user.platformActions.includes(platformAction);
  // Whoever reviews changes sees their queue, whatever role they hold.
  if (capability === 'seeChanges' && user.platformActions.includes('changes.approve')) return true;
  if (capability === 'seePartnerGroups' && user.platformActions.includes('partner_groups.manage'))
    return true;
  const role = primaryRole(user);
  return role !== null && byRole[role].includes(capability);
}

export const roleLabels: Record<Role, string> = {
  superadmin: 'Superadmin',
  group_admin: 'Group admin',
  agency_admin: 'Agency admin',
  client_admin: 'Client admin',
  editor: 'Editor',
  viewer: 'Viewer',
};
