import { type DataSource, type EntityManager, In } from 'typeorm';
import type { AppliedChange } from '../../gitops/port.js';
import type { Logger } from '../../logger.js';
import type { RenderedTenant } from '../../tenants/render.js';
import type { loadTenantRows } from '../../tenants/tenant-rows.js';
import { Tenant } from '../../tenants/tenants.entities.js';
import { ChangeRequest, TenantCommit, TenantDrift } from '../changes.entities.js';
import { applyPatch, patchFor, restoreBefore, snapshotOf } from '../tenant-patch.js';
import { summaryOf } from './message.js';

/*
 * What the database records once git has a change (the outbox's second half): the change
 * committed (or merged), its tenants' last change, the tenant_commit history index and the
 * snapshot a revert restores — or, when git could not take it, the change failed and its patch
 * put back. Every function runs in the caller's transaction.
 */

/** A tenant's rows as the writer loads them. */
export type TenantRows = Awaited<ReturnType<typeof loadTenantRows>>;

/** Where and when a commit on main is recorded. */
export interface OnMain {
  mainBranch: string;
  committedAt: Date;
  /** The replica whose local repository alone holds the commit until it is pushed (takeover.ts). @default null */
  unpushedBy?: number | null | undefined;
}

/** A change's commit on main as recorded; `sha: null` when it committed nothing. */
export interface CommitOnMain {
  sha: string | null;
  parentSha: string | null;
  baseSha: string | null;
  /** Repo-relative paths it changed; `null` when unknown (nothing is indexed then). */
  touched: string[] | null;
}

/** One change of a chain (processMany): one tenant, one commit. */
export interface ChainedChange {
  change: ChangeRequest;
  rows: TenantRows;
  rendered: RenderedTenant;
  commit: AppliedChange;
}

export async function recordOnMain(
  tx: EntityManager,
  input: OnMain & {
    change: ChangeRequest;
    rows: TenantRows[];
    rendered: RenderedTenant[];
    commit: CommitOnMain;
  },
): Promise<void> {
  const { change, rows, rendered, commit, committedAt } = input;
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
      unpushedBy: commit.sha ? (input.unpushedBy ?? null) : null,
      ...(isPurge ? { purgeStage: finalizing ? 'done' : 'released' } : {}),
      ...(rows.length === 1 && rows[0] && !isPurge ? { tenantSnapshot: snapshotOf(rows[0]) } : {}),
    },
  );
  if (change.kind === 'reassert') await tx.delete(TenantDrift, { tenantId: change.tenantId });
  // A purge's rows take `deleted` only now that the folders are gone.
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
    // A commit adopted again may be indexed already: a change taken over from a replica gone after
    // its push (takeover.ts) finds that replica's commit on main, and its row.
    await tx
      .createQueryBuilder()
      .insert()
      .into(TenantCommit)
      .orIgnore()
      .values({
        sha: commit.sha,
        tenantId: r.tenant.id,
        changeRequestId: change.id,
        parentSha: commit.parentSha ?? '',
        branch: input.mainBranch,
        subject:
          rows.length === 1
            ? `tenant(${r.tenant.slug}): ${summaryOf(change)}`
            : `tenants(${rows.length}): ${summaryOf(change)}`,
        filesTouched: commit.touched.filter((p) => p.startsWith(dir)).length,
        committedAt,
      })
      .execute();
  }
}

/**
 * recordOnMain for a chain of single-tenant commits, in three statements whatever its length:
 * the changes committed, their tenants' last change, the tenant_commit index.
 */
export async function recordChainOnMain(
  tx: EntityManager,
  chain: readonly ChainedChange[],
  { mainBranch, committedAt, unpushedBy = null }: OnMain,
): Promise<void> {
  if (chain.length === 0) return;
  const one = chain.map(({ change, rows, rendered, commit }) => ({
    change,
    tenant: rows.tenant,
    snapshot: snapshotOf(rows),
    commit,
    dir: `${rendered.dir}/`,
  }));
  await tx.query(
    `UPDATE change_request c SET state = v.state, "baseSha" = v.parent, "commitSha" = v.sha,
       "committedAt" = $6, error = NULL, "tenantSnapshot" = v.snapshot::jsonb, "unpushedBy" = $7,
       "updatedAt" = now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(id, state, parent, sha, snapshot)
     WHERE c.id = v.id`,
    [
      one.map((o) => o.change.id),
      one.map((o) => (o.change.policy === 'review' ? 'merged' : 'committed')),
      one.map((o) => o.commit.parent),
      one.map((o) => o.commit.sha),
      one.map((o) => JSON.stringify(o.snapshot)),
      committedAt,
      unpushedBy,
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
      mainBranch,
      committedAt,
    ],
  );
}

/**
 * The change could not be committed: `failed` with the error's code and text, and the fields it
 * patched go back (restoreBefore) in the same transaction, so the database never keeps what git
 * did not get.
 */
export async function markFailed(
  dataSource: DataSource,
  change: ChangeRequest,
  error: unknown,
  log: Logger,
): Promise<void> {
  log.error({ err: error }, 'change failed');
  const code = (error as { code?: string }).code;
  const text = (error as Error).message?.slice(0, 2000) ?? String(error);
  await dataSource.transaction(async (tx) => {
    await tx.update(
      ChangeRequest,
      { id: change.id },
      { state: 'failed', error: code ? `${code}: ${text}` : text },
    );
    await restoreBefore(tx, change);
  });
}
