import { renderedTenantStates } from '@luster/contract';
import type { DataSource } from 'typeorm';
import type { GitopsWriter } from '../gitops/port.js';
import type { Logger } from '../logger.js';
import { relaxCommit } from '../relaxed-commit.js';
import { REPLICA_LOCK, type ReplicaPresence } from './replica-presence.js';

/*
 * Replicas share one queue and one writer lock, so a change may be committed by a replica other
 * than the one whose request waits for it, and each commits in its own local repository and pushes
 * afterwards. A replica that dies between the two (killed, its node gone, its volume lost) takes
 * commits the database already calls committed — and their requests were answered — with it.
 *
 * So, with a remote, a change committed on main records the replica that holds its commit alone
 * (`change_request.unpushedBy`, its presence key: replica-presence.ts) until a push carries it
 * (markPushed). A live replica, in each writer round, looks for such changes of replicas whose
 * presence lock nobody holds any more and writes them again (takeOver): the tenant's last change is
 * queued again — rendered from the database it is the tenant as it should be, which holds every
 * earlier change of the tenant too — and the others are let go. What the gone replica did push is
 * not written twice: a re-render of content the remote already has commits nothing once the
 * replica has fetched it (the change adopts that commit: writer/adoption.ts), and a commit the
 * remote already has is dropped when ours is re-applied on top of it (gitops/history/replay.ts).
 */

export interface TakeOver {
  /** Queued again: each the last change of its tenant. */
  requeued: string[];
  /** Let go: not the tenant's last change, or the tenant has a change queued (rendered anew). */
  released: string[];
}

/** Takes over what gone replicas committed and never pushed (see above); run under the writer lock. */
export async function takeOver(dataSource: DataSource, presence: ReplicaPresence): Promise<TakeOver> {
  await presence.ensure();
  // An UPDATE … RETURNING comes back from the driver as [rows, count].
  const [rows]: [{ id: string; requeued: boolean }[]] = await dataSource.query(
    `WITH gone AS (
       SELECT c.id,
              EXISTS (SELECT 1 FROM tenant t
                      WHERE t."lastChangeId" = c.id AND t.state = ANY($3::text[])
                        AND NOT EXISTS (SELECT 1 FROM change_request q
                                        WHERE q."tenantId" = t.id AND q.state = 'queued')) AS last
       FROM change_request c
       WHERE c."unpushedBy" IS NOT NULL AND c."unpushedBy" <> $1
         AND NOT EXISTS (
           SELECT 1 FROM pg_locks l
           WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
             AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND l.classid = $2::oid AND l.objid = c."unpushedBy"::oid))
     UPDATE change_request c
     SET "unpushedBy" = NULL,
         state = CASE WHEN gone.last THEN 'queued' ELSE c.state END,
         target = CASE WHEN gone.last THEN 'main' ELSE c.target END,
         "updatedAt" = now()
     FROM gone WHERE c.id = gone.id
     RETURNING c.id, gone.last AS requeued`,
    [presence.key ?? 0, REPLICA_LOCK, renderedTenantStates],
  );
  return {
    requeued: rows.filter((r) => r.requeued).map((r) => r.id),
    released: rows.filter((r) => !r.requeued).map((r) => r.id),
  };
}

/**
 * After a push of `head`: the changes this replica recorded under its key whose commit `head`
 * carries are no longer its alone. The mark is relaxed (relaxed-commit.ts): one PostgreSQL forgets
 * is checked again by the next push, or taken over — and found committed already — if this
 * replica is gone first.
 */
export async function markPushed(
  dataSource: DataSource,
  writer: Pick<GitopsWriter, 'isAncestor'>,
  presence: ReplicaPresence,
  head: string,
): Promise<number> {
  const key = presence.key;
  if (key === undefined) return 0;
  const mine: { id: string; commitSha: string | null }[] = await dataSource.query(
    `SELECT id, "commitSha" FROM change_request WHERE "unpushedBy" = $1`,
    [key],
  );
  const carried: string[] = [];
  for (const { id, commitSha } of mine) {
    if (commitSha && (await writer.isAncestor(commitSha, head).catch(() => false))) carried.push(id);
  }
  if (carried.length === 0) return 0;
  await dataSource.transaction(async (tx) => {
    await relaxCommit(tx);
    await tx.query(
      `UPDATE change_request SET "unpushedBy" = NULL WHERE id = ANY($1::uuid[]) AND "unpushedBy" = $2`,
      [carried, key],
    );
  });
  return carried.length;
}

/** takeOver for the scheduler: logs what it took and never fails a round. */
export function takeOverQuietly(dataSource: DataSource, presence: ReplicaPresence, log: Logger) {
  return async (): Promise<void> => {
    try {
      const { requeued, released } = await takeOver(dataSource, presence);
      if (requeued.length || released.length)
        log.warn(
          { requeued: requeued.length, released: released.length },
          'a gone replica left commits it never pushed: its changes are written again',
        );
    } catch (error) {
      log.warn({ err: error }, 'looking for what a gone replica left failed');
    }
  };
}
