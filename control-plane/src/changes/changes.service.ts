import type { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, UnavailableError } from '../errors/index.js';
import type { Pipeline } from '../events/pipeline.js';
import type { GitopsWriter } from '../gitops/port.js';
import type { Logger } from '../logger.js';
import { type RenderedTenant, renderTenantFiles, type TenantRenderOptions } from '../tenants/render.js';
import { loadTenantRows } from '../tenants/tenant-rows.js';
import { ChangeRequest, type TenantPatch } from './changes.entities.js';
import { createReconciler } from './drift.js';
import type { GitHost } from './git-host.js';
import { createLayoutGuard } from './layout-guard.js';
import type { ReplicaPresence } from './replica-presence.js';
import { createReview, type Review } from './review.js';
import { takeOverQuietly } from './takeover.js';
import { patchedRows } from './tenant-patch.js';
import { createChangeWriter } from './writer/change-writer.js';
import { type FilePreview, previewFolder } from './writer/preview.js';
import type { TenantRows } from './writer/record.js';
import { createScheduler } from './writer/scheduler.js';
import { createSubmission, type SubmitChange } from './writer/submit.js';
import { withWriterLock } from './writer-lock.js';

/*
 * Change requests, the one way anything reaches the GitOps repo (README.md in this folder). This
 * file wires the pieces of writer/ together:
 *
 *   submit  — intent first, in one transaction: the change is queued (the outbox) (submit.ts).
 *   writer  — a single writer across all replicas (session advisory lock WRITER_LOCK, writer-lock.ts) takes queued
 *             changes oldest first and writes them onto main or the change's review branch
 *             (change-writer.ts); rounds are scheduled by scheduler.ts. A crash between DB and git
 *             is repaired by the next round.
 *   review  — approve / reject / merge (review.ts); merge re-renders on top of main as it is now.
 *   reconcile — periodically: drain, re-queue what main lost, report hand edits as drift (drift.ts).
 *   takeover — with a remote, each round: queue again what a gone replica committed and never
 *             pushed (takeover.ts, replica-presence.ts).
 *   settle  — waits until a change left `queued` (the request that made it answers after its commit).
 *   stop    — takes no new rounds and waits for the running one (graceful shutdown).
 */

export type { ChangeActor, SubmitChange } from './writer/submit.js';

export interface PreviewChange {
  tenantId: string;
  tenantPatch: TenantPatch;
}

export interface ChangesDeps {
  dataSource: DataSource;
  writer: GitopsWriter;
  logger: Logger;
  renderOptions: TenantRenderOptions;
  /** Where the writer's rounds render (tenants/render-thread.ts). @default in the process */
  render?: (rows: TenantRows, options: TenantRenderOptions) => Promise<RenderedTenant>;
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
  /** When changes are recorded as committed. @default the real clock */
  clock?: () => Date;
  /**
   * With a git remote: this replica among the others. Commits on main are recorded under its key
   * until pushed, and every round takes over what gone replicas left (takeover.ts). @default none
   */
  presence?: ReplicaPresence;
  /**
   * With a git remote: brings the local main level with the remote before a reconcile pass (a
   * push, which fetches and re-applies when the remote moved). Without it the pass would take
   * the other replicas' commits it has not fetched for lost history, their folders for hand edits.
   */
  syncMain?: () => Promise<void>;
}

