import { type DataSource, type EntityManager, In } from 'typeorm';
import type { AppliedChange, GitopsWriter, TenantChange } from '../../gitops/port.js';
import type { Logger } from '../../logger.js';
import { relaxCommit } from '../../relaxed-commit.js';
import {
  type RenderedTenant,
  renderKeptCopy,
  renderTenantFiles,
  type TenantRenderOptions,
} from '../../tenants/render.js';
import { loadTenantRows, loadTenantRowsOf } from '../../tenants/tenant-rows.js';
import { User } from '../../users/users.entities.js';
import { ChangeRequest } from '../changes.entities.js';
import { changeMessage } from '../commit-text.js';
import type { GitHost } from '../git-host.js';
import type { LayoutGuard } from '../layout-guard.js';
import { patchedRows, patchFor, tenantIdsOf } from '../tenant-patch.js';
import { findAdoptable } from './adoption.js';
import { approversOf, superadminApprovals } from './approvals.js';
import { commitMessageOf } from './message.js';
import { applyPlan, planCommit, planTenantChange } from './plan.js';
import {
  type ChainedChange,
  markFailed,
  recordChainOnMain,
  recordOnMain,
  type TenantRows,
} from './record.js';
import { ensureReviewBranch, openPullRequest } from './review-branch.js';

/**
 * Most changes one writer batch commits as a chain (processMany): a crash between the chain's ref
 * move and its DB record leaves at most this many commits to adopt.
 */
export const WRITER_BATCH = 100;

/** Changes of distinct tenants processOne works on at once, outside a chain. */
const WRITER_CONCURRENCY = 8;

/** How far back the writer looks for a commit it made before a crash (adoption.ts). */
const ADOPTION_DEPTH = 2 * WRITER_BATCH;

export interface WriterContext {
  dataSource: DataSource;
  writer: GitopsWriter;
  log: Logger;
  renderOptions: TenantRenderOptions;
  /** Renders a round's tenants off the event loop (tenants/render-thread.ts). @default in the process */
  render?: ((rows: TenantRows, options: TenantRenderOptions) => Promise<RenderedTenant>) | undefined;
  mainBranch: string;
  maxFolderRemovals: number;
  /** When changes are recorded as committed. @default the real clock */
  clock?: (() => Date) | undefined;
  /**
   * With a remote: this replica's presence key, recorded with each commit on main until a push
   * carries it (takeover.ts). @default none recorded
   */
  unpushedBy?: (() => number | undefined) | undefined;
  /** Told the tenants whose last change just landed on main (one call per commit or chain). */
  onCommitted?: ((tenantIds: string[]) => Promise<void>) | undefined;
  /** Told the changes just settled — recorded committed, pending review or failed — after onCommitted. */
  onSettled?: ((changeIds: string[]) => void) | undefined;
  /** Reviews on a git host: the branch is pushed and a pull request opened. */
  gitHost?: GitHost | undefined;
  pushBranch?: ((branch: string) => Promise<void>) | undefined;
  /**
   * Fails a change whose folders lie on a cluster still in the legacy layout (one queued before the
   * control plane was upgraded): written now it would mix layouts (layout-guard.ts). @default none
   */
  layout?: LayoutGuard | undefined;
}

/** The cluster of a rendered folder `tenants/<cluster>/<shard>/<slug>`. */
const clusterOf = (rendered: RenderedTenant) => rendered.dir.split('/')[1] as string;

/**
 * The single writer's rounds (called under the advisory lock), from the pieces in this folder:
 *   target `review` → render with the change's patch applied in memory, commit on its review branch
 *                     (review-branch.ts), state `pending_review`, a pull request with a git host;
 *   target `main`   → render from the DB (which holds the patch already), commit on main, record
 *                     it (record.ts).
 * The plan (plan.ts) decides what is written; a crash between the git commit and the DB update is
 * repaired by adoption (adoption.ts); a change git cannot take fails alone (record.ts markFailed).
 */
