import { tenantDir } from '@luster/synth';
import { ConflictError } from '../errors/index.js';
import { CommitNotFoundError } from '../gitops/errors.js';
import { type HandEditKept, handEditsKeptOf } from '../gitops/history/commit-message.js';
import type { FileWrite, GitopsWriter } from '../gitops/port.js';
import { blobOid } from './commit-text.js';

/*
 * Hand edits in a tenant's folder, and what a change may write over them. The control plane knows
 * what it rendered into the folder at the tenant's last commit (the "baseline"); a file on the
 * branch head that differs from it was edited by someone else. A change writes only what its render
 * changes relative to the baseline, and is refused (`409 drift`) when that would overwrite a hand
 * edit — until a superadmin re-asserts the render (a `reassert` change, which replaces the folder)
 * or the edit is adopted (the change renders exactly what the hand edit holds, or it is undone).
 */

export interface FolderState {
  /** `tenants/<cluster>/<shard>/<slug>`. */
  dir: string;
  /** What the control plane rendered at the tenant's last commit, path (relative to `dir`) → blob. */
  baseline: Map<string, string>;
  /** The folder on the head the change is committed on, path (relative to `dir`) → blob. */
  current: Map<string, string>;
  /** Paths (relative to `dir`) whose content on the head is not the baseline's. */
  edited: Set<string>;
}

export interface FolderPlan {
  writes: FileWrite[];
  /** `'all'`: the folder is replaced by the render (no hand edits to keep). */
  deletes: string[] | 'all';
  /** Hand edits the commit leaves in place (its `Hand-Edit-Kept:` trailers). */
  kept: HandEditKept[];
  /** Repo-relative paths of hand edits the change would overwrite. */
  overwritten: string[];
}

/**
 * The folder's baseline and its state on `head`, or `null` when everything may be replaced: a
 * tenant never committed, or whose last commit is not in the repository (history rewritten).
 * Only `commit_not_found` means that: any other error reading the previous tree (I/O, a corrupt
 * object) is thrown, never taken as "rewrite the whole folder", which would overwrite hand edits.
 */
export async function folderState(
  writer: GitopsWriter,
  tenant: { cluster: string; slug: string; lastCommitSha: string | null },
  head: string | null,
): Promise<FolderState | null> {
  if (!tenant.lastCommitSha || !head) return null;
  const dir = tenantDir(tenant.cluster, tenant.slug);
  const relative = (path: string) => path.slice(dir.length + 1);
  let last: Awaited<ReturnType<GitopsWriter['listFiles']>>;
  let kept: HandEditKept[];
  try {
    last = await writer.listFiles(tenant.lastCommitSha, dir);
    kept = handEditsKeptOf((await writer.commitInfo(tenant.lastCommitSha)).trailers);
  } catch (error) {
    if (error instanceof CommitNotFoundError) return null;
    throw error;
  }
  const baseline = new Map(last.map((f) => [relative(f.path), f.oid]));
  for (const k of kept) {
    if (k.rendered) baseline.set(k.path, k.rendered);
    else baseline.delete(k.path);
  }
  const current = new Map((await writer.listFiles(head, dir)).map((f) => [relative(f.path), f.oid]));
  const edited = new Set(
    [...baseline.keys(), ...current.keys()].filter((p) => baseline.get(p) !== current.get(p)),
  );
  return { dir, baseline, current, edited };
}

/** What a change rendering `files` writes into the folder (see the header). */
export function planFolderWrites(state: FolderState | null, files: FileWrite[]): FolderPlan {
  if (!state || state.edited.size === 0) return { writes: files, deletes: 'all', kept: [], overwritten: [] };
  const { dir, baseline, current, edited } = state;
  const rendered = new Map(files.map((f) => [f.path, blobOid(f)]));
  const writes = files.filter((f) => rendered.get(f.path) !== baseline.get(f.path));
  const deletes = [...baseline.keys()].filter((p) => !rendered.has(p));
  const overwritten = [
    ...writes
      .filter((f) => edited.has(f.path) && current.get(f.path) !== rendered.get(f.path))
      .map((f) => f.path),
    ...deletes.filter((p) => edited.has(p) && current.has(p)),
  ];
  // After the commit the baseline is the render; an edited file still differing from it stays a hand edit.
  const kept = [...edited]
    .filter((p) => current.get(p) !== rendered.get(p))
    .sort()
    .map((path) => ({ path, rendered: rendered.get(path) ?? null }));
  return { writes, deletes, kept, overwritten: overwritten.map((p) => `${dir}/${p}`).sort() };
}

/** `409 drift` naming the hand-edited files the change would overwrite. */
export function refuseOverwrite(plan: FolderPlan): void {
  if (plan.overwritten.length === 0) return;
  throw new ConflictError({
    code: 'drift',
    message: `This change would overwrite hand edits in ${plan.overwritten.join(', ')}; a superadmin re-asserts the rendered state first, or the edit is adopted`,
    data: { files: plan.overwritten },
  });
}
