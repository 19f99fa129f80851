import type { EntityManager } from 'typeorm';

/*
 * Commits that do not wait for their WAL flush (`synchronous_commit = off` for that transaction
 * only; other sessions see the rows at once). A durable commit waits for the disk: 2–8 ms on this
 * machine, measured against 0.6–1.8 ms relaxed, and a registration's answer waited for three of
 * them. A crash of PostgreSQL itself may then forget the last fraction of a second of such commits,
 * so only writes something else restores take this: a rate-limit count, a lease, a queue's "done"
 * mark whose work is idempotent, a record the writer adopts again from git (change-writer.ts).
 * Durable as before: accounts, organizations, changes asked for — anything a person was told.
 */

/**
 * A WITH item that relaxes the commit of the statement's own transaction: name it in the query's
 * FROM (a SELECT in WITH runs only when the query reads it), as in
 * `WITH ${RELAXED_COMMIT} UPDATE t SET … FROM relaxed_commit WHERE …`.
 */
export const RELAXED_COMMIT = `relaxed_commit AS (SELECT set_config('synchronous_commit', 'off', true))`;

/** Relaxes the commit of the transaction `tx` runs in; call it first thing in the transaction. */
export async function relaxCommit(tx: EntityManager): Promise<void> {
  await tx.query('SET LOCAL synchronous_commit = off');
}
