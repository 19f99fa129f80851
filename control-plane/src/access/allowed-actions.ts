import {
  canTransition,
  isEditable,
  type OrganizationAction,
  organizationActions,
  type PlatformAction,
  platformActions,
  type TenantAction,
} from '@luster/contract';
import { DomainError } from '../errors/index.js';
import { type Actor, roleAt, roleRank } from './access.js';
import { type AccessTarget, authorizePlatform, isAuthorized, mayLift } from './authorize.js';
import { type Role, roles } from './organization.entities.js';
import { fitsPlacement } from './role-placement.js';

/** An organization as its view knows it: what `authorize` reads and who suspended its tenant. */
export interface ActionTarget extends AccessTarget {
  /** The organization that imposed the tenant's suspension (`authorizeLift`); null when none is recorded. */
  suspendedByOrganizationId: string | null;
}

/** The actions that move the tenant through its lifecycle, by the transition each one takes. */
const transitions: Partial<Record<OrganizationAction, TenantAction>> = {
  'organization.suspend': 'suspend',
  'organization.resume': 'resume',
  'organization.deprovision': 'deprovision',
  'organization.purge': 'purge',
};

/** Actions that need a tenant to act on (the platform has none): its custom domains. */
const onTenant: readonly OrganizationAction[] = ['domains.manage'];

/** Actions that replace a running tenant's database (moves/): only while it is live. */
const onLiveTenant: readonly OrganizationAction[] = ['organization.move', 'organization.restore'];

/** Actions on what is rendered: only while the tenant may be edited. */
const edits: readonly OrganizationAction[] = ['organization.update', 'organization.update_tier'];

/**
 * The actions `actor` may take on `target` now: those the permission table and the approval gate
 * allow (`authorize`, the very check the write runs) whose tenant is in a state the action leaves
 * from (`tenantTransitions`), and — for resume — whose suspension the actor may lift. The admin
 * shows exactly these controls; the write checks everything again when it happens.
 */
export function allowedActions(actor: Actor, target: ActionTarget): OrganizationAction[] {
  return organizationActions.filter(
    (action) => availableIn(action, target) && permits(actor, action, target),
  );
}

/**
 * Whether the target's tenant is in a state the action applies to (the platform has no tenant),
 * and clients may be created in it: a partner group holds agencies only (lifecycle.ts refuses).
 */
function availableIn(action: OrganizationAction, target: ActionTarget): boolean {
  if (action === 'organization.create') return target.kind !== 'partner_group';
  const transition = transitions[action];
  if (transition) return target.state !== null && canTransition(transition, target.state);
  if (edits.includes(action)) return target.state !== null && isEditable(target.state);
  if (onTenant.includes(action)) return target.state !== null;
  if (onLiveTenant.includes(action)) return target.state === 'active';
  return true;
}

/** `authorize` (and for resume `authorizeLift`) would let the actor do it: the checks the write runs. */
function permits(actor: Actor, action: OrganizationAction, target: ActionTarget): boolean {
  return (
    isAuthorized(actor, action, target) &&
    (action !== 'organization.resume' || mayLift(actor, target, target.suspendedByOrganizationId))
  );
}

/**
 * The platform-wide actions `actor` may take (`authorizePlatform`, the check the routes run): all
 * of them for a superadmin, reviewing changes for a holder of the reviewer capability.
 */
export function allowedPlatformActions(actor: Pick<Actor, 'memberships' | 'capabilities'>): PlatformAction[] {
  return platformActions.filter((action) => {
    try {
      authorizePlatform(actor, action);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'forbidden') return false;
      throw error;
    }
  });
}

/**
 * The roles `actor` may grant at `target` (invite or change a member to), strongest first: none
 * without `users.invite` there; otherwise those at or below the actor's own role there that an
 * organization of its kind may hold — the same rules the invite and role change enforce, so the
 * admin offers exactly the roles the server would accept.
 */
export function grantableRoles(actor: Actor, target: ActionTarget): Role[] {
  if (!permits(actor, 'users.invite', target)) return [];
  const own = roleAt(actor, target);
  if (own === null) return [];
  return roles.filter((role) => roleRank[role] <= roleRank[own] && fitsPlacement(role, target.kind));
}
