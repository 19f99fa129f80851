import type { DataSource, EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors/index.js';
import type { GitopsWriter } from '../gitops/port.js';
import type { Logger } from '../logger.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { approvalsNeeded } from './approvers.js';
import { ChangeRequest, type TenantPatch } from './changes.entities.js';
import type { GitHost } from './git-host.js';
import { approvalsOnHost } from './host-approvals.js';
import { applyPatch, patchFor, tenantIdsOf, valuesBefore } from './tenant-patch.js';

export interface ReviewContext {
  dataSource: DataSource;
  writer: GitopsWriter;
  log: Logger;
  gitHost?: GitHost | undefined;
  /** Runs the writer until the change left `queued`. */
  settle(changeId: string): Promise<ChangeRequest>;
  /** Starts a writer round in the background. */
  kick(): void;
  /** Whether Flux reported the tenant Ready for its last change. */
  tenantIsReady?: ((tenantId: string) => Promise<boolean>) | undefined;
  /** `GITHUB_LOGINS`: the git host's login (lower case) → the Luster account's email. */
  hostAccounts?: ReadonlyMap<string, string> | undefined;
  /** `409 drift` when committing `patch` would overwrite a hand edit on main (hand-edits.ts). */
  assertKeepsHandEdits?:
    | ((manager: EntityManager, tenantId: string, patch: TenantPatch) => Promise<void>)
    | undefined;
}

export interface Reviewer {
  userId: string;
  /** Superadmins (not mere reviewers) are required twice for a bulk deletion. */
  superadmin: boolean;
}

/**
 * The review of changes whose policy is `review` (README.md): approve (never your own; a bulk
 * deletion needs two different superadmins), reject with a reason, merge into main — re-rendered
 * from the DB on top of main as it is now, so a merge never conflicts. The tenant row takes the
 * change's patch only at the merge: the DB holds intent, and until then the intent is "proposed".
 */
export function createReview(ctx: ReviewContext) {
  const { dataSource } = ctx;

  async function lockChange(tx: EntityManager, id: string): Promise<ChangeRequest> {
    const row = await tx
      .createQueryBuilder(ChangeRequest, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
    if (!row) throw new NotFoundError({ code: 'change_request_not_found', what: 'Change request', id });
    return row;
  }

  function notPending(row: ChangeRequest): ConflictError {
    return new ConflictError({
      code: 'change_not_pending',
      message: `The change is ${row.state}, not awaiting review`,
      data: {
        state: row.state,
      },
    });
  }

  function onGitHost(row: ChangeRequest): ConflictError {
    return new ConflictError({
      code: 'review_on_git_host',
      message: `This change is reviewed in pull request #${row.pullRequest?.number}; merge or close it there`,
      data: { pullRequest: row.pullRequest },
    });
  }

  /** Puts the change on the writer's queue for main with its patch applied (the merge). */
  async function queueMerge(tx: EntityManager, row: ChangeRequest, extra: Partial<ChangeRequest> = {}) {
    const isPurge = row.kind === 'purge' || row.kind === 'bulk_delete';
    const merging = { ...row, purgeStage: isPurge ? ('release' as const) : null };
    // What a failed merge commit puts back (writer/record.ts markFailed), as for a direct change.
    const tenantBefore = isPurge ? null : await valuesBefore(tx, row.tenantId, row.tenantPatch);
    for (const tenantId of tenantIdsOf(row)) await applyPatch(tx, tenantId, patchFor(merging));
    await tx.update(
      ChangeRequest,
      { id: row.id },
      { state: 'queued', target: 'main', purgeStage: merging.purgeStage, tenantBefore, ...extra },
    );
  }

  async function dropBranch(row: ChangeRequest): Promise<void> {
    if (row.policy !== 'review' || !row.branchSha) return;
    await ctx.writer
      .deleteBranch(row.branch)
      .catch((error) => ctx.log.warn({ err: error, branch: row.branch }, 'review branch not deleted'));
  }

  return {
    async approve(input: {
      changeId: string;
      actor: Reviewer;
      reason?: string | undefined;
    }): Promise<ChangeRequest> {
      return dataSource.transaction(async (tx) => {
        const row = await lockChange(tx, input.changeId);
        if (row.state !== 'pending_review') throw notPending(row);
        if (row.pullRequest) throw onGitHost(row);
        if (row.requestedById === input.actor.userId) {
          throw new ForbiddenError({ code: 'self_approval', message: 'You cannot approve your own change' });
        }
        if (row.kind === 'bulk_delete' && !input.actor.superadmin) {
          throw new ForbiddenError({
            code: 'superadmin_required',
            message: 'A bulk deletion is approved by superadmins only',
          });
        }
        if (row.approvals.some((a) => a.userId === input.actor.userId)) {
          throw new ConflictError({
            code: 'already_approved',
            message: 'You approved this change already; a second person must',
          });
        }
        const reason = input.reason?.trim();
        const approvals = [
          ...row.approvals,
          { userId: input.actor.userId, at: new Date().toISOString(), ...(reason ? { reason } : {}) },
        ];
        const needed = approvalsNeeded(row.kind);
        const state = approvals.length >= needed ? 'approved' : 'pending_review';
        const approvedById = approvals[0]?.userId ?? null;
        await tx.update(ChangeRequest, { id: row.id }, { approvals, state, approvedById });
        return Object.assign(row, { approvals, state, approvedById });
      });
    },

    async reject(input: { changeId: string; actor: Reviewer; reason?: string | undefined }) {
      const reason = input.reason?.trim();
      if (!reason) {
        throw new InvalidInputError({
          code: 'reason_required',
          message: 'Say why the change is rejected',
          issues: [{ path: 'reason', message: 'required' }],
        });
      }
      const row = await dataSource.transaction(async (tx) => {
        const row = await lockChange(tx, input.changeId);
        if (row.state !== 'pending_review' && row.state !== 'approved') throw notPending(row);
        const changes = {
          state: 'rejected' as const,
          rejectedById: input.actor.userId,
          rejectionReason: reason,
        };
        await tx.update(ChangeRequest, { id: row.id }, changes);
        return Object.assign(row, changes);
      });
      if (row.pullRequest && ctx.gitHost) {
        await ctx.gitHost
          .closePullRequest(row.pullRequest.number)
          .catch((error) => ctx.log.warn({ err: error }, 'pull request not closed'));
      }
      await dropBranch(row);
      return row;
    },

    async merge(input: { changeId: string; actor: Reviewer }): Promise<ChangeRequest> {
      const row = await dataSource.transaction(async (tx) => {
        const row = await lockChange(tx, input.changeId);
        if (row.pullRequest) throw onGitHost(row);
        if (row.state === 'pending_review') {
          throw new ConflictError({
            code: 'not_approved',
            message: 'Approve the change before merging it',
            data: {
              approvals: row.approvals.length,
              needed: row.kind === 'bulk_delete' ? 2 : 1,
            },
          });
        }
        if (row.state !== 'approved') throw notPending(row);
        // Main may have been edited by hand since the branch was cut: refuse before the row changes.
        if (row.kind !== 'purge' && row.kind !== 'bulk_delete') {
          await ctx.assertKeepsHandEdits?.(tx, row.tenantId, patchFor(row));
        }
        await queueMerge(tx, row);
        return row;
      });
      const settled = await ctx.settle(row.id);
      await dropBranch(row);
      return settled;
    },

    /**
     * The `pull_request` webhook: closed unmerged → rejected; merged → merged here when the merger
     * and the approving reviewers count as approvals (host-approvals.ts). A merge without them —
     * the requester merging their own change — is not accepted: the change stays awaiting review
     * with the reason in `error`.
     */
    async closedOnHost(input: { number: number; headRef: string; merged: boolean; by: string }) {
      const found = await dataSource.manager
        .createQueryBuilder(ChangeRequest, 'c')
        .where(`(c."pullRequest"->>'number')::int = :n`, { n: input.number })
        .andWhere('c.branch = :branch', { branch: input.headRef })
        .getOne();
      if (!found) return { outcome: 'ignored' as const, reason: 'no change request for this pull request' };
      const onHost =
        input.merged && (found.state === 'pending_review' || found.state === 'approved')
          ? await approvalsOnHost(dataSource.manager, {
              change: found,
              logins: [input.by, ...((await ctx.gitHost?.approvers(input.number)) ?? [])],
              accounts: ctx.hostAccounts ?? new Map(),
            })
          : null;
      const outcome = await dataSource.transaction(async (tx) => {
        const row = await lockChange(tx, found.id);
        // Deliveries repeat: a change already decided answers the same way again.
        if (row.state !== 'pending_review' && row.state !== 'approved') return 'ignored' as const;
        if (!input.merged) {
          await tx.update(
            ChangeRequest,
            { id: row.id },
            {
              state: 'rejected',
              rejectionReason: `pull request #${input.number} closed without merging by ${input.by}`,
            },
          );
          return 'rejected' as const;
        }
        if (!onHost || onHost.approvals.length < onHost.needed) {
          const error = `pull request #${input.number} merged on GitHub by ${input.by} is not accepted as approval: it needs ${onHost?.needed ?? 1} approval(s) by people other than the requester (${onHost?.notCounted.join('; ') || 'no approving review'})`;
          await tx.update(ChangeRequest, { id: row.id }, { error });
          ctx.log.warn({ change: row.id, pr: input.number }, error);
          return 'refused' as const;
        }
        await queueMerge(tx, row, {
          externalApprover: `${input.by} (GitHub)`,
          approvals: onHost.approvals,
          approvedById: onHost.approvals[0]?.userId ?? null,
          error: null,
        });
        return 'merged' as const;
      });
      if (outcome === 'merged') await ctx.settle(found.id);
      return { outcome, changeRequestId: found.id };
    },

    /**
     * Sync's "Ready for the tenant's last change": when that change is a purge's release, the
     * cluster now holds the data objects without `prune: disabled`, so removing the folder makes
     * Flux delete them — queue the finalize (for a bulk deletion, once every tenant is there).
     */
    async tenantReady(tenantId: string): Promise<void> {
      const tenant = await dataSource.manager.findOneBy(Tenant, { id: tenantId });
      if (!tenant?.lastChangeId || tenant.state !== 'purging') return;
      const change = await dataSource.manager.findOneBy(ChangeRequest, { id: tenant.lastChangeId });
      if (change?.purgeStage !== 'released') return;
      for (const other of tenantIdsOf(change)) {
        if (other !== tenantId && ctx.tenantIsReady && !(await ctx.tenantIsReady(other))) return;
      }
      // The tenants stay `purging` until the writer has removed their folders (it applies
      // `deleted` with the commit): a finalize the mass-deletion guard refuses leaves them true.
      const queued = await dataSource.transaction(async (tx) => {
        const row = await lockChange(tx, change.id);
        if (row.purgeStage !== 'released') return false;
        await tx.update(
          ChangeRequest,
          { id: row.id },
          { state: 'queued', target: 'main', purgeStage: 'finalize' },
        );
        return true;
      });
      if (queued) ctx.kick();
    },
  };
}

export type Review = ReturnType<typeof createReview>;
