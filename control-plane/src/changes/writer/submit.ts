import { randomUUID } from 'node:crypto';
import { SpecError, ValidationError } from '@luster/synth';
import { type EntityManager, In } from 'typeorm';
import { InvalidInputError } from '../../errors/index.js';
import type { GitopsWriter } from '../../gitops/port.js';
import { renderTenantFiles, type TenantRenderOptions } from '../../tenants/render.js';
import { loadTenantRows } from '../../tenants/tenant-rows.js';
import { Tenant } from '../../tenants/tenants.entities.js';
import { type ChangeKind, ChangeRequest, type TenantPatch } from '../changes.entities.js';
import { folderState, planFolderWrites, refuseOverwrite } from '../hand-edits.js';
import type { LayoutGuard } from '../layout-guard.js';
import { policyFor, reviewBranch } from '../policy.js';
import { applyPatch, patchedRows, valuesBefore } from '../tenant-patch.js';

/*
 * Submit — intent first: in the caller's transaction the change is inserted `queued` (the outbox)
 * and, for a direct change, the tenant row takes the patch. Nothing touches git in a transaction.
 * A reviewed change leaves the row alone: its patch reaches the row only when merged. What can be
 * refused now is refused now (a render synth rejects, a hand edit it would overwrite), so no intent
 * is recorded that could never be committed.
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
  /** The id, when the caller writes a row naming the change before recording it. @default a new UUID */
  id?: string;
}

export interface SubmissionDeps {
  writer: GitopsWriter;
  renderOptions: TenantRenderOptions;
  mainBranch: string;
  /** `CHANGE_REVIEW_KINDS`: kinds that go through review besides purge and bulk_delete. */
  reviewKinds?: readonly string[] | undefined;
  /** Refuses changes to a cluster still in the legacy layout (layout-guard.ts). @default none */
  layout?: LayoutGuard | undefined;
}

export function createSubmission(deps: SubmissionDeps) {
  const { writer, mainBranch } = deps;

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
    const state = await folderState(writer, tenant, await writer.head(mainBranch));
    if (!state || state.edited.size === 0) return;
    const rows = await loadTenantRows(manager, tenantId);
    const rendered = renderTenantFiles(
      patch ? await patchedRows(manager, rows, patch) : rows,
      deps.renderOptions,
    );
    if (rendered.files) refuseOverwrite(planFolderWrites(state, rendered.files));
  }

  /** Records the change `queued` in the caller's transaction (see the header). */
  async function record(manager: EntityManager, input: SubmitChange): Promise<ChangeRequest> {
    // Before anything is recorded: a change its cluster's layout keeps from git must not queue.
    await deps.layout?.refuseLegacy(async () => [
      ...(
        await manager.find(Tenant, {
          select: { id: true, cluster: true },
          where: { id: In(input.tenantIds ?? [input.tenantId]) },
        })
      ).map((t) => t.cluster),
      ...(input.tenantPatch.cluster ? [input.tenantPatch.cluster] : []),
    ]);
    const policy = policyFor(input.kind, deps.reviewKinds);
    const reviewed = policy === 'review';
    const tenantBefore = reviewed ? null : await valuesBefore(manager, input.tenantId, input.tenantPatch);
    if (!reviewed) await applyPatch(manager, input.tenantId, input.tenantPatch);
    // A reviewed change is checked with its patch in memory; a direct one's is on the row already.
    const patch = reviewed ? input.tenantPatch : undefined;
    if (input.kind === 'update' || input.kind === 'revert')
      await assertRenders(manager, input.tenantId, patch);
    if (keepsHandEdits.has(input.kind)) await assertKeepsHandEdits(manager, input.tenantId, patch);
    const id = input.id ?? randomUUID();
    const slug = reviewed ? (await manager.findOneByOrFail(Tenant, { id: input.tenantId })).slug : '';
    const change = manager.create(ChangeRequest, {
      id,
      tenantId: input.tenantId,
      tenantIds: input.tenantIds ?? [input.tenantId],
      kind: input.kind,
      state: 'queued',
      policy,
      target: reviewed ? 'review' : 'main',
      requestedById: input.actor.userId,
      approvedById: null,
      reason: input.reason ?? null,
      summary: input.summary,
      tenantPatch: input.tenantPatch,
      branch: reviewed ? reviewBranch(id, slug) : mainBranch,
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

  return { record, assertKeepsHandEdits };
}
