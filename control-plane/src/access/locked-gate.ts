import type { TenantState } from '@luster/contract';
import type { EntityManager } from 'typeorm';
import type { Actor } from './access.js';
import { type AccessTarget, authorize, type Standing } from './authorize.js';
import type { Action } from './permissions.js';

/**
 * The approval gate again, inside the write's own transaction. `authorize` first ran on states
 * read before the transaction began, so a suspension committed in between would let one write
 * through. Here the tenant rows of the target's line (every organization above it, the actor's
 * own among them, and the target itself) are locked FOR SHARE and read again: a suspension in
 * flight holds FOR UPDATE on the row it changes, so it is waited for and then seen; one that
 * starts later waits until this write has committed.
 *
 * Call it after any FOR UPDATE lock the write takes on the target's own tenant row: every writer
 * then locks from the target upwards, so two of them never wait on each other in a circle.
 */
export async function authorizeLocked(
  tx: EntityManager,
  actor: Actor,
  action: Action,
  target: AccessTarget,
): Promise<void> {
  const line = [...target.ancestors.map((org) => org.id), target.id];
  const rows: { organizationId: string; state: TenantState }[] = await tx.query(
    `SELECT "organizationId", state FROM tenant WHERE "organizationId" = ANY($1::uuid[])
      ORDER BY "organizationId" FOR SHARE`,
    [line],
  );
  const stateOf = new Map(rows.map((row) => [row.organizationId, row.state]));
  // The platform has no tenant row: it stays null, always live.
  const now = <T extends Standing>(org: T): T => ({ ...org, state: stateOf.get(org.id) ?? null });
  authorize(actor, action, { ...now(target), ancestors: target.ancestors.map(now) });
}
