import { tenantDir } from '@luster/synth';
import type { FileWrite, FolderCommit, GitopsWriter, Identity, TenantChange } from '../../gitops/port.js';
import type { RenderedTenant } from '../../tenants/render.js';
import type { ChangeKind } from '../changes.entities.js';
import { changeMessage } from '../commit-text.js';
import { type FolderPlan, folderState, planFolderWrites, refuseOverwrite } from '../hand-edits.js';
import type { ChangeMessage } from './message.js';

/*
 * What a change commits, decided before anything is written: one tenant's folder (a tenant change,
 * keeping hand edits), or several folders at once (a bulk deletion, a purge: one commit the
 * mass-deletion guard judges as a whole).
 */

export interface PlannedTenant {
  tenant: { slug: string; cluster: string; lastCommitSha: string | null };
  rendered: RenderedTenant;
}

export type CommitPlan = { kind: 'tenant'; change: TenantChange } | { kind: 'folders'; commit: FolderCommit };

export interface PlanInput {
  change: { kind: ChangeKind };
  branch: string;
  tenants: readonly PlannedTenant[];
  message: ChangeMessage;
  author: Identity;
  maxFolderRemovals: number;
  /** A bulk deletion approved by two superadmins other than the requester. */
  approvedMassRemoval: boolean;
}

export async function planCommit(writer: GitopsWriter, input: PlanInput): Promise<CommitPlan> {
  const [only] = input.tenants;
  // A release may write the folder a move left on another cluster: not the tenant's own folder,
  // whose hand edits and history the tenant plan reads.
  const ownFolder = only && only.rendered.dir === tenantDir(only.tenant.cluster, only.tenant.slug);
  if (input.tenants.length === 1 && ownFolder && only?.rendered.files && input.change.kind !== 'purge') {
    const files = only.rendered.files;
    const head = await writer.head(input.branch);
    return { kind: 'tenant', change: await planTenantChange(writer, { ...input, ...only, files, head }) };
  }
  return {
    kind: 'folders',
    commit: {
      branch: input.branch,
      folders: input.tenants.map((t) => ({ tenantDir: t.rendered.dir, files: t.rendered.files })),
      message: changeMessage(
        input.tenants.map((t) => t.tenant.slug),
        input.message,
      ),
      author: input.author,
      maxFolderRemovals: input.maxFolderRemovals,
      approvedMassRemoval: input.approvedMassRemoval,
    },
  };
}

/**
 * One tenant's change onto `head` of `branch`: the whole folder, or — when it carries hand edits —
 * only what the render changes, refused with `409 drift` if that would overwrite a hand edit
 * (hand-edits.ts). A `reassert` replaces everything on purpose.
 */
export async function planTenantChange(
  writer: GitopsWriter,
  input: Omit<PlannedTenant, 'rendered'> & {
    change: { kind: ChangeKind };
    branch: string;
    head: string | null;
    rendered: { dir: string };
    files: FileWrite[];
    message: ChangeMessage;
    author: Identity;
  },
): Promise<TenantChange> {
  const { change, tenant, files } = input;
  let plan: Pick<FolderPlan, 'writes' | 'deletes' | 'kept'> = { writes: files, deletes: 'all', kept: [] };
  if (change.kind !== 'reassert') {
    const folder = planFolderWrites(await folderState(writer, tenant, input.head), files);
    refuseOverwrite(folder);
    plan = folder;
  }
  return {
    branch: input.branch,
    tenantDir: input.rendered.dir,
    writes: plan.writes,
    deletes: plan.deletes,
    message: {
      ...input.message,
      tenant: tenant.slug,
      ...(plan.kept.length ? { handEditsKept: plan.kept } : {}),
    },
    author: input.author,
  };
}

/** Commits a plan through the port. */
export function applyPlan(writer: GitopsWriter, plan: CommitPlan) {
  return plan.kind === 'tenant' ? writer.applyChange(plan.change) : writer.commitFolders(plan.commit);
}