export function createChangeWriter(ctx: WriterContext) {
  const { dataSource, writer } = ctx;
  const now = ctx.clock ?? (() => new Date());
  const logOf = (change: ChangeRequest) =>
    ctx.log.child({ change: change.id, kind: change.kind, target: change.target });

  async function messageFor(
    manager: EntityManager,
    change: ChangeRequest,
    rows: TenantRows[],
    requester: User,
  ) {
    const organizationId = rows[0]?.tenant.organizationId ?? '';
    return commitMessageOf(change, {
      organizationId,
      requester,
      approvers: await approversOf(manager, change),
    });
  }

  async function afterCommit(tenantIds: string[], log: Logger): Promise<void> {
    await ctx
      .onCommitted?.(tenantIds)
      .catch((error) => log.error({ err: error }, 'after-commit hook failed'));
  }

  async function processOne(changeId: string): Promise<void> {
    try {
      await writeOne(changeId);
    } finally {
      ctx.onSettled?.([changeId]);
    }
  }

  async function writeOne(changeId: string): Promise<void> {
    const manager = dataSource.manager;
    const change = await manager.findOneBy(ChangeRequest, { id: changeId });
    if (change?.state !== 'queued') return;
    const wlog = logOf(change);
    try {
      const toReview = change.target === 'review';
      const branch = toReview ? change.branch : ctx.mainBranch;
      const rows = await Promise.all(tenantIdsOf(change).map((id) => loadTenantRows(manager, id)));
      // A purge's finalize, like a review, is rendered with its patch in memory: the rows take
      // `deleted` only once the folders are gone (recordOnMain).
      const renderRows =
        toReview || change.purgeStage === 'finalize'
          ? await Promise.all(rows.map((r) => patchedRows(manager, r, patchFor(change))))
          : rows;
      const rendered = renderRows.map((r) =>
        // A release of the copy a move left behind writes that cluster's folder (render.ts).
        change.kind === 'release'
          ? (renderKeptCopy(r, ctx.renderOptions) ?? renderTenantFiles(r, ctx.renderOptions))
          : renderTenantFiles(r, ctx.renderOptions),
      );
      await ctx.layout?.refuseLegacy(() => rendered.map(clusterOf));
      const mainHead = await writer.head(ctx.mainBranch);
      const baseSha = toReview ? (change.baseSha ?? mainHead) : mainHead;
      if (toReview && baseSha) await ensureReviewBranch(writer, branch, baseSha);
      const requester = await manager.findOneByOrFail(User, { id: change.requestedById });
      const { message, author } = await messageFor(manager, change, rows, requester);
      const plan = await planCommit(writer, {
        change,
        branch,
        tenants: rows.map((r, i) => ({ tenant: r.tenant, rendered: rendered[i] as RenderedTenant })),
        message,
        author,
        maxFolderRemovals: ctx.maxFolderRemovals,
        approvedMassRemoval:
          change.kind === 'bulk_delete' && (await superadminApprovals(manager, change)) >= 2,
      });
      const applied = await applyPlan(writer, plan);
      let commit = {
        sha: applied?.sha ?? null,
        parentSha: applied?.parent ?? baseSha,
        touched: applied?.touched ?? null,
      };
      const head = await writer.head(branch);
      if (!applied && head) {
        // Nothing to commit: the DB already matched git, or we crashed right after committing this
        // very change last time — then adopt that commit.
        const made = await findAdoptable(writer, change, head, ADOPTION_DEPTH);
        if (made) commit = { sha: made.sha, parentSha: made.parent ?? baseSha, touched: made.touched };
        else if (toReview) commit = { ...commit, sha: head };
      }
      if (toReview) {
        await manager.update(
          ChangeRequest,
          { id: change.id },
          { state: 'pending_review', baseSha, branchSha: commit.sha, error: null },
        );
        wlog.info({ branch, sha: commit.sha }, 'change committed on its review branch');
        const slugs = rows.map((r) => r.tenant.slug);
        const pr = await openPullRequest(
          { ...ctx, log: wlog },
          change,
          branch,
          changeMessage(slugs, message),
        );
        if (pr) await manager.update(ChangeRequest, { id: change.id }, { pullRequest: pr });
        return;
      }
      await manager.transaction((tx) =>
        recordOnMain(tx, {
          change,
          rows,
          rendered,
          commit: { ...commit, baseSha },
          mainBranch: ctx.mainBranch,
          committedAt: now(),
          unpushedBy: ctx.unpushedBy?.(),
        }),
      );
      wlog.info({ sha: commit.sha }, commit.sha ? 'change committed' : 'change committed nothing');
      if (commit.sha)
        await afterCommit(
          rows.map((r) => r.tenant.id),
          wlog,
        );
    } catch (error) {
      await markFailed(dataSource, change, error, wlog);
    }
  }

  /**
   * The common case in bulk — queued changes of one tenant each, straight onto main (provision,
   * update, suspend…): rows loaded with one query per table, each rendered, the commits written as
   * one chain with one ref move (the port's applyChanges), recorded in one transaction. A change
   * that fails to render fails alone; one that commits nothing, and every other kind, goes through
   * processOne. If the chain cannot be written, each change is retried through processOne, which
   * records its own failure.
   */
  async function processMany(changeIds: string[]): Promise<void> {
    const manager = dataSource.manager;
    const queued = await manager.find(ChangeRequest, {
      where: { id: In(changeIds), state: 'queued' },
      order: { seq: 'ASC' },
    });
    const chainable = queued.filter(
      (c) =>
        c.target === 'main' &&
        tenantIdsOf(c).length === 1 &&
        c.kind !== 'purge' &&
        c.kind !== 'bulk_delete' &&
        c.kind !== 'release',
    );
    const rest = queued.filter((c) => !chainable.includes(c)).map((c) => c.id);
    const requesterIds = [...new Set(chainable.map((c) => c.requestedById))];
    // Independent reads, at once: the round renders only when all three are in.
    const [rowsOf, requesterRows, head] = await Promise.all([
      loadTenantRowsOf(
        manager,
        chainable.map((c) => c.tenantId),
      ),
      manager.findBy(User, { id: In(requesterIds) }),
      writer.head(ctx.mainBranch),
    ]);
    const requesters = new Map(requesterRows.map((u) => [u.id, u]));
    const planned: (Omit<ChainedChange, 'commit'> & { write: TenantChange })[] = [];
    for (const change of chainable) {
      try {
        const rows = rowsOf.get(change.tenantId);
        const requester = requesters.get(change.requestedById);
        const rendered =
          rows &&
          (ctx.render
            ? await ctx.render(rows, ctx.renderOptions)
            : renderTenantFiles(rows, ctx.renderOptions));
        if (!rows || !requester || !rendered?.files) {
          // processOne reports exactly what is missing.
          rest.push(change.id);
          continue;
        }
        await ctx.layout?.refuseLegacy(() => [clusterOf(rendered)]);
        const { message, author } = await messageFor(manager, change, [rows], requester);
        const write = await planTenantChange(writer, {
          change,
          tenant: rows.tenant,
          branch: ctx.mainBranch,
          head,
          rendered,
          files: rendered.files,
          message,
          author,
        });
        planned.push({ change, rows, rendered, write });
      } catch (error) {
        await markFailed(dataSource, change, error, logOf(change));
        ctx.onSettled?.([change.id]);
      }
    }
    let applied: (AppliedChange | null)[];
    try {
      applied = await writer.applyChanges(planned.map((p) => p.write));
    } catch (error) {
      ctx.log.warn(
        { err: error, changes: planned.length },
        'chained commit failed; writing the changes one by one',
      );
      await processEach([...planned.map((p) => p.change.id), ...rest]);
      return;
    }
    const committed = planned.flatMap((p, i) => {
      const commit = applied[i];
      // Nothing to commit: processOne tells "already matched" from "committed before a crash".
      if (!commit) rest.push(p.change.id);
      return commit ? [{ ...p, commit }] : [];
    });
    try {
      await manager.transaction(async (tx) => {
        // Relaxed (relaxed-commit.ts): the commits are on main already, and a record PostgreSQL
        // loses in a crash is made again — the changes are still queued, and processOne adopts
        // each commit by its trailer (changes.test.ts, "adopts the commit").
        await relaxCommit(tx);
        await recordChainOnMain(tx, committed, {
          mainBranch: ctx.mainBranch,
          committedAt: now(),
          unpushedBy: ctx.unpushedBy?.(),
        });
      });
    } catch (error) {
      // The commits are on main: processOne finds each by its trailer and records it (adoption).
      ctx.log.warn(
        { err: error, changes: committed.length },
        'recording the chained commits failed; adopting them one by one',
      );
      await processEach([...committed.map((c) => c.change.id), ...rest]);
      return;
    }
    for (const { change, commit } of committed) logOf(change).info({ sha: commit.sha }, 'change committed');
    // One call for the whole chain: the sync status of all its tenants goes back to Pending at once.
    await afterCommit(
      committed.map((c) => c.rows.tenant.id),
      ctx.log,
    );
    ctx.onSettled?.(committed.map((c) => c.change.id));
    await processEach(rest);
  }

  /** Changes of distinct tenants, WRITER_CONCURRENCY at a time (their commits still land one by one). */
  async function processEach(changeIds: string[]): Promise<void> {
    for (let i = 0; i < changeIds.length; i += WRITER_CONCURRENCY) {
      await Promise.all(changeIds.slice(i, i + WRITER_CONCURRENCY).map((id) => processOne(id)));
    }
  }

  /**
   * Writes what is queued, a batch at a time, until nothing is (or the writer stops). A batch is
   * the oldest change of each tenant; a tenant's later changes wait for the next batch, so one
   * tenant's changes are committed in order while different tenants' go as one chain.
   */
  async function drain(isStopped: () => boolean): Promise<number> {
    let processed = 0;
    while (!isStopped()) {
      const queued: { id: string; tenantId: string }[] = await dataSource.query(
        `SELECT id, "tenantId" FROM change_request WHERE state = 'queued' ORDER BY seq LIMIT $1`,
        [WRITER_BATCH],
      );
      if (queued.length === 0) break;
      const seen = new Set<string>();
      const batch = queued.filter((c) => !seen.has(c.tenantId) && seen.add(c.tenantId));
      await processMany(batch.map((c) => c.id));
      processed += batch.length;
    }
    return processed;
  }

  return { processOne, processMany, drain };
}
