import type { EntityManager } from 'typeorm';
import { ConflictError } from '../errors/index.js';
import { type ClusterLoad, chooseCluster, hasRoom } from './placement.js';

/** `tenants` is kept by a trigger on tenant (migration ClusterTenantCount): no count per placement. */
const loads = `SELECT c.name, c.capacity, c."acceptsTenants", c.tenants FROM cluster c`;

/**
 * The cluster a new tenant under the organization at `parentPath` goes to (the policy:
 * placement.ts), inside the caller's transaction, which then inserts the tenant row.
 *
 * Two placements at once must not both take a cluster's last slot: the chosen cluster's row is
 * locked (FOR NO KEY UPDATE: it still lets the tenant's foreign key take its KEY SHARE) and its
 * tenant count read again under the lock. The lock is held until the caller commits, so the next
 * placement on that cluster counts this tenant too — placements on one cluster thus take turns
 * from here to their commit, placements on different clusters do not wait for each other. When
 * the count read under the lock shows the cluster filled up (or closed) meanwhile, its lock is let
 * go (a savepoint rolled back) before the next best is tried: a placement holds at most one
 * cluster lock while it waits, so two placements trying full clusters in opposite orders (their
 * preferences differ) never wait on each other in a cycle — a deadlock PostgreSQL would break
 * with a 500.
 */
export async function placeTenant(tx: EntityManager, input: { parentPath: string }): Promise<string> {
  const preferred = await preferredCluster(tx, input.parentPath);
  const candidates = new Map(
    ((await tx.query(`${loads} WHERE c."acceptsTenants"`)) as ClusterLoad[]).map((row) => [row.name, row]),
  );
  for (;;) {
    const choice = chooseCluster([...candidates.values()], preferred);
    if (choice === null) throw noCapacity();
    await tx.query('SAVEPOINT placement');
    if (await stillHasRoom(tx, choice)) {
      await tx.query('RELEASE SAVEPOINT placement');
      return choice;
    }
    await tx.query('ROLLBACK TO SAVEPOINT placement');
    candidates.delete(choice);
  }
}

/**
 * Locks the cluster's row and reads its tenant count in the same statement: under READ COMMITTED
 * a row lock granted after a wait returns the row as the placement that held it committed it, and
 * the trigger had counted that placement's tenant into it.
 */
async function stillHasRoom(tx: EntityManager, name: string): Promise<boolean> {
  const [cluster] = (await tx.query(
    `SELECT capacity, "acceptsTenants", tenants FROM cluster WHERE name = $1 FOR NO KEY UPDATE`,
    [name],
  )) as { capacity: number; acceptsTenants: boolean; tenants: number }[];
  return cluster !== undefined && hasRoom({ name, ...cluster });
}

/**
 * The nearest preference at or above the parent: a client inherits its agency's (and a group's).
 * Those organizations are the ids the parent's path names (`/<id>/<id>/…/`), read by primary key:
 * matching `$1 LIKE path || '%'` read every organization on each placement.
 */
async function preferredCluster(tx: EntityManager, parentPath: string): Promise<string | null> {
  const [row] = (await tx.query(
    `SELECT "preferredCluster" FROM organization
      WHERE id = ANY($1::uuid[]) AND "preferredCluster" IS NOT NULL
      ORDER BY length(path) DESC LIMIT 1`,
    [parentPath.split('/').filter(Boolean)],
  )) as { preferredCluster: string }[];
  return row?.preferredCluster ?? null;
}

/**
 * 409, not 503: the request conflicts with the fleet's state — every cluster full or closed — and
 * retrying will not help until a superadmin adds a cluster or raises a capacity.
 */
function noCapacity(): ConflictError {
  return new ConflictError({
    code: 'no_cluster_capacity',
    message:
      'No cluster accepts new tenants: every cluster is at its capacity or closed to new tenants. A superadmin must add a cluster or raise a capacity',
  });
}
