import { liveTenantStates, type TenantState, unapprovedTenantStates } from '@luster/contract';
import { ConflictError, ForbiddenError } from '../errors/index.js';
import { type Actor, type ActorMembership, covers } from './access.js';
import type { OrganizationKind } from './organization.entities.js';
import { type Action, allows, type Permission, type PlatformAction, permissionTable } from './permissions.js';

/** One organization as the approval gate sees it: its tenant's state (null: no tenant, the platform). */
export interface Standing {
  id: string;
  slug: string;
  kind: OrganizationKind;
  state: TenantState | null;
}

/** What `authorize` decides about: a visible organization and every organization above it, root first. */
export interface AccessTarget extends Standing {
  path: string;
  ancestors: Standing[];
}

/** The platform has no tenant (state null) and is always live. */
const liveStates: readonly (TenantState | null)[] = [null, ...liveTenantStates];
const unapprovedStates: readonly TenantState[] = unapprovedTenantStates;

/**
 * Throws `forbidden` unless the table allows `action` on `target` for the actor. The target was
 * loaded through the golden rule already (so it is visible); this decides what may be done there.
 *
 * The approval gate: a write is made by a role held in some organization, and that organization —
 * with every organization above the target (the agency a client admin works under, any level
 * between an agency and the client it acts on) — must be approved and live. A self-registered
 * agency waiting for review, or one the platform suspended, thus provisions nothing, changes
 * nothing and invites no one: `403 agency_not_approved` before approval (or after a rejection),
 * `409 invalid_state` once stopped. The target's own state counts when the role is held in the
 * target itself or when the target is to be a parent: an agency may still resume or purge its
 * suspended client, but not create clients below it. Superadmins act from the platform, which is
 * always live, so the gate never stands in their way.
 */
export function authorize(actor: Actor, action: Action, target: AccessTarget): void {
  const refused = refusal(actor, action, target);
  if (refused === 'forbidden') throw forbidden(action);
  if (refused) throw notLive(refused, action);
}

/**
 * Whether `authorize` allows `action` on `target`: the same decision without building the error it
 * throws — the organization list asks it for every action on each of its rows (allowed-actions.ts),
 * where a thrown error's stack trace cost more than the decision.
 */
export function isAuthorized(actor: Actor, action: Action, target: AccessTarget): boolean {
  return refusal(actor, action, target) === null;
}

/** Why `authorize` refuses: no role allows it, or the organization the gate finds not live; null when allowed. */
function refusal(actor: Actor, action: Action, target: AccessTarget): 'forbidden' | Standing | null {
  const grants = grantsFor(actor, action, target);
  if (grants.length === 0) return 'forbidden';
  const { gate } = permissionTable[action] as Permission;
  if (gate === 'none' || grants.some((m) => m.role === 'superadmin')) return null;
  const heldHere = grants.every((m) => m.path === target.path);
  const chain = heldHere || gate === 'parent' ? [...target.ancestors, target] : target.ancestors;
  return chain.find((org) => !liveStates.includes(org.state)) ?? null;
}

function forbidden(action: Action) {
  return new ForbiddenError({
    code: 'forbidden',
    message: `Your role does not allow '${action}' here`,
    data: { action },
  });
}

/** The actor's memberships whose role allows `action` on `target`. */
function grantsFor(actor: Actor, action: Action, target: { path: string }): ActorMembership[] {
  return actor.memberships.filter(
    (m) => covers(m, target.path) && allows(action, m.role, m.path === target.path ? 'own' : 'below'),
  );
}

/**
 * The organization an allowed action is taken from: the highest one where the actor holds a role
 * that allows it (the platform for a superadmin). A suspension records it as its imposer.
 */
export function actingOrganization(actor: Actor, action: Action, target: { path: string }): string {
  const [highest] = grantsFor(actor, action, target).sort((a, b) => a.path.length - b.path.length);
  if (!highest) throw forbidden(action);
  return highest.organizationId;
}

