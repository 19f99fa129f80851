import { createTwoFilesPatch } from 'diff';
import { formatOffset } from '../object-store/commit-object.js';
import type { GitRepository } from '../object-store/repository.js';
import { diffTrees, entryAt, type FileChange, listTree, type TreeReader } from '../object-store/tree-diff.js';
import { repoPathComponents, TENANTS_ROOT } from '../paths.js';
import type { CommitInfo, FileDiff, ListedFile, Signature } from '../port.js';
import { parseCommitMessage } from './commit-message.js';

/* The read side of the writer port: files, listings, diffs and commit metadata at any ref. */

const decoder = new TextDecoder();

export async function readFileAt(repo: GitRepository, ref: string, path: string): Promise<string | null> {
  const components = repoPathComponents(path);
  const { commit } = await repo.readCommit(await repo.resolveCommit(ref));
  const entry = await entryAt(repo, commit.tree, components);
  if (entry?.type !== 'blob') return null;
  return decoder.decode(await repo.readBlob(entry.oid));
}

export async function listFilesAt(repo: GitRepository, ref: string, dir: string): Promise<ListedFile[]> {
  const components = repoPathComponents(dir);
  const { commit } = await repo.readCommit(await repo.resolveCommit(ref));
  const entry = await entryAt(repo, commit.tree, components);
  if (!entry) return [];
  if (entry.type === 'blob') return [{ path: components.join('/'), oid: entry.oid }];
  return listTree(repo, entry.oid, components.join('/'));
}

/** The file-level changes from `fromRef` to `toRef` below `dir`, without reading any file. */
export async function changedFiles(
  repo: GitRepository,
  fromRef: string,
  toRef: string,
  dir = '',
): Promise<FileChange[]> {
  const components = repoPathComponents(dir);
  const prefix = components.join('/');
  const [from, to] = await Promise.all([
    entryBelow(repo, fromRef, components),
    entryBelow(repo, toRef, components),
  ]);
  if (from?.type === 'blob' || to?.type === 'blob') {
    const oldOid = from?.type === 'blob' ? from.oid : null;
    const newOid = to?.type === 'blob' ? to.oid : null;
    if (oldOid === newOid) return [];
    const status = oldOid && newOid ? 'modified' : oldOid ? 'deleted' : 'added';
    return [{ path: prefix, status, oldOid, newOid }];
  }
  return diffTrees(repo, from?.oid ?? null, to?.oid ?? null, prefix);
}

export async function diffRefs(
  repo: GitRepository,
  fromRef: string,
  toRef: string,
  dir = '',
): Promise<FileDiff[]> {
  const changes = await changedFiles(repo, fromRef, toRef, dir);
  return Promise.all(
    changes.map(async (change) => {
      const before = change.oldOid ? decoder.decode(await repo.readBlob(change.oldOid)) : '';
      const after = change.newOid ? decoder.decode(await repo.readBlob(change.newOid)) : '';
      const patch = createTwoFilesPatch(
        change.oldOid ? `a/${change.path}` : '/dev/null',
        change.newOid ? `b/${change.path}` : '/dev/null',
        before,
        after,
        undefined,
        undefined,
        {
          context: 3,
          headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true },
        },
      );
      return { ...change, patch };
    }),
  );
}

async function entryBelow(repo: GitRepository, ref: string, components: readonly string[]) {
  const { commit } = await repo.readCommit(await repo.resolveCommit(ref));
  return entryAt(repo, commit.tree, components);
}

/**
 * Tenant folders (`tenants/<cluster>/<shard>/<slug>`) that exist at `fromRef` and not at `toRef`.
 * Equal subtrees are skipped, so this costs what changed; it is what a mass-deletion guard counts.
 */
export async function removedTenantFolders(
  repo: GitRepository,
  fromRef: string,
  toRef: string,
): Promise<string[]> {
  const [from, to] = await Promise.all([
    entryBelow(repo, fromRef, [TENANTS_ROOT]),
    entryBelow(repo, toRef, [TENANTS_ROOT]),
  ]);
  const removed: string[] = [];
  const fromTree = from?.type === 'tree' ? from.oid : null;
  const toTree = to?.type === 'tree' ? to.oid : null;
  await collectRemoved(repo, fromTree, toTree, TENANTS_ROOT, 3, removed);
  return removed.sort();
}

async function collectRemoved(
  store: TreeReader,
  before: string | null,
  after: string | null,
  path: string,
  depth: number,
  out: string[],
): Promise<void> {
  if (!before || before === after) return;
  if (depth === 0) {
    if (!after) out.push(path);
    return;
  }
  const afterEntries = new Map(after ? (await store.readTree(after)).map((e) => [e.path, e]) : []);
  for (const entry of await store.readTree(before)) {
    if (entry.type !== 'tree') continue;
    const next = afterEntries.get(entry.path);
    await collectRemoved(
      store,
      entry.oid,
      next?.type === 'tree' ? next.oid : null,
      `${path}/${entry.path}`,
      depth - 1,
      out,
    );
  }
}

export async function readCommitInfo(repo: GitRepository, ref: string): Promise<CommitInfo> {
  const sha = await repo.resolveCommit(ref);
  const { commit } = await repo.readCommit(sha);
  const { subject, body, trailers } = parseCommitMessage(commit.message);
  return {
    sha,
    tree: commit.tree,
    parents: [...commit.parent],
    author: signature(commit.author),
    committer: signature(commit.committer),
    subject,
    body,
    trailers,
    signed: Boolean(commit.gpgsig),
  };
}

function signature(p: { name: string; email: string; timestamp: number; timezoneOffset: number }): Signature {
  return {
    name: p.name,
    email: p.email,
    time: new Date(p.timestamp * 1000),
    tz: formatOffset(p.timezoneOffset),
  };
}
