/**
 * What the interface offers a person, from their roles and platform
 * capabilities (mirrors control-plane/src/access/permissions.ts). The server
 * enforces every rule again (the golden rule lives there); this only avoids
 * showing buttons that would be refused.
 */
import type { PlatformAction } from '@luster/contract';
import type { Organization, Role, User } from '../api/models';

const rank: Record<Role, number> = {
  superadmin: 6,
  group_admin: 5,
  agency_admin: 4,
  client_admin: 3,
  editor: 2,
  viewer: 1,
};
/** Strongest first, as the server lists them. */
const roles = Object.keys(rank) as Role[];
/** Roles whose grant reaches every organization below the one they are held in. */
const reachesDown: readonly Role[] = ['superadmin', 'group_admin', 'agency_admin'];
/** Who may invite members at all (`users.invite`); which roles, `grantableRoles` says. */
const orgAdmins: readonly Role[] = ['superadmin', 'group_admin', 'agency_admin', 'client_admin'];

function strongest(candidates: readonly Role[]): Role | null {
  let best: Role | null = null;
  for (const role of candidates) if (!best || rank[role] > rank[best]) best = role;
  return best;
}

/** The strongest role a person holds anywhere. */
export function primaryRole(user: User | null): Role | null {
  return strongest((user?.memberships ?? []).map((m) => m.role));
}

/**
 * The role the person holds at `org`, which must be an organization the API returned to them
 * (so one they can see): a membership there, a superadmin's, or an agency admin's at its parent.
 * Seen without any of those, it lies deeper below an agency the person administers. The only
 * ancestor known here is the parent, so an agency admin's grant further up is missed when the
 * person also holds a role at the organization itself: this may understate, never overstate.
 */
export function roleAt(user: User | null, org: Pick<Organization, 'id' | 'parentId'>): Role | null {
  const memberships = user?.memberships ?? [];
  const covering = memberships.filter(
    (m) =>
      m.role === 'superadmin' ||
      m.organizationId === org.id ||
      (reachesDown.includes(m.role) && m.organizationId === org.parentId),
  );
  const through = covering.length > 0 ? covering : memberships.filter((m) => reachesDown.includes(m.role));
  return strongest(through.map((m) => m.role));
}

/**
 * The roles the person may grant at `org`, strongest first: those at or below their own there;
 * superadmin on the platform only and group_admin in partner groups only, and nothing else there.
 */
export function grantableRoles(
  user: User | null,
  org: Pick<Organization, 'id' | 'parentId' | 'kind'>,
): Role[] {
  const own = roleAt(user, org);
  if (own === null || !orgAdmins.includes(own)) return [];
  return roles.filter(
    (r) =>
      rank[r] <= rank[own] &&
      (r === 'superadmin') === (org.kind === 'platform') &&
      (r === 'group_admin') === (org.kind === 'partner_group'),
  );
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
  | 'liftSignInLocks';

const byRole: Record<Role, Capability[]> = {
  superadmin: ['switchContext', 'seeAllOrganizations', 'createClients', 'seeChanges'],
  group_admin: ['switchContext', 'createClients', 'seeChanges'],
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
};

export function can(user: User | null, capability: Capability): boolean {
  if (!user) return false;
  const platformAction = fromPlatformTable[capability];
  if (platformAction) return user.platformActions.includes(platformAction);
  // Whoever reviews changes sees their queue, whatever role they hold.
  if (capability === 'seeChanges' && user.platformActions.includes('changes.approve')) return true;
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