/**
 * Suspension levels: a suspension is lifted (resumed, or reverted to a running state) only by the
 * organization that imposed it or one above it. A client the platform suspended stays suspended
 * whatever its agency wants (`403 suspended_by_platform`); one a higher agency suspended, whatever
 * the agency below wants (`403 suspended_from_above`). Call after `authorize(…, 'organization.resume')`.
 * `imposedBy` null: a suspension recorded before levels were kept, which anyone allowed may lift.
 */
export function authorizeLift(actor: Actor, target: AccessTarget, imposedBy: string | null): void {
  const refused = liftRefusal(actor, target, imposedBy);
  if (refused === 'suspended_by_platform') {
    throw new ForbiddenError({
      code: 'suspended_by_platform',
      message: 'The platform suspended this organization; only the platform can lift the suspension',
      data: { organizationId: imposedBy },
    });
  }
  if (refused) {
    throw new ForbiddenError({
      code: 'suspended_from_above',
      message: 'An organization above yours suspended this organization; only it can lift the suspension',
      data: { organizationId: imposedBy },
    });
  }
}

/** Whether `authorizeLift` lets the actor lift the suspension, without building its error (see `isAuthorized`). */
export function mayLift(actor: Actor, target: AccessTarget, imposedBy: string | null): boolean {
  return liftRefusal(actor, target, imposedBy) === null;
}

/** Why `authorizeLift` refuses: who imposed the suspension, seen from the actor; null when the actor may lift it. */
function liftRefusal(
  actor: Actor,
  target: AccessTarget,
  imposedBy: string | null,
): 'suspended_by_platform' | 'suspended_from_above' | null {
  if (imposedBy === null || isSuperadmin(actor)) return null;
  const line = target.path.split('/').filter(Boolean);
  const imposer = line.indexOf(imposedBy);
  const lifts = grantsFor(actor, 'organization.resume', target).some((m) => {
    const at = line.indexOf(m.organizationId);
    return imposer !== -1 && at !== -1 && at <= imposer;
  });
  if (lifts) return null;
  return target.ancestors.find((a) => a.id === imposedBy)?.kind === 'platform'
    ? 'suspended_by_platform'
    : 'suspended_from_above';
}

/**
 * Why nothing may be done from `org`: `403 agency_not_approved` before approval, `409 invalid_state`
 * once stopped. Also the usage debit's answer, which checks the same states in its own statement.
 */
export function notLive(org: Standing, action: string) {
  const data = { action, organizationId: org.id, slug: org.slug, state: org.state };
  if (org.state !== null && unapprovedStates.includes(org.state)) {
    return new ForbiddenError({
      code: 'agency_not_approved',
      message: `Organization '${org.slug}' is ${org.state}: nothing can be changed from it until the platform approves it`,
      data,
    });
  }
  return new ConflictError({
    code: 'invalid_state',
    message: `Organization '${org.slug}' is ${org.state}: nothing can be changed from it or below it`,
    data,
  });
}

export function isSuperadmin(actor: Pick<Actor, 'memberships'>): boolean {
  return actor.memberships.some((m) => m.role === 'superadmin');
}

/**
 * Throws `forbidden` unless the actor holds `action` in some organization, whichever: for reads
 * that serve the action wherever it is taken (the clusters a holder of `organization.move` may
 * choose from) before any one organization is named. A read: no approval gate.
 */
export function authorizeAnywhere(actor: Pick<Actor, 'memberships'>, action: Action): void {
  const { roles } = permissionTable[action] as Permission;
  if (actor.memberships.some((m) => roles.includes(m.role))) return;
  throw new ForbiddenError({
    code: 'forbidden',
    message: `Your role does not allow '${action}' anywhere`,
    data: { action },
  });
}

export function authorizePlatform(
  actor: Pick<Actor, 'memberships' | 'capabilities'>,
  action: PlatformAction,
): void {
  const ok =
    action === 'changes.approve'
      ? isSuperadmin(actor) || actor.capabilities.includes('reviewer')
      : isSuperadmin(actor);
  if (!ok)
    throw new ForbiddenError({
      code: 'forbidden',
      message: `Only the platform may '${action}'`,
      data: { action },
    });
}
