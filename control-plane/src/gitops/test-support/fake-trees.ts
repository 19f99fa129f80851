import { createHash } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import { CommitMessageError, PathConflictError } from '../errors.js';
import { renderCommitMessage } from '../history/commit-message.js';
import { assertBranchName, assertTenantDir, tenantPathComponents } from '../paths.js';
import type { FileDiff, FileWrite, TenantChange } from '../port.js';

/*
 * The fake writer's trees (repo-relative path → content) and what it computes from them the way
 * git would: blob ids, changed paths, unified diffs, and a tenant change checked and applied.
 */

export type Tree = ReadonlyMap<string, string>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : decoder.decode(content);
}

/** Git's blob id of `content`, as `listFiles` reports it. */
export function blobId(content: string): string {
  const bytes = encoder.encode(content);
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

export function changedPaths(from: Tree, to: Tree): string[] {
  return [...new Set([...from.keys(), ...to.keys()])].filter((p) => from.get(p) !== to.get(p)).sort();
}

/** Per-file unified diffs from one tree to another, under `prefix` ('' for all), as `git diff` shows them. */
export function diffTrees(from: Tree, to: Tree, prefix: string): FileDiff[] {
  return changedPaths(from, to)
    .filter((path) => prefix === '' || path === prefix || path.startsWith(`${prefix}/`))
    .map((path) => {
      const before = from.get(path);
      const after = to.get(path);
      const patch = createTwoFilesPatch(
        before === undefined ? '/dev/null' : `a/${path}`,
        after === undefined ? '/dev/null' : `b/${path}`,
        before ?? '',
        after ?? '',
        undefined,
        undefined,
        {
          context: 3,
          headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true },
        },
      );
      return {
        path,
        status: before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified',
        oldOid: before === undefined ? null : blobId(before),
        newOid: after === undefined ? null : blobId(after),
        patch,
      } satisfies FileDiff;
    });
}

/** Tenant folders (`tenants/<cluster>/<xx>/<slug>`) with files in `from` and none in `to`. */
export function removedFolders(from: Tree, to: Tree): string[] {
  const folders = (tree: Tree) =>
    new Set(
      [...tree.keys()]
        .map((p) => p.split('/'))
        .filter((parts) => parts[0] === 'tenants' && parts.length > 4)
        .map((parts) => parts.slice(0, 4).join('/')),
    );
  const after = folders(to);
  return [...folders(from)].filter((f) => !after.has(f)).sort();
}

/** A change checked as the real writer checks it before committing anything: its paths relative to its folder. */
export function checkedEdit(change: TenantChange, branch: string, defaultBranch: string) {
  if ((change.branch ?? defaultBranch) !== branch) {
    throw new TypeError('applyChanges: every change must target the same branch');
  }
  assertBranchName(branch);
  const slug = assertTenantDir(change.tenantDir);
  if (change.message?.tenant !== slug) {
    throw new CommitMessageError({
      field: 'tenant',
      reason: `must be '${slug}', the slug of ${change.tenantDir}`,
    });
  }
  const writes = (change.writes ?? []).map((w) => ({ path: tenantPathComponents(w.path).join('/'), w }));
  const deletes =
    change.deletes === 'all' ? 'all' : (change.deletes ?? []).map((p) => tenantPathComponents(p).join('/'));
  const written = new Set<string>();
  for (const { path } of writes) {
    if (written.has(path)) throw new PathConflictError({ path, reason: 'is written twice in one change' });
    if (deletes !== 'all' && deletes.includes(path))
      throw new PathConflictError({ path, reason: 'is both written and deleted' });
    written.add(path);
  }
  return { change, writes, deletes, message: renderCommitMessage(change.message) };
}

/** `tree` with the tenant folder's `deletes` removed, then its `writes` written. */
export function editedTree(
  tree: Tree,
  tenantDir: string,
  writes: { path: string; w: FileWrite }[],
  deletes: 'all' | string[],
): Tree {
  const next = new Map(tree);
  const dir = `${tenantDir}/`;
  for (const path of [...next.keys()]) {
    const inside = path.startsWith(dir) ? path.slice(dir.length) : null;
    if (inside === null) continue;
    if (deletes === 'all' || deletes.some((d) => inside === d || inside.startsWith(`${d}/`)))
      next.delete(path);
  }
  for (const { path, w } of writes) next.set(`${dir}${path}`, text(w.content));
  return next;
}
