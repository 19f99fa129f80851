import { type RenderOptions, SpecError, ValidationError } from '@luster/synth';
import { createTwoFilesPatch } from 'diff';
import type { DataSource, EntityManager } from 'typeorm';
import { ThemeVersion } from '../catalog/catalog.entities.js';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnavailableError,
} from '../errors/index.js';
import type { CommitMessage } from '../gitops/commit-message.js';
import type { FileWrite, GitopsWriter } from '../gitops/port.js';
import type { Logger } from '../logger.js';
import { Organization } from '../orgs/orgs.entities.js';
import { renderTenantFiles } from '../tenants/render.js';
import { loadTenantRows } from '../tenants/tenant-rows.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { User } from '../users/users.entities.js';
import { type ChangeKind, ChangeRequest, TenantCommit, type TenantPatch } from './changes.entities.js';

/*
 * Change requests, the one way anything reaches the GitOps repo.
 *
 *   submit  — intent first: in ONE transaction the tenant row takes the patch and the change is
 *             inserted `queued` (the outbox). Nothing touches git inside a transaction.
 *   writer  — a single writer across all replicas (session advisory lock WRITER_LOCK): takes queued
 *             changes oldest first, renders the tenant *from the DB* with synth, commits through the
 *             GitopsWriter, then records commitSha on the change, the tenant's last change and a
 *             tenant_commit row (history is a query). A crash between the git commit and the DB
 *             update leaves the change queued; the next round re-renders, finds nothing to commit,
 *             and adopts the head commit if its `Change-Request:` trailer names the change.
 *   settle  — waits until a change left `queued` (the request that made it answers after its commit).
 *   preview — render + diff against `main` without committing (the admin's diff preview).
 *
 * Extension points for the review issue: `policyFor(kind)` decides direct vs review; a reviewed
 * change is inserted `pending_review` without touching the tenant row, and `decide` applies its
 * patch and queues it once approved (today only purges are reviewed, straight to main after).
 */

/** Key of the session advisory lock held by the one writer. */
export const WRITER_LOCK = 0x4c555354; // 'LUST'

/** Changes of distinct tenants the writer works on at once (their commits still land one by one). */
const WRITER_CONCURRENCY = 8;

/** How far back the writer looks for a commit it made before a crash (adoption, see processOne). */
const ADOPTION_DEPTH = 50;

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
  /** Told after a change's commit is recorded (sync status: the tenant is Pending again). */
  onCommitted?: (tenantId: string) => Promise<void>;
}

/** Which changes need a second person before they are committed. */
export function policyFor(kind: ChangeKind): 'direct' | 'review' {
  return kind === 'purge' ? 'review' : 'direct';
}

