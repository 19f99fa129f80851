import type { RenderOptions } from '@luster/synth';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { CommitMessage } from '../gitops/commit-message.js';
import { BranchExistsError } from '../gitops/errors.js';
import type { AppliedChange, FileWrite, GitopsWriter, Identity, TenantChange } from '../gitops/port.js';
import type { Logger } from '../logger.js';
import { type RenderedTenant, renderTenantFiles } from '../tenants/render.js';
import { loadTenantRows, loadTenantRowsOf } from '../tenants/tenant-rows.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { User } from '../users/users.entities.js';
import { ChangeRequest, TenantCommit, TenantDrift } from './changes.entities.js';
import { changeMessage } from './commit-text.js';
import type { GitHost } from './git-host.js';
import { gitIdentity, gitPerson } from './git-identity.js';
import { folderState, planFolderWrites, refuseOverwrite } from './hand-edits.js';
import { applyPatch, patchedRows, patchFor, restoreBefore, snapshotOf, tenantIdsOf } from './tenant-patch.js';

/**
 * Most changes one writer batch commits as a chain (processMany): a crash between the chain's ref
 * move and its DB record leaves at most this many commits to adopt.
 */
export const WRITER_BATCH = 100;

/** Changes of distinct tenants processOne works on at once, outside a chain. */
const WRITER_CONCURRENCY = 8;

/** How far back the writer looks for a commit it made before a crash (adoption, see processOne). */
const ADOPTION_DEPTH = 2 * WRITER_BATCH;

export interface WriterContext {
  dataSource: DataSource;
  writer: GitopsWriter;
  log: Logger;
  renderOptions: RenderOptions;
  mainBranch: string;
  maxFolderRemovals: number;
  /** Told the tenants whose last change just landed on main (one call per commit or chain). */
  onCommitted?: ((tenantIds: string[]) => Promise<void>) | undefined;
  /** Reviews on a git host: the branch is pushed and a pull request opened. */
  gitHost?: GitHost | undefined;
  pushBranch?: ((branch: string) => Promise<void>) | undefined;
}

type Rows = Awaited<ReturnType<typeof loadTenantRows>>;

/**
 * Writes one queued change (called by the single writer, under the advisory lock):
 *   target `review` → render with the change's patch applied in memory, commit on its review branch
 *                     (created at main's head), state `pending_review`, a pull request when a git
 *                     host is configured;
 *   target `main`   → render from the DB (which holds the patch already), commit on main, record
 *                     commitSha, the tenants' last change, tenant_commit rows and the snapshot a
 *                     revert restores.
 * A crash between the git commit and the DB update is repaired by adoption: the re-render commits
 * nothing and the commit whose `Change-Request:` trailer names the change is recorded instead.
 */
