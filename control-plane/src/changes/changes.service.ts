import { randomUUID } from 'node:crypto';
import { type RenderOptions, SpecError, ValidationError } from '@luster/synth';
import { createTwoFilesPatch } from 'diff';
import type { DataSource, EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError, UnavailableError } from '../errors/index.js';
import type { Pipeline } from '../events/pipeline.js';
import type { FileWrite, GitopsWriter } from '../gitops/port.js';
import type { Logger } from '../logger.js';
import { renderTenantFiles } from '../tenants/render.js';
import { loadTenantRows } from '../tenants/tenant-rows.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { type ChangeKind, ChangeRequest, type TenantPatch } from './changes.entities.js';
import { createReconciler } from './drift.js';
import type { GitHost } from './git-host.js';
import { folderState, planFolderWrites, refuseOverwrite } from './hand-edits.js';
import { policyFor, reviewBranch } from './policy.js';
import { createReview, type Review } from './review.js';
import { applyPatch, patchedRows, valuesBefore } from './tenant-patch.js';
import { createChangeWriter, WRITER_BATCH } from './write-change.js';

/*
 * Change requests, the one way anything reaches the GitOps repo (README.md in this folder).
 *
 *   submit  — intent first: in ONE transaction the change is inserted `queued` (the outbox) and, for
 *             a direct change, the tenant row takes the patch. Nothing touches git in a transaction.
 *             A reviewed change leaves the row alone: its patch reaches the row only when merged.
 *   writer  — a single writer across all replicas (session advisory lock WRITER_LOCK) takes queued
 *             changes oldest first and writes them (write-change.ts): onto main, or onto the
 *             change's review branch. A crash between DB and git is repaired by the next round.
 *   review  — approve / reject / merge (review.ts); merge re-renders on top of main as it is now.
 *   reconcile — periodically: drain, re-queue what main lost, report hand edits as drift (drift.ts).
 *   settle  — waits until a change left `queued` (the request that made it answers after its commit).
 *   stop    — takes no new rounds and waits for the running one (graceful shutdown).
 */

/**
 * Kinds that re-render a live tenant's folder and must keep its hand edits. A provision has no
 * folder yet, a re-assert overwrites on purpose, purges replace or remove the folder once reviewed.
 */
const keepsHandEdits: ReadonlySet<ChangeKind> = new Set([
  'update',
  'revert',
  'suspend',
  'resume',
  'deprovision',
]);

/** Key of the session advisory lock held by the one writer. */
export const WRITER_LOCK = 0x4c555354; // 'LUST'

export interface ChangeActor {
  userId: string;
}

export interface SubmitChange {
  tenantId: string;
  kind: ChangeKind;
  actor: ChangeActor;
  reason?: string | undefined;
  /** One line for the commit subject after `tenant(<slug>): `. */
  summary: string;
  tenantPatch: TenantPatch;
  /** Every tenant of a bulk deletion (`tenantId` is the first). @default [tenantId] */
  tenantIds?: string[];
  /** For a revert: the change whose snapshot it restores. */
  revertOf?: string;
}

export interface PreviewChange {
  tenantId: string;
  tenantPatch: TenantPatch;
}

export interface FilePreview {
  /** Repo-relative path. */
  path: string;
  status: 'added' | 'modified' | 'deleted';
  patch: string;
}

export interface ChangesDeps {
  dataSource: DataSource;
  writer: GitopsWriter;
  logger: Logger;
  renderOptions: RenderOptions;
  branch?: string;
  /** `CHANGE_REVIEW_KINDS`: kinds that go through review besides purge and bulk_delete. */
  reviewKinds?: readonly string[];
  /** `CHANGE_MAX_FOLDER_REMOVALS`. @default 3 */
  maxFolderRemovals?: number;
  /**
   * Where the writer announces `tenants.committed` after a change's commit on main is recorded
   * (sync: the tenant is Pending again), and review hears `tenant.ready` (a purge's first commit is
   * applied, so its second can remove the folder).
   */
  pipeline: Pipeline;
  /** Told after every writer round that committed something to main (push, Flux receiver). */
  afterRound?: () => void;
  gitHost?: GitHost;
  pushBranch?: (branch: string) => Promise<void>;
  tenantIsReady?: (tenantId: string) => Promise<boolean>;
  /** `GITHUB_LOGINS`: who is who on the git host (review.ts `closedOnHost`). @default none */
  hostAccounts?: ReadonlyMap<string, string>;
}

