import { ForbiddenError } from '../errors/index.js';
import { type Actor, roleAbove, roleAt } from './access.js';
import { type Role, roles } from './orgs.entities.js';

/**
 * The permission table: action × role. It is data, read by `authorize`, printed into
 * docs/rbac.md (`npm run docs:rbac -w control-plane`; a test fails when the two drift) and
 * iterated by the exhaustive permission tests.
 *
 * `reach` says where, within what the actor can see (the golden rule, access.ts), the action may
 * land: `visible` — any visible organization, including the actor's own; `below` — only
 * organizations strictly below the one the role is held in (an agency acts on its clients, nobody
 * suspends or purges the organization they stand in).
 */
export interface Permission {
  roles: readonly Role[];
  reach: 'visible' | 'below';
  doc: string;
}

const everyone = roles;
const admins = ['superadmin', 'agency_admin', 'client_admin'] as const satisfies readonly Role[];
const agencies = ['superadmin', 'agency_admin'] as const satisfies readonly Role[];

export const permissionTable = {
  'organization.read': {
    roles: everyone,
    reach: 'visible',
    doc: 'See the organization, its tenant, manifests, history, sync status and change requests',
  },
  'organization.create': {
    roles: agencies,
    reach: 'visible',
    doc: 'Create a client organization under this one',
  },
  'organization.update': {
    roles: admins,
    reach: 'visible',
    doc: 'Change display name, theme and plugins (a change request and a commit)',
  },
  'organization.update_tier': { roles: agencies, reach: 'below', doc: 'Change the tier' },
  'organization.suspend': {
    roles: agencies,
    reach: 'below',
    doc: 'Suspend (no pods, no traffic, data kept)',
  },
  'organization.resume': { roles: agencies, reach: 'below', doc: 'Resume a suspended organization' },
  'organization.deprovision': {
    roles: agencies,
    reach: 'below',
    doc: 'Remove the workloads; database and bucket retained',
  },
  'organization.purge': {
    roles: agencies,
    reach: 'below',
    doc: 'Request a purge (deleted only after a second person approves)',
  },
  'users.read': { roles: admins, reach: 'visible', doc: 'List the members of the organization' },
  'users.invite': { roles: admins, reach: 'visible', doc: 'Invite a user with a role at or below your own' },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof permissionTable;
export const actions = Object.keys(permissionTable) as Action[];

/** Platform-wide actions that are not about one organization. */
export const platformPermissionTable = {
  'agency_requests.review': { who: 'superadmin', doc: 'List, approve and reject agency registrations' },
  'catalog.write': { who: 'superadmin', doc: 'Edit the theme and plugin catalog' },
  'changes.approve': {
    who: 'superadmin or reviewer capability, never the requester',
    doc: 'See every change request; approve, reject and merge changes that need review (purge, bulk deletion: two superadmins)',
  },
  'changes.reassert': {
    who: 'superadmin',
    doc: "Re-assert a tenant's rendered state over hand edits found in its folder (drift)",
  },
  'changes.bulk_delete': {
    who: 'superadmin',
    doc: 'Request the purge of several deprovisioned tenants at once',
  },
} as const;

export type PlatformAction = keyof typeof platformPermissionTable;

/** Whether the table lets `role` do `action` where `relation` says the target lies. */
export function allows(action: Action, role: Role, relation: 'own' | 'below'): boolean {
  const permission: Permission = permissionTable[action];
  if (!permission.roles.includes(role)) return false;
  return permission.reach === 'visible' || relation === 'below';
}

/**
 * Throws `forbidden` unless the table allows `action` on `target` for the actor. The target was
 * loaded through the golden rule already (so it is visible); this decides what may be done there.
 */
export function authorize(actor: Actor, action: Action, target: { path: string }): void {
  const here = roleAt(actor, target);
  const above = roleAbove(actor, target);
  const ok =
    (here !== null && allows(action, here, 'own')) || (above !== null && allows(action, above, 'below'));
  if (!ok) {
    throw new ForbiddenError(`Your role does not allow '${action}' here`, 'forbidden', { action });
  }
}

export function isSuperadmin(actor: Actor): boolean {
  return actor.memberships.some((m) => m.role === 'superadmin');
}

export function authorizePlatform(actor: Actor, action: PlatformAction): void {
  const ok =
    action === 'changes.approve'
      ? isSuperadmin(actor) || actor.capabilities.includes('reviewer')
      : isSuperadmin(actor);
  if (!ok) throw new ForbiddenError(`Only the platform may '${action}'`, 'forbidden', { action });
}

/** Roles at or below `role`: what someone holding it may grant. */
export function grantableRoles(role: Role): Role[] {
  return roles.filter((r) => roles.indexOf(r) >= roles.indexOf(role));
}

/** The permission table as Markdown (docs/rbac.md is generated from it). */
export function permissionTableMarkdown(): string {
  const header = `| action | ${roles.join(' | ')} | what it allows |`;
  const rule = `|---|${roles.map(() => ':-:').join('|')}|---|`;
  const rows = actions.map((action) => {
    const p: Permission = permissionTable[action];
    const cells = roles.map((r) => (p.roles.includes(r) ? (p.reach === 'below' ? 'below' : '✓') : '–'));
    return `| \`${action}\` | ${cells.join(' | ')} | ${p.doc} |`;
  });
  const platform = Object.entries(platformPermissionTable).map(
    ([action, p]) => `| \`${action}\` | ${p.who} | ${p.doc} |`,
  );
  return [
    header,
    rule,
    ...rows,
    '',
    '| platform action | who | what it allows |',
    '|---|---|---|',
    ...platform,
  ].join('\n');
}