export function createChangesService(deps: ChangesDeps) {
  const { dataSource, writer, logger } = deps;
  const branch = deps.branch ?? 'main';
  const log = logger.child({ component: 'changes' });
  const layout = createLayoutGuard({ writer, mainBranch: branch, log });
  const changeWriter = createChangeWriter({
    dataSource,
    writer,
    log,
    renderOptions: deps.renderOptions,
    render: deps.render,
    mainBranch: branch,
    maxFolderRemovals: deps.maxFolderRemovals ?? 3,
    clock: deps.clock,
    unpushedBy: deps.presence && (() => deps.presence?.key),
    onCommitted: (tenantIds) => deps.pipeline.emit('tenants.committed', { tenantIds }),
    onSettled: (changeIds) => scheduler.settled(changeIds),
    gitHost: deps.gitHost,
    pushBranch: deps.pushBranch,
    layout,
  });
  const reconciler = createReconciler({
    dataSource,
    writer,
    log,
    renderOptions: deps.renderOptions,
    mainBranch: branch,
  });
  const submission = createSubmission({
    writer,
    renderOptions: deps.renderOptions,
    mainBranch: branch,
    reviewKinds: deps.reviewKinds,
    layout,
  });
  const scheduler = createScheduler({
    withLock: (fn) => withWriterLock(dataSource, fn),
    takeOver: deps.presence && takeOverQuietly(dataSource, deps.presence, log),
    drain: changeWriter.drain,
    reconcile: async () => (await reconciler.reconcile()).requeued.length,
    // Outside the writer lock: a push to a remote that hangs must not hold every write back.
    beforeReconcile: async () => {
      try {
        await deps.syncMain?.();
        return true;
      } catch (error) {
        log.warn({ err: error }, 'reconcile pass skipped: main could not be brought level with the remote');
        return false;
      }
    },
    afterRound: deps.afterRound,
    onError: (error, what) => log.error({ err: error }, what),
  });

  const service: ChangesServiceShape = {
    /**
     * Records a change. With `manager` it joins the caller's transaction and returns the queued
     * change — call `settle(id)` after that transaction commits. Without, it runs its own
     * transaction and waits for the commit, returning the settled change.
     */
    async submit(input: SubmitChange, manager?: EntityManager): Promise<ChangeRequest> {
      if (manager) return submission.record(manager, input);
      const change = await dataSource.transaction((tx) => submission.record(tx, input));
      return change.state === 'queued' ? service.settle(change.id) : change;
    },

    /**
     * Runs the writer until the change has left `queued`; returns it as it ended up. A change the
     * writer could not commit is an error for the request waiting on it, never a success: the
     * writer has put the tenant row back (markFailed), so nothing claims state git does not hold.
     */
    async settle(changeId: string): Promise<ChangeRequest> {
      await scheduler.requestChange(changeId);
      const change = await dataSource.manager.findOneBy(ChangeRequest, { id: changeId });
      if (!change)
        throw new NotFoundError({ code: 'change_request_not_found', what: 'Change request', id: changeId });
      if (change.state === 'queued') {
        throw new UnavailableError({
          message: 'The change is recorded but not committed yet; it will be',
          data: { changeRequestId: changeId },
        });
      }
      if (change.state === 'failed') {
        throw new ConflictError({
          code: 'change_failed',
          message: `The change could not be committed: ${change.error}`,
          data: { changeRequestId: changeId, error: change.error },
        });
      }
      return change;
    },

    /** Processes whatever is queued (start-up repair of a crash between DB and git). */
    drain: () => scheduler.requestRound(),

    /** Clusters whose entry point is still in the legacy layout: their tenant changes are refused. */
    legacyClusters: () => layout.legacyClusters(),

    /** Whether the writer stopped taking rounds (shutdown). */
    get stopped() {
      return scheduler.stopped;
    },

    /**
     * What committing `tenantPatch` would change under the tenant's folder on `main`. `manager`
     * reads rows not committed yet (a new client's, previewed inside a transaction rolled back).
     */
    async preview(
      input: PreviewChange,
      manager: EntityManager = dataSource.manager,
    ): Promise<{ baseSha: string | null; files: FilePreview[] }> {
      const rows = await loadTenantRows(manager, input.tenantId);
      const patched = await patchedRows(manager, rows, input.tenantPatch);
      return previewFolder(writer, branch, renderTenantFiles(patched, deps.renderOptions));
    },

    /** One reconcile pass now (the timer runs it every RECONCILE_INTERVAL_SECONDS). */
    reconcile: () => scheduler.requestReconcile(),

    /** Runs the reconcile pass every `seconds` (0: never) until `stop()`. */
    startReconciling: (seconds: number) => scheduler.startReconciling(seconds),

    /** Runs a writer round every `seconds` (0: never) until `stop()`: GITOPS_TAKEOVER_SECONDS. */
    startRounds: (seconds: number) => scheduler.startRounds(seconds),

    /** Takes no new rounds; waits for the running one (its git writes finish, bounded by the caller). */
    stop: () => scheduler.stop(),

    review: createReview({
      dataSource,
      writer,
      log,
      gitHost: deps.gitHost,
      settle: (id) => service.settle(id),
      kick: () => {
        scheduler.requestRound().catch((error) => log.error({ err: error }, 'writer round failed'));
      },
      tenantIsReady: deps.tenantIsReady,
      hostAccounts: deps.hostAccounts,
      assertKeepsHandEdits: submission.assertKeepsHandEdits,
    }),
  };
  deps.pipeline.on('tenant.ready', ({ tenantId }) => service.review.tenantReady(tenantId));
  return service;
}

export type ChangesService = ReturnType<typeof createChangesService>;

export interface ChangesServiceShape {
  submit(input: SubmitChange, manager?: EntityManager): Promise<ChangeRequest>;
  settle(changeId: string): Promise<ChangeRequest>;
  drain(): Promise<void>;
  legacyClusters(): Promise<string[]>;
  readonly stopped: boolean;
  preview(
    input: PreviewChange,
    manager?: EntityManager,
  ): Promise<{ baseSha: string | null; files: FilePreview[] }>;
  reconcile(): Promise<void>;
  startReconciling(seconds: number): void;
  startRounds(seconds: number): void;
  stop(): Promise<void>;
  review: Review;
}