export function createChangeWriter(ctx: WriterContext) {
  const { dataSource, writer } = ctx;

  async function findCommitOf(change: ChangeRequest, head: string) {
    let sha: string | undefined = head;
    for (let i = 0; sha && i < ADOPTION_DEPTH; i++) {
      const info = await writer.commitInfo(sha);
      if (info.trailers.some((t) => t.key === 'Change-Request' && t.value === change.id)) return info;
      // Commits older than the change (git time has one-second resolution) cannot be its commit.
      if (info.committer.time.getTime() < change.createdAt.getTime() - 1000) return null;
      sha = info.parents[0];
    }
    return null;
  }

  async function approversOf(manager: EntityManager, change: ChangeRequest): Promise<string[]> {
    const ids = change.approvals.length ? change.approvals.map((a) => a.userId) : [change.approvedById];
    const users = await Promise.all(
      ids.filter((id): id is string => !!id).map((id) => manager.findOneBy(User, { id })),
    );
    const names = users.filter((u): u is User => !!u).map(gitPerson);
    if (change.externalApprover) names.push(change.externalApprover);
    return names;
  }

  /** Distinct superadmins among the approvers, never the requester (bulk deletions need two). */
  async function superadminApprovals(manager: EntityManager, change: ChangeRequest): Promise<number> {
    const ids = change.approvals.map((a) => a.userId).filter((id) => id !== change.requestedById);
    if (ids.length === 0) return 0;
    const [row] = await manager.query(
      `SELECT count(DISTINCT "userId")::int AS n FROM membership WHERE role = 'superadmin' AND "acceptedAt" IS NOT NULL AND "userId" = ANY($1)`,
      [ids],
    );
    return row?.n ?? 0;
  }

  /**
   * What to write for one tenant (hand-edits.ts): the whole folder, or — when it carries hand edits —
   * only what the render changes, refused with `409 drift` if that would overwrite a hand edit.
   * `reassert` replaces everything on purpose.
   */
  async function writesFor(change: ChangeRequest, tenant: Tenant, head: string | null, files: FileWrite[]) {
    if (change.kind === 'reassert') return { writes: files, deletes: 'all' as const, kept: [] };
    const plan = planFolderWrites(await folderState(writer, tenant, head), files);
    refuseOverwrite(plan);
    return plan;
  }

  async function commit(
    change: ChangeRequest,
    branch: string,
    rows: Rows[],
    rendered: RenderedTenant[],
    message: Omit<CommitMessage, 'tenant'>,
    author: Identity,
  ): Promise<AppliedChange | null> {
    const [only] = rendered;
    const [onlyRows] = rows;
    if (rendered.length === 1 && only?.files && onlyRows && change.kind !== 'purge') {
      const { writes, deletes, kept } = await writesFor(
        change,
        onlyRows.tenant,
        await writer.head(branch),
        only.files,
      );
      return writer.applyChange({
        branch,
        tenantDir: only.dir,
        writes,
        deletes,
        message: {
          ...message,
          tenant: onlyRows.tenant.slug,
          ...(kept.length ? { handEditsKept: kept } : {}),
        },
        author,
      });
    }
    return writer.commitFolders({
      branch,
      folders: rendered.map((r) => ({ tenantDir: r.dir, files: r.files })),
      message: changeMessage(
        rows.map((r) => r.tenant.slug),
        message,
      ),
      author,
      maxFolderRemovals: ctx.maxFolderRemovals,
      approvedMassRemoval:
        change.kind === 'bulk_delete' && (await superadminApprovals(dataSource.manager, change)) >= 2,
    });
  }

  async function ensureBranch(branch: string, base: string): Promise<void> {
    try {
      await writer.createBranch(branch, base);
    } catch (error) {
      // Made before a crash: the change is written onto it again (and adopted when already there).
      if (!(error instanceof BranchExistsError)) throw error;
    }
  }

  /** The commit's message and author: the requester, with the approvers as trailers. */
  async function messageOf(
    manager: EntityManager,
    change: ChangeRequest,
    rows: Rows[],
    requester: Pick<User, 'id' | 'name'>,
  ): Promise<{ message: Omit<CommitMessage, 'tenant'>; author: Identity }> {
    const approvers = await approversOf(manager, change);
    const message: Omit<CommitMessage, 'tenant'> = {
      summary: summaryOf(change),
      organizationId: rows[0]?.tenant.organizationId ?? '',
      changeRequest: change.id,
      requestedBy: gitPerson(requester),
      ...(approvers.length ? { approvedBy: approvers } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
    };
    return { message, author: gitIdentity(requester) };
  }

  async function markFailed(change: ChangeRequest, error: unknown, wlog: Logger): Promise<void> {
    wlog.error({ err: error }, 'change failed');
    const code = (error as { code?: string }).code;
    const text = (error as Error).message?.slice(0, 2000) ?? String(error);
    // The row goes back with the state, so the database never keeps what git did not get.
    await dataSource.transaction(async (tx) => {
      await tx.update(
        ChangeRequest,
        { id: change.id },
        { state: 'failed', error: code ? `${code}: ${text}` : text },
      );
      await restoreBefore(tx, change);
    });
  }

  async function afterCommit(rows: Rows[], wlog: Logger): Promise<void> {
    await ctx
      .onCommitted?.(rows.map((r) => r.tenant.id))
      .catch((error) => wlog.error({ err: error }, 'after-commit hook failed'));
  }

  async function processOne(changeId: string): Promise<void> {
    const manager = dataSource.manager;
    const change = await manager.findOneBy(ChangeRequest, { id: changeId });
    if (change?.state !== 'queued') return;
    const wlog = ctx.log.child({ change: change.id, kind: change.kind, target: change.target });
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
      const rendered = renderRows.map((r) => renderTenantFiles(r, ctx.renderOptions));
      const mainHead = await writer.head(ctx.mainBranch);
      const baseSha = toReview ? (change.baseSha ?? mainHead) : mainHead;
      if (toReview && baseSha) await ensureBranch(branch, baseSha);
      const requester = await manager.findOneByOrFail(User, { id: change.requestedById });
      const { message, author } = await messageOf(manager, change, rows, requester);
      const applied = await commit(change, branch, rows, rendered, message, author);
      let sha = applied?.sha ?? null;
      let parentSha = applied?.parent ?? baseSha;
      let touched = applied?.touched ?? null;
      const head = await writer.head(branch);
      if (!applied && head) {
        // Nothing to commit: the DB already matched git, or we crashed right after committing this
        // very change last time — then adopt that commit.
        const made = await findCommitOf(change, head);
        if (made) {
          sha = made.sha;
          parentSha = made.parents[0] ?? baseSha;
          // The history index needs what it touched, as if it had just been committed.
          touched = parentSha ? await writer.touchedPaths(parentSha, made.sha) : null;
        } else if (toReview) sha = head;
      }
      if (toReview) {
        await manager.update(
          ChangeRequest,
          { id: change.id },
          { state: 'pending_review', baseSha, branchSha: sha, error: null },
        );
        wlog.info({ branch, sha }, 'change committed on its review branch');
        await openPullRequest(
          change,
          branch,
          changeMessage(
            rows.map((r) => r.tenant.slug),
            message,
          ),
        );
        return;
      }
      await manager.transaction((tx) =>
        recordOnMain(tx, change, rows, rendered, { sha, parentSha, baseSha, touched }),
      );
      wlog.info({ sha }, sha ? 'change committed' : 'change committed nothing');
      if (sha) await afterCommit(rows, wlog);
    } catch (error) {
      await markFailed(change, error, wlog);
    }
  }

  /**
   * The common case in bulk — queued changes of one tenant each, straight onto main (provision,
   * update, suspend…): rows loaded with one query per table, each rendered, the commits written as
   * one chain with one ref move (the port's applyChanges), recorded in one
   * transaction. A change that fails to render fails alone; one that commits nothing, and every
   * other kind, goes through processOne. If the chain cannot be written, each change is retried
   * through processOne, which records its own failure.
   */
  async function processMany(changeIds: string[]): Promise<void> {
    const manager = dataSource.manager;
    const queued = await manager.find(ChangeRequest, {
      where: { id: In(changeIds), state: 'queued' },
      order: { seq: 'ASC' },
    });
    const chainable = queued.filter(
      (c) =>
        c.target === 'main' && tenantIdsOf(c).length === 1 && c.kind !== 'purge' && c.kind !== 'bulk_delete',
    );
    const rest = queued.filter((c) => !chainable.includes(c)).map((c) => c.id);
    const rowsOf = await loadTenantRowsOf(
      manager,
      chainable.map((c) => c.tenantId),
    );
    const requesters = new Map(
      (await manager.findBy(User, { id: In([...new Set(chainable.map((c) => c.requestedById))]) })).map(
        (u) => [u.id, u],
      ),
    );
    const head = await writer.head(ctx.mainBranch);
    const planned: {
      change: ChangeRequest;
      rows: Rows[];
      rendered: RenderedTenant[];
      write: TenantChange;
    }[] = [];
    for (const change of chainable) {
      const wlog = ctx.log.child({ change: change.id, kind: change.kind, target: change.target });
      try {
        const rows = rowsOf.get(change.tenantId);
        const requester = requesters.get(change.requestedById);
        if (!rows || !requester) {
          // processOne reports exactly what is missing.
          rest.push(change.id);
          continue;
        }
        const rendered = renderTenantFiles(rows, ctx.renderOptions);
        if (!rendered.files) {
          rest.push(change.id);
          continue;
        }
        const { message, author } = await messageOf(manager, change, [rows], requester);
        const { writes, deletes, kept } = await writesFor(change, rows.tenant, head, rendered.files);
        planned.push({
          change,
          rows: [rows],
          rendered: [rendered],
          write: {
            branch: ctx.mainBranch,
            tenantDir: rendered.dir,
            writes,
            deletes,
            message: {
              ...message,
              tenant: rows.tenant.slug,
              ...(kept.length ? { handEditsKept: kept } : {}),
            },
            author,
          },
        });
      } catch (error) {
        await markFailed(change, error, wlog);
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
      if (!commit) {
        // Nothing to commit: processOne tells "already matched" from "committed before a crash".
        rest.push(p.change.id);
        return [];
      }
      return [{ ...p, commit }];
    });
    try {
      await manager.transaction((tx) => recordChainOnMain(tx, committed));
    } catch (error) {
      // The commits are on main: processOne finds each by its trailer and records it (adoption).
      ctx.log.warn(
        { err: error, changes: committed.length },
        'recording the chained commits failed; adopting them one by one',
      );
      await processEach([...committed.map((c) => c.change.id), ...rest]);
      return;
    }
    for (const { change, commit } of committed) {
      ctx.log
        .child({ change: change.id, kind: change.kind, target: change.target })
        .info({ sha: commit.sha }, 'change committed');
    }
    // One call for the whole chain: the sync status of all its tenants goes back to Pending at once.
    await afterCommit(
      committed.flatMap((c) => c.rows),
      ctx.log,
    );
    await processEach(rest);
  }

  /** Changes of distinct tenants, WRITER_CONCURRENCY at a time (their commits still land one by one). */
  async function processEach(changeIds: string[]): Promise<void> {
    for (let i = 0; i < changeIds.length; i += WRITER_CONCURRENCY) {
      await Promise.all(changeIds.slice(i, i + WRITER_CONCURRENCY).map((id) => processOne(id)));
    }
  }

  /**
   * recordOnMain for a chain of single-tenant commits, in three statements whatever its length:
   * the changes committed, their tenants' last change, the tenant_commit index.
   */
  async function recordChainOnMain(
    tx: EntityManager,
    chain: { change: ChangeRequest; rows: Rows[]; rendered: RenderedTenant[]; commit: AppliedChange }[],
  ): Promise<void> {
    if (chain.length === 0) return;
    const committedAt = new Date();
    const one = chain.map(({ change, rows, rendered, commit }) => {
      const r = rows[0] as Rows;
      const dir = `${rendered[0]?.dir}/`;
      return { change, tenant: r.tenant, snapshot: snapshotOf(r), commit, dir };
    });
    await tx.query(
      `UPDATE change_request c SET state = v.state, "baseSha" = v.parent, "commitSha" = v.sha,
         "committedAt" = $6, error = NULL, "tenantSnapshot" = v.snapshot::jsonb, "updatedAt" = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(id, state, parent, sha, snapshot)
       WHERE c.id = v.id`,
      [
        one.map((o) => o.change.id),
        one.map((o) => (o.change.policy === 'review' ? 'merged' : 'committed')),
        one.map((o) => o.commit.parent),
        one.map((o) => o.commit.sha),
        one.map((o) => JSON.stringify(o.snapshot)),
        committedAt,
      ],
    );
    const reasserted = one.filter((o) => o.change.kind === 'reassert').map((o) => o.tenant.id);
    if (reasserted.length) await tx.delete(TenantDrift, { tenantId: In(reasserted) });
    await tx.query(
      `UPDATE tenant t SET "lastChangeId" = v.change, "lastCommitSha" = v.sha, "lastCommittedAt" = $4,
         "updatedAt" = now()
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS v(id, change, sha) WHERE t.id = v.id`,
      [one.map((o) => o.tenant.id), one.map((o) => o.change.id), one.map((o) => o.commit.sha), committedAt],
    );
    await tx.query(
      `INSERT INTO tenant_commit (sha, "tenantId", "changeRequestId", "parentSha", branch, subject, "filesTouched", "committedAt")
       SELECT v.sha, v.tenant, v.change, v.parent, $7, v.subject, v.files, $8
       FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[]) AS v(sha, tenant, change, parent, subject, files)`,
      [
        one.map((o) => o.commit.sha),
        one.map((o) => o.tenant.id),
        one.map((o) => o.change.id),
        one.map((o) => o.commit.parent),
        one.map((o) => `tenant(${o.tenant.slug}): ${summaryOf(o.change)}`),
        one.map((o) => o.commit.touched.filter((p) => p.startsWith(o.dir)).length),
        ctx.mainBranch,
        committedAt,
      ],
    );
  }

  async function recordOnMain(
    tx: EntityManager,
    change: ChangeRequest,
    rows: Rows[],
    rendered: RenderedTenant[],
    commit: {
      sha: string | null;
      parentSha: string | null;
      baseSha: string | null;
      touched: string[] | null;
    },
  ) {
    const committedAt = new Date();
    const isPurge = change.kind === 'purge' || change.kind === 'bulk_delete';
    const finalizing = change.purgeStage === 'finalize';
    await tx.update(
      ChangeRequest,
      { id: change.id },
      {
        state: change.policy === 'review' ? 'merged' : 'committed',
        baseSha: finalizing ? change.baseSha : commit.baseSha,
        commitSha: finalizing ? (change.commitSha ?? commit.sha) : commit.sha,
        committedAt: finalizing ? change.committedAt : committedAt,
        error: null,
        ...(isPurge ? { purgeStage: finalizing ? 'done' : 'released' } : {}),
        ...(rows.length === 1 && rows[0] && !isPurge ? { tenantSnapshot: snapshotOf(rows[0]) } : {}),
      },
    );
    if (change.kind === 'reassert') await tx.delete(TenantDrift, { tenantId: change.tenantId });
    if (finalizing) for (const r of rows) await applyPatch(tx, r.tenant.id, patchFor(change));
    if (!commit.sha) return;
    for (const [i, r] of rows.entries()) {
      await tx.update(
        Tenant,
        { id: r.tenant.id },
        { lastChangeId: change.id, lastCommitSha: commit.sha, lastCommittedAt: committedAt },
      );
      if (commit.touched === null) continue;
      const dir = `${rendered[i]?.dir}/`;
      await tx.insert(TenantCommit, {
        sha: commit.sha,
        tenantId: r.tenant.id,
        changeRequestId: change.id,
        parentSha: commit.parentSha ?? '',
        branch: ctx.mainBranch,
        subject:
          rows.length === 1
            ? `tenant(${r.tenant.slug}): ${summaryOf(change)}`
            : `tenants(${rows.length}): ${summaryOf(change)}`,
        filesTouched: commit.touched.filter((p) => p.startsWith(dir)).length,
        committedAt,
      });
    }
  }

  async function openPullRequest(change: ChangeRequest, branch: string, message: string): Promise<void> {
    if (!ctx.gitHost || change.pullRequest) return;
    await ctx.pushBranch?.(branch);
    const [subject = '', ...rest] = message.split('\n');
    const pr = await ctx.gitHost.openPullRequest({
      head: branch,
      base: ctx.mainBranch,
      title: subject,
      body: `${rest.join('\n').trim()}\n\nOpened by Luster for change request ${change.id}. Merging it applies the change; closing it rejects it.`,
    });
    await dataSource.manager.update(ChangeRequest, { id: change.id }, { pullRequest: pr });
    ctx.log.info({ change: change.id, pr: pr.number }, 'pull request opened');
  }

  return { processOne, processMany };
}

/** Purges are two commits; their subjects say which step each is. */
function summaryOf(change: ChangeRequest): string {
  if (change.kind !== 'purge' && change.kind !== 'bulk_delete') return change.summary;
  return change.purgeStage === 'finalize' || change.purgeStage === 'done'
    ? `${change.summary}: remove the folder, Flux deletes the released data objects`
    : `${change.summary}: release the data objects to Flux (prune enabled)`;
}