export function createChangesService(deps: ChangesDeps) {
  const { dataSource, writer, logger } = deps;
  const branch = deps.branch ?? 'main';
  const log = logger.child({ component: 'changes' });

  /** Applies a patch to the tenant row (and the organization's display name). */
  async function applyPatch(manager: EntityManager, tenantId: string, patch: TenantPatch) {
    const { displayName, ...tenantFields } = patch;
    if (Object.keys(tenantFields).length > 0) {
      await manager.update(Tenant, { id: tenantId }, tenantFields as Partial<Tenant>);
    }
    if (displayName !== undefined) {
      const tenant = await manager.findOneByOrFail(Tenant, { id: tenantId });
      await manager.update(Organization, { id: tenant.organizationId }, { name: displayName });
    }
  }

  /**
   * Renders the patched tenant inside the caller's transaction, so an update synth refuses (a
   * catalog image that is not pinned, a plugin id it rejects…) fails the request with 400 and
   * rolls back, instead of recording intent that can never be committed.
   */
  async function assertRenders(manager: EntityManager, tenantId: string): Promise<void> {
    try {
      renderTenantFiles(await loadTenantRows(manager, tenantId), deps.renderOptions);
    } catch (error) {
      if (error instanceof SpecError) {
        throw new InvalidInputError(error.message, [...error.issues], 'render_failed');
      }
      if (error instanceof ValidationError) {
        throw new InvalidInputError(
          error.message,
          error.violations.map((v) => ({ path: `${v.object} ${v.field}`, message: v.message })),
          'render_failed',
        );
      }
      throw error;
    }
  }

  async function record(manager: EntityManager, input: SubmitChange): Promise<ChangeRequest> {
    const policy = policyFor(input.kind);
    if (policy === 'direct') await applyPatch(manager, input.tenantId, input.tenantPatch);
    if (policy === 'direct' && input.kind === 'update') await assertRenders(manager, input.tenantId);
    const change = manager.create(ChangeRequest, {
      tenantId: input.tenantId,
      kind: input.kind,
      state: policy === 'direct' ? 'queued' : 'pending_review',
      policy,
      requestedById: input.actor.userId,
      approvedById: null,
      reason: input.reason ?? null,
      summary: input.summary,
      tenantPatch: input.tenantPatch,
      branch,
      baseSha: null,
      commitSha: null,
      error: null,
      committedAt: null,
    });
    return manager.save(change);
  }

  // ---- the single writer -------------------------------------------------------------------

  let running: Promise<void> | null = null;
  let pending: Promise<void> | null = null;

  /**
   * A writer round that starts after this call: callers arriving while a round runs share the
   * next one, so a burst of N submissions costs at most two waits, and one DB connection per
   * process waits for the lock, however many requests are waiting.
   */
  function requestRound(): Promise<void> {
    if (!running) {
      running = round().finally(() => {
        running = null;
      });
      return running;
    }
    pending ??= running
      .catch(() => undefined)
      .then(() => {
        pending = null;
        return requestRound();
      });
    return pending;
  }

  async function round(): Promise<void> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK]);
      try {
        for (;;) {
          const queued: { id: string; tenantId: string }[] = await runner.query(
            `SELECT id, "tenantId" FROM change_request WHERE state = 'queued' ORDER BY seq LIMIT 100`,
          );
          if (queued.length === 0) break;
          // The oldest change of each tenant; a tenant's later changes wait for the next pass, so
          // one tenant's changes are committed in order while different tenants' overlap (the
          // writer stores blobs outside its branch lock and rebuilds on a moved head).
          const seen = new Set<string>();
          const batch = queued.filter((c) => !seen.has(c.tenantId) && seen.add(c.tenantId));
          for (let i = 0; i < batch.length; i += WRITER_CONCURRENCY) {
            await Promise.all(batch.slice(i, i + WRITER_CONCURRENCY).map(({ id }) => processOne(id)));
          }
        }
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  /** The commit among the last ADOPTION_DEPTH on the branch whose `Change-Request:` names the change. */
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

  function person(user: Pick<User, 'name' | 'email'>): string {
    return `${user.name} <${user.email}>`;
  }

  async function processOne(changeId: string): Promise<void> {
    const manager = dataSource.manager;
    const change = await manager.findOneByOrFail(ChangeRequest, { id: changeId });
    if (change.state !== 'queued') return;
    const rows = await loadTenantRows(manager, change.tenantId);
    const requester = await manager.findOneByOrFail(User, { id: change.requestedById });
    const approver = change.approvedById ? await manager.findOneBy(User, { id: change.approvedById }) : null;
    const message: CommitMessage = {
      tenant: rows.tenant.slug,
      summary: change.summary,
      organizationId: rows.tenant.organizationId,
      changeRequest: change.id,
      requestedBy: person(requester),
      ...(approver ? { approvedBy: person(approver) } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
    };
    const author = { name: requester.name, email: requester.email };
    const wlog = log.child({ tenant: rows.tenant.slug, change: change.id, kind: change.kind });
    try {
      const baseSha = await writer.head(change.branch);
      const rendered = renderTenantFiles(rows, deps.renderOptions);
      const applied =
        rendered.files === null
          ? await writer.deleteTenantFolder({
              branch: change.branch,
              tenantDir: rendered.dir,
              message,
              author,
            })
          : await writer.applyChange({
              branch: change.branch,
              tenantDir: rendered.dir,
              writes: rendered.files,
              deletes: 'all',
              message,
              author,
            });
      let commitSha = applied?.sha ?? null;
      let parentSha = applied?.parent ?? baseSha;
      let touched = applied?.touched.length ?? 0;
      if (!applied && baseSha) {
        // Nothing to commit: either the DB already matched git, or we crashed right after
        // committing this very change last time — then adopt that commit.
        const made = await findCommitOf(change, baseSha);
        if (made) {
          commitSha = made.sha;
          parentSha = made.parents[0] ?? baseSha;
          touched = -1;
        }
      }
      const committedAt = new Date();
      await manager.transaction(async (tx) => {
        await tx.update(
          ChangeRequest,
          { id: change.id },
          { state: 'committed', baseSha, commitSha, committedAt, error: null },
        );
        if (commitSha) {
          await tx.update(
            Tenant,
            { id: rows.tenant.id },
            { lastChangeId: change.id, lastCommitSha: commitSha, lastCommittedAt: committedAt },
          );
          if (touched >= 0) {
            await tx.insert(TenantCommit, {
              sha: commitSha,
              tenantId: rows.tenant.id,
              changeRequestId: change.id,
              parentSha: parentSha ?? '',
              branch: change.branch,
              subject: `tenant(${rows.tenant.slug}): ${change.summary}`,
              filesTouched: touched,
              committedAt,
            });
          }
        }
      });
      wlog.info({ sha: commitSha }, commitSha ? 'change committed' : 'change committed nothing');
      if (commitSha && deps.onCommitted) {
        await deps
          .onCommitted(rows.tenant.id)
          .catch((error) => wlog.error({ err: error }, 'after-commit hook failed'));
      }
    } catch (error) {
      wlog.error({ err: error }, 'change failed');
      await manager.update(
        ChangeRequest,
        { id: change.id },
        { state: 'failed', error: (error as Error).message?.slice(0, 2000) ?? String(error) },
      );
    }
  }

  const service = {
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

    /** Runs the writer until the change has left `queued`; returns it as it ended up. */
    async settle(changeId: string): Promise<ChangeRequest> {
      await requestRound();
      const change = await dataSource.manager.findOneBy(ChangeRequest, { id: changeId });
      if (!change) throw new NotFoundError('Change request', changeId, 'change_request_not_found');
      if (change.state === 'queued') {
        throw new UnavailableError('The change is recorded but not committed yet; it will be', {
          changeRequestId: changeId,
        });
      }
      return change;
    },

    /** Processes whatever is queued (start-up repair of a crash between DB and git). */
    drain: () => requestRound(),

    /** What committing `tenantPatch` would change under the tenant's folder on `main`. */
    async preview(input: PreviewChange): Promise<{ baseSha: string | null; files: FilePreview[] }> {
      const rows = await loadTenantRows(dataSource.manager, input.tenantId);
      const { displayName, ...tenantFields } = input.tenantPatch;
      const patched = {
        ...rows,
        tenant: Object.assign(Object.create(Object.getPrototypeOf(rows.tenant)), rows.tenant, tenantFields),
        organization: { ...rows.organization, name: displayName ?? rows.organization.name },
      };
      if (tenantFields.themeName || tenantFields.themeVersion) {
        const theme = await loadTheme(
          dataSource.manager,
          patched.tenant.themeName,
          patched.tenant.themeVersion,
        );
        patched.theme = theme;
      }
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

    /**
     * Approves or rejects a change waiting for review. The approver must not be the requester;
     * the caller checked the approver's capability (permissions.ts `changes.approve`).
     */
    async decide(input: { changeId: string; actor: ChangeActor; approve: boolean; reason?: string }) {
      const change = await dataSource.transaction(async (tx) => {
        const row = await tx
          .createQueryBuilder(ChangeRequest, 'c')
          .setLock('pessimistic_write')
          .where('c.id = :id', { id: input.changeId })
          .getOne();
        if (!row) throw new NotFoundError('Change request', input.changeId, 'change_request_not_found');
        if (row.state !== 'pending_review') {
          throw new ConflictError('change_not_pending', `The change is ${row.state}, not pending review`, {
            state: row.state,
          });
        }
        if (row.requestedById === input.actor.userId) {
          throw new ForbiddenError('You cannot approve your own change', 'self_approval');
        }
        if (!input.approve) {
          await tx.update(
            ChangeRequest,
            { id: row.id },
            { state: 'rejected', approvedById: input.actor.userId, error: input.reason ?? null },
          );
          return { ...row, state: 'rejected' as const };
        }
        await applyPatch(tx, row.tenantId, row.tenantPatch);
        await tx.update(ChangeRequest, { id: row.id }, { state: 'queued', approvedById: input.actor.userId });
        return { ...row, state: 'queued' as const };
      });
      return change.state === 'queued' ? service.settle(change.id) : change;
    },
  };
  return service;
}

async function loadTheme(manager: EntityManager, name: string, version: string) {
  const theme = await manager.findOneBy(ThemeVersion, { name, version });
  if (!theme) throw new NotFoundError('Theme', `${name}@${version}`, 'theme_not_found');
  return theme;
}

function text(file: FileWrite): string {
  return typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
}

export type ChangesService = ReturnType<typeof createChangesService>;
