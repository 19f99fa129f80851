import type { DataSource } from 'typeorm';
import { isUuid } from '../access/access.js';
import { parseCommitMessage } from '../gitops/history/commit-message.js';
import type { Overtaken } from '../gitops/history/replay.js';
import type { GitopsWriter } from '../gitops/port.js';
import type { GitRemote, RemoteMovedEvent } from '../gitops/remote/remote.js';
import type { Logger } from '../logger.js';
import type { FluxReceiverNotifier } from './flux-receiver.js';

/**
 * What happens after commits land on main: pushed to the remote when one is configured (one push
 * per writer round carries all of its commits; GitRemote retries in the background), then Flux's
 * Receiver is told the new head so it pulls at once — after the push, since Flux pulls from the
 * remote; straight away in the embedded mode, where Flux pulls from us.
 */
export function createDelivery(deps: {
  writer: GitopsWriter;
  remote?: GitRemote | undefined;
  notifier?: FluxReceiverNotifier | undefined;
  branch: string;
  logger: Logger;
}) {
  const { writer, remote, notifier, branch } = deps;
  const log = deps.logger.child({ component: 'delivery' });
  let announcing: Promise<void> | null = null;

  async function announcePushed(): Promise<void> {
    await remote?.idle();
    const sha = await writer.remoteHead(branch);
    if (sha) notifier?.notify(sha, branch);
  }

  return {
    afterRound(): void {
      if (remote) {
        remote.requestPush(branch);
        if (notifier) {
          announcing ??= announcePushed()
            .catch((error) => log.warn({ err: error }, 'Flux receiver not told'))
            .finally(() => {
              announcing = null;
            });
        }
        return;
      }
      if (!notifier) return;
      writer.head(branch).then(
        (sha) => sha && notifier.notify(sha, branch),
        (error) => log.warn({ err: error }, 'Flux receiver not told'),
      );
    },
    /** Pushes a review branch (pull requests need it on the host). */
    pushBranch: remote ? (name: string) => remote.push(name).then(() => undefined) : undefined,
    /** Waits for the pushes and announcements in flight (tests, shutdown). */
    async idle(): Promise<void> {
      await remote?.idle();
      await announcing;
      await notifier?.drain();
    },
    async close(): Promise<void> {
      await remote?.close();
      await notifier?.drain();
    },
  };
}

/**
 * GitRemote re-applied our commits on a moved remote: their shas changed, so the audit index
 * (tenant_commit, change_request.commitSha, tenant.lastCommitSha) follows. A commit the remote
 * already had (`to: null`, e.g. a pull request merged on GitHub) maps to the remote's head, the
 * commit that contains it.
 */
export function reindexAfterReplay(dataSource: DataSource) {
  return async (event: RemoteMovedEvent): Promise<void> => {
    for (const { from, to } of event.rewritten) {
      const next = to ?? event.remoteHead;
      await dataSource.transaction(async (tx) => {
        await tx.query(
          `UPDATE tenant_commit SET sha = $2 WHERE sha = $1 AND NOT EXISTS
             (SELECT 1 FROM tenant_commit x WHERE x.sha = $2 AND x."tenantId" = tenant_commit."tenantId")`,
          [from, next],
        );
        await tx.query('DELETE FROM tenant_commit WHERE sha = $1', [from]);
        await tx.query('UPDATE change_request SET "commitSha" = $2 WHERE "commitSha" = $1', [from, next]);
        await tx.query('UPDATE tenant SET "lastCommitSha" = $2 WHERE "lastCommitSha" = $1', [from, next]);
      });
    }
  };
}

/**
 * GitRemote's `overtaken`: of our commits about to be re-applied on a moved remote, those whose
 * change is no longer its tenant's last, the later one being none of ours — another replica took
 * the writer lock after us and wrote the tenant from the database, our change included, without
 * our commit under it (we had not pushed yet). Re-applied on top of that write, our older content
 * would undo it; dropped, the later commit — on the remote, on its way, or taken over from a gone
 * replica (takeover.ts) — carries the tenant as it should be. Single-tenant changes only: a commit
 * over several folders is re-applied as before.
 */
export function overtakenChanges(dataSource: DataSource): Overtaken {
  return async (commits) => {
    const shaOf = new Map<string, string>();
    for (const { sha, message } of commits) {
      const id = parseCommitMessage(message).trailers.find((t) => t.key === 'Change-Request')?.value;
      if (id && isUuid(id)) shaOf.set(id.toLowerCase(), sha);
    }
    if (shaOf.size === 0) return new Set();
    const rows: { id: string }[] = await dataSource.query(
      `SELECT c.id FROM change_request c JOIN tenant t ON t.id = c."tenantId"
       WHERE c.id = ANY($1::uuid[]) AND cardinality(c."tenantIds") <= 1
         AND t."lastChangeId" IS NOT NULL AND t."lastChangeId" <> ALL($1::uuid[])`,
      [[...shaOf.keys()]],
    );
    return new Set(rows.map((r) => shaOf.get(r.id) as string));
  };
}
