import type { OrganizationAction, PlatformAction } from '@luster/contract';
import { type Role, roles } from './organization.entities.js';

/**
 * The permission table: action × role. It is data, read by `authorize` (authorize.ts), printed into
 * docs/rbac.md (`npm run docs:rbac -w control-plane`; a test fails when the two drift) and
 * iterated by the exhaustive permission tests.
 *
 * `reach` says where, within what the actor can see (the golden rule, access.ts), the action may
 * land: `visible` — any visible organization, including the actor's own; `below` — only
 * organizations strictly below the one the role is held in (an agency acts on its clients, nobody
 * suspends or purges the organization they stand in).
 *
 * `gate` says what must be approved and live for the action (the approval gate, `authorize`):
 * `none` — nothing (a read); `chain` — the organization the role is held in and every organization
 * above the target; `parent` — those and the target too, which becomes the new organization's parent.
 */
export interface Permission {
  roles: readonly Role[];
  reach: 'visible' | 'below';
  gate: 'none' | 'chain' | 'parent';
  doc: string;
}

const everyone = roles;
const admins = [
  'superadmin',
  'group_admin',
  'agency_admin',
  'client_admin',
] as const satisfies readonly Role[];
/** The roles that reach down: they act on the organizations below their own. */
const agencies = ['superadmin', 'group_admin', 'agency_admin'] as const satisfies readonly Role[];

export const permissionTable = {
  'organization.read': {
    roles: everyone,
    reach: 'visible',
    gate: 'none',
    doc: 'See the organization, its tenant, manifests, history, sync status and change requests',
  },
  'organization.create': {
    roles: agencies,
    reach: 'visible',
    gate: 'parent',
    doc: 'Create a client organization under this one',
  },
  'organization.update': {
    roles: admins,
    reach: 'visible',
    gate: 'chain',
    doc: 'Change display name, theme and plugins (a change request and a commit)',
  },
  'organization.update_tier': { roles: agencies, reach: 'below', gate: 'chain', doc: 'Change the tier' },
  'organization.suspend': {
    roles: agencies,
    reach: 'below',
    gate: 'chain',
    doc: 'Suspend (no pods, no traffic, data kept)',
  },
  'organization.resume': {
    roles: agencies,
    reach: 'below',
    gate: 'chain',
    doc: 'Resume a suspended organization',
  },
  'organization.deprovision': {
    roles: agencies,
    reach: 'below',
    gate: 'chain',
    doc: 'Remove the workloads; database and bucket retained',
  },
  'organization.purge': {
    roles: agencies,
    reach: 'below',
    gate: 'chain',
    doc: 'Request a purge (deleted only after a second person approves)',
  },
  'organization.move': {
    roles: agencies,
    reach: 'below',
    gate: 'chain',
    doc: 'Move the tenant to another cluster with its data (reviewed), and release the copy it left; list the clusters accepting tenants to move to (name, region, labels, room left — held in any organization)',
  },
  'organization.restore': {
    roles: admins,
    reach: 'visible',
    gate: 'chain',
    doc: 'Restore the database to a point in time (reviewed), and release the database it replaced',
  },
  'users.read': {
    roles: admins,
    reach: 'visible',
    gate: 'none',
    doc: 'List the members of the organization',
  },
  'users.invite': {
    roles: admins,
    reach: 'visible',
    gate: 'chain',
    doc: 'Invite a user with a role at or below your own; mail such an open invitation again or withdraw it',
  },
  'users.manage': {
    roles: admins,
    reach: 'visible',
    gate: 'chain',
    doc: "Change a member's role or remove a member (or a pending invitation), never above your own role nor the last admin",
  },
  'media.read': {
    roles: everyone,
    reach: 'visible',
    gate: 'none',
    doc: "List the organization's media and get download links",
  },
  'media.write': {
    roles: ['superadmin', 'group_admin', 'agency_admin', 'client_admin', 'editor'],
    reach: 'visible',
    gate: 'chain',
    doc: 'Upload media (presigned, straight to S3) and delete it',
  },
  'domains.read': {
    roles: everyone,
    reach: 'visible',
    gate: 'none',
    doc: "See the organization's custom domains, the DNS records to create and their status",
  },
  'domains.manage': {
    roles: admins,
    reach: 'visible',
    gate: 'chain',
    doc: 'Add, re-check, set primary and remove custom domains (verified ones reach the Ingress through a change request)',
  },
  'credits.read': {
    roles: everyone,
    reach: 'visible',
    gate: 'none',
    doc: "See the organization's credit balance, limits, ledger and usage",
  },
  'credits.grant': {
    roles: agencies,
    reach: 'below',
    gate: 'chain',
    doc: "Grant credits to a client from your organization's balance (superadmin: from issuance)",
  },
  'credits.take_back': {
    roles: agencies,
    reach: 'below',
    gate: 'chain',
    doc: 'Take back unspent credits your organization granted to a client (a reversal)',
  },
  'credits.limit': {
    roles: agencies,
    reach: 'below',
    gate: 'chain',
    doc: "Set a client's monthly spend limit and overdraft",
  },
  'credits.api_keys': {
    roles: admins,
    reach: 'visible',
    gate: 'chain',
    doc: "List, issue and revoke the API keys the organization's CMS reports usage with",
  },
  'credits.buy': {
    roles: admins,
    reach: 'visible',
    gate: 'chain',
    doc: 'Buy a credit pack for the organization through Stripe Checkout, and follow that purchase',
  },
} as const satisfies Record<OrganizationAction, Permission>;

export type Action = keyof typeof permissionTable;
export const actions = Object.keys(permissionTable) as Action[];

/** Platform-wide actions that are not about one organization. */
export const platformPermissionTable = {
  'agency_requests.review': { who: 'superadmin', doc: 'List, approve and reject agency registrations' },
  'catalog.write': {
    who: 'superadmin',
    doc: 'Edit the theme and plugin catalog; delete an entry no tenant uses',
  },
  'partner_groups.manage': {
    who: 'superadmin',
    doc: 'Create and rename partner groups, move agencies into and out of them, delete an empty group (group admins are appointed by invitation: `users.invite` with role `group_admin`)',
  },
  'clusters.manage': {
    who: 'superadmin',
    doc: 'See the clusters with their tenants and health; add a cluster (its entry point is committed), change its region, capacity, labels and whether it accepts new tenants, delete an empty one; set an agency’s preferred cluster',
  },
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
  'credits.prices': { who: 'superadmin', doc: 'Set what each metered feature costs in credits' },
  'credits.packs': {
    who: 'superadmin',
    doc: 'Set the credit packs organizations can buy (credits, price, currency, offered or not)',
  },
  'auth.locks': {
    who: 'superadmin',
    doc: 'See which client address + account pairs are locked by failed sign-ins, and lift such a lock',
  },
} as const satisfies Record<PlatformAction, { who: string; doc: string }>;

export type { PlatformAction };

/** Whether the table lets `role` do `action` where `relation` says the target lies. */
export function allows(action: Action, role: Role, relation: 'own' | 'below'): boolean {
  const permission: Permission = permissionTable[action];
  if (!permission.roles.includes(role)) return false;
  return permission.reach === 'visible' || relation === 'below';
}