export { policyFor } from './policy.js';

export function createChangesService(deps: ChangesDeps) {
  const { dataSource, writer, logger } = deps;
  const branch = deps.branch ?? 'main';
  const log = logger.child({ component: 'changes' });
  const { processMany } = createChangeWriter({
    dataSource,
    writer,
    log,
    renderOptions: deps.renderOptions,
    mainBranch: branch,
    maxFolderRemovals: deps.maxFolderRemovals ?? 3,
    onCommitted: (tenantIds) => deps.pipeline.emit('tenants.committed', { tenantIds }),
    gitHost: deps.gitHost,
    pushBranch: deps.pushBranch,
  });
  const reconciler = createReconciler({
    dataSource,
    writer,
    log,
    renderOptions: deps.renderOptions,
    mainBranch: branch,
  });

  /**
   * Renders the patched tenant inside the caller's transaction, so an update synth refuses (a
   * catalog image that is not pinned, a plugin id it rejects…) fails the request with 400 and
   * rolls back, instead of recording intent that can never be committed.
   */
  async function assertRenders(manager: EntityManager, tenantId: string, patch?: TenantPatch): Promise<void> {
    try {
      const rows = await loadTenantRows(manager, tenantId);
      renderTenantFiles(patch ? await patchedRows(manager, rows, patch) : rows, deps.renderOptions);
    } catch (error) {
      if (error instanceof SpecError) {
        throw new InvalidInputError({
          code: 'render_failed',
          message: error.message,
          issues: [...error.issues],
        });
      }
      if (error instanceof ValidationError) {
        throw new InvalidInputError({
          code: 'render_failed',
          message: error.message,
          issues: error.violations.map((v) => ({ path: `${v.object} ${v.field}`, message: v.message })),
        });
      }
      throw error;
    }
  }

  /**
   * Refuses (`409 drift`, nothing recorded) a change whose commit would overwrite a hand edit in
   * the tenant's folder on main; the writer checks again when it commits (hand-edits.ts).
   */
  async function assertKeepsHandEdits(manager: EntityManager, tenantId: string, patch?: TenantPatch) {
    const tenant = await manager.findOneByOrFail(Tenant, { id: tenantId });
    const state = await folderState(writer, tenant, await writer.head(branch));
    if (!state || state.edited.size === 0) return;
    const rows = await loadTenantRows(manager, tenantId);
    const rendered = renderTenantFiles(
      patch ? await patchedRows(manager, rows, patch) : rows,
      deps.renderOptions,
    );
    if (rendered.files) refuseOverwrite(planFolderWrites(state, rendered.files));
  }

  async function record(manager: EntityManager, input: SubmitChange): Promise<ChangeRequest> {
    const policy = policyFor(input.kind, deps.reviewKinds);
    const rendersNew = input.kind === 'update' || input.kind === 'revert';
    const direct = policy === 'direct';
    const tenantBefore = direct ? await valuesBefore(manager, input.tenantId, input.tenantPatch) : null;
    if (direct) await applyPatch(manager, input.tenantId, input.tenantPatch);
    if (rendersNew)
      await assertRenders(manager, input.tenantId, policy === 'review' ? input.tenantPatch : undefined);
    if (keepsHandEdits.has(input.kind)) {
      await assertKeepsHandEdits(
        manager,
        input.tenantId,
        policy === 'review' ? input.tenantPatch : undefined,
      );
    }
    const id = randomUUID();
    const slug =
      policy === 'review' ? (await manager.findOneByOrFail(Tenant, { id: input.tenantId })).slug : '';
    const change = manager.create(ChangeRequest, {
      id,
      tenantId: input.tenantId,
      tenantIds: input.tenantIds ?? [input.tenantId],
      kind: input.kind,
      state: 'queued',
      policy,
      target: policy === 'review' ? 'review' : 'main',
      requestedById: input.actor.userId,
      approvedById: null,
      reason: input.reason ?? null,
      summary: input.summary,
      tenantPatch: input.tenantPatch,
      branch: policy === 'review' ? reviewBranch(id, slug) : branch,
      baseSha: null,
      commitSha: null,
      error: null,
      committedAt: null,
      revertOf: input.revertOf ?? null,
      tenantBefore,
    });
    // An insert, not `save`: with the id set, `save` would first look the row up.
    await manager.insert(ChangeRequest, change);
    return change;
  }

  // ---- the single writer -------------------------------------------------------------------

  let running: Promise<void> | null = null;
  let pending: Promise<void> | null = null;
  let stopped = false;
  let reconcileTimer: NodeJS.Timeout | undefined;

  /**
   * A writer round that starts after this call: callers arriving while a round runs share the
   * next one, so a burst of N submissions costs at most two waits, and one DB connection per
   * process waits for the lock, however many requests are waiting.
   */
  function requestRound(reconcile = false): Promise<void> {
    if (stopped) return Promise.resolve();
    if (!running) {
      running = round(reconcile).finally(() => {
        running = null;
      });
      return running;
    }
    pending ??= running
      .catch(() => undefined)
      .then(() => {
        pending = null;
        return requestRound(reconcile);
      });
    return pending;
  }

  async function withWriterLock<T>(fn: () => Promise<T>): Promise<T> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK]);
      try {
        return await fn();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  async function drainQueue(): Promise<number> {
    let processed = 0;
    while (!stopped) {
      const queued: { id: string; tenantId: string }[] = await dataSource.query(
        `SELECT id, "tenantId" FROM change_request WHERE state = 'queued' ORDER BY seq LIMIT $1`,
        [WRITER_BATCH],
      );
      if (queued.length === 0) break;
      // The oldest change of each tenant; a tenant's later changes wait for the next pass, so
      // one tenant's changes are committed in order, while different tenants' are written as
      // one chain of commits (write-change.ts, processMany).
      const seen = new Set<string>();
      const batch = queued.filter((c) => !seen.has(c.tenantId) && seen.add(c.tenantId));
      await processMany(batch.map((c) => c.id));
      processed += batch.length;
    }
    return processed;
  }

  async function round(reconcile: boolean): Promise<void> {
    const processed = await withWriterLock(async () => {
      let n = await drainQueue();
      if (reconcile && !stopped) {
        const { requeued } = await reconciler.reconcile();
        if (requeued.length) n += await drainQueue();
      }
      return n;
    });
    if (processed > 0) deps.afterRound?.();
  }

  const service: ChangesServiceShape = {
    /**
     * Records a change. With `manager` it joins the caller's transaction and returns the queued
     * change — call `settle(id)` after that transaction commits. Without, it runs its own
     * transaction and waits for the commit, returning the settled change.
     */
    async submit(input: SubmitChange, manager?: EntityManager): Promise<ChangeRequest> {
      if (manager) return record(manager, input);
      const change = await dataSource.transaction((tx) => record(tx, input));
      return change.state === 'queued' ? service.settle(change.id) : change;
    },

    /**
     * Runs the writer until the change has left `queued`; returns it as it ended up. A change the
     * writer could not commit is an error for the request waiting on it, never a success: the
     * writer has put the tenant row back (markFailed), so nothing claims state git does not hold.
     */
    async settle(changeId: string): Promise<ChangeRequest> {
      await requestRound();
      const change = await dataSource.manager.findOneBy(ChangeRequest, { id: changeId });
      if (!change)
        throw new NotFoundError({ code: 'change_request_not_found', what: 'Change request', id: changeId });
      if (change.state === 'queued') {
        throw new UnavailableError({
          message: 'The change is recorded but not committed yet; it will be',
          data: {
            changeRequestId: changeId,
          },
        });
      }
      if (change.state === 'failed') {
        throw new ConflictError({
          code: 'change_failed',
          message: `The change could not be committed: ${change.error}`,
          data: {
            changeRequestId: changeId,
            error: change.error,
          },
        });
      }
      return change;
    },

    /** Processes whatever is queued (start-up repair of a crash between DB and git). */
    drain: () => requestRound(),

    /** Whether the writer stopped taking rounds (shutdown). */
    get stopped() {
      return stopped;
    },

    /** What committing `tenantPatch` would change under the tenant's folder on `main`. */
    async preview(input: PreviewChange): Promise<{ baseSha: string | null; files: FilePreview[] }> {
      const rows = await loadTenantRows(dataSource.manager, input.tenantId);
      const patched = await patchedRows(dataSource.manager, rows, input.tenantPatch);
      const rendered = renderTenantFiles(patched, deps.renderOptions);
      const baseSha = await writer.head(branch);
      const current = baseSha ? await writer.listFiles(baseSha, rendered.dir) : [];
      const next = new Map((rendered.files ?? []).map((f) => [`${rendered.dir}/${f.path}`, text(f)]));
      const files: FilePreview[] = [];
      const paths = [...new Set([...current.map((f) => f.path), ...next.keys()])].sort();
      for (const path of paths) {
        const before =
          baseSha && current.some((f) => f.path === path) ? await writer.readFile(baseSha, path) : null;
        const after = next.get(path) ?? null;
        if (before === after) continue;
        files.push({
          path,
          status: before === null ? 'added' : after === null ? 'deleted' : 'modified',
          patch: createTwoFilesPatch(
            `a/${path}`,
            `b/${path}`,
            before ?? '',
            after ?? '',
            undefined,
            undefined,
            {
              context: 3,
            },
          ),
        });
      }
      return { baseSha, files };
    },

    /** One reconcile pass now (the timer runs it every RECONCILE_INTERVAL_SECONDS). */
    reconcile: () => requestRound(true),

    /** Runs the reconcile pass every `seconds` (0: never) until `stop()`. */
    startReconciling(seconds: number): void {
      if (seconds <= 0 || reconcileTimer) return;
      reconcileTimer = setInterval(() => {
        requestRound(true).catch((error) => log.error({ err: error }, 'reconcile pass failed'));
      }, seconds * 1000);
      reconcileTimer.unref();
    },

    /** Takes no new rounds; waits for the running one (its git writes finish, bounded by the caller). */
    async stop(): Promise<void> {
      stopped = true;
      if (reconcileTimer) clearInterval(reconcileTimer);
      await Promise.allSettled([running, pending].filter(Boolean));
    },

    review: createReview({
      dataSource,
      writer,
      log,
      gitHost: deps.gitHost,
      settle: (id) => service.settle(id),
      kick: () => {
        requestRound().catch((error) => log.error({ err: error }, 'writer round failed'));
      },
      tenantIsReady: deps.tenantIsReady,
      hostAccounts: deps.hostAccounts,
      assertKeepsHandEdits,
    }),
  };
  deps.pipeline.on('tenant.ready', ({ tenantId }) => service.review.tenantReady(tenantId));
  return service;
}

function text(file: FileWrite): string {
  return typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
}

export type ChangesService = ReturnType<typeof createChangesService>;

export interface ChangesServiceShape {
  submit(input: SubmitChange, manager?: EntityManager): Promise<ChangeRequest>;
  settle(changeId: string): Promise<ChangeRequest>;
  drain(): Promise<void>;
  readonly stopped: boolean;
  preview(input: PreviewChange): Promise<{ baseSha: string | null; files: FilePreview[] }>;
  reconcile(): Promise<void>;
  startReconciling(seconds: number): void;
  stop(): Promise<void>;
  review: Review;
}
