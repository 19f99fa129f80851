import { canTransition } from '@luster/contract';
import type { Actor } from '../access/access.js';
import { actingOrganization, authorizeLift } from '../access/authorize.js';
import { ConflictError } from '../errors/index.js';
import type { LifecycleTarget } from './lifecycle-ports.js';
import type { Tenant } from './tenants.entities.js';

/**
 * The rules of a tenant's state changes that need no database: which action may run from which
 * state and by whom, what a suspension records, and the errors a person sees when one is refused.
 */

export type StateAction = 'suspend' | 'resume' | 'deprovision' | 'purge';

/** How each state change is summarised on its change request. */
export const verbs: Record<StateAction, string> = {
  suspend: 'suspend',
  resume: 'resume',
  deprovision: 'deprovision (workloads removed, database and bucket retained)',
  // Only what the two commits do (changes/writer/message.ts summaryOf): the bucket is deleted later by
  // the bucket outbox, and the purge's history says so only once it is (media/purge-history.test.ts).
  purge: 'purge',
};

/** The action's rules on a tenant, checked in the order a person can fix them. */
export function checkAction(actor: Actor, action: StateAction, row: LifecycleTarget, tenant: Tenant): void {
  if (!canTransition(action, tenant.state)) throw invalidState(tenant, action);
  if (action === 'resume') authorizeLift(actor, row, tenant.suspendedByOrganizationId);
  if (action === 'purge') assertNoKeptDatabase(tenant);
}

/**
 * A purge waits for the database a move or a restore kept to be released and removed: that copy
 * is guarded against pruning (and, after a move, lives in the old cluster's folder, which the
 * purge does not render), so purging around it would leave a database no one can delete from
 * the admin. The person releases it first (moves/), then purges.
 */
export function assertNoKeptDatabase(tenant: Tenant): void {
  const { kept } = tenant.database;
  if (!kept || kept.stage === 'removed') return;
  throw new ConflictError({
    code: 'move_in_progress',
    message:
      kept.stage === 'kept'
        ? `'${tenant.slug}' still keeps its earlier database '${kept.name}' on ${kept.cluster}: release it before purging`
        : `'${tenant.slug}' is removing its earlier database '${kept.name}' on ${kept.cluster}: purge once ${kept.cluster} reported the release applied`,
    data: { kept },
  });
}

/** A suspension records who imposed it; leaving `suspended` forgets it. */
export function suspensionPatch(actor: Actor, action: StateAction, row: LifecycleTarget, tenant: Tenant) {
  if (action === 'suspend') {
    return { suspendedByOrganizationId: actingOrganization(actor, 'organization.suspend', row) };
  }
  return tenant.suspendedByOrganizationId === null ? {} : { suspendedByOrganizationId: null };
}

/** The tenant an action is taken on; 409 for the platform (it has no tenant). */
export function tenantIdOf(row: LifecycleTarget): string {
  if (!row.tenantId) {
    throw new ConflictError({
      code: 'no_tenant',
      message: 'This organization has no tenant (the platform itself)',
      data: { organizationId: row.id },
    });
  }
  return row.tenantId;
}

export function invalidState(tenant: Tenant, action: string): ConflictError {
  return new ConflictError({
    code: 'invalid_state',
    message: `Cannot ${action} a tenant that is ${tenant.state}`,
    data: { state: tenant.state, action },
  });
}

/** Default parent for "create a client": the context organization, else the actor's own admin org. */
export function defaultParentId(actor: Actor): string | undefined {
  if (actor.context) return actor.context.organizationId;
  const home =
    actor.memberships.find((m) => m.role === 'agency_admin') ??
    actor.memberships.find((m) => m.role === 'superadmin');
  return home?.organizationId;
}
