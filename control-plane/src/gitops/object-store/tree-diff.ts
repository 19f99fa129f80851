import type { TreeEntry } from 'isomorphic-git';
import type { FileChangeStatus } from '../port.js';

/*
 * Tree-to-tree comparison that skips every subtree whose oid is unchanged, so comparing two
 * neighbouring commits costs the folders that changed, not the 10,000 tenants that did not.
 */

export interface TreeReader {
  readTree(oid: string): Promise<readonly TreeEntry[]>;
}

export interface FileChange {
  /** Repo-relative path. */
  path: string;
  status: FileChangeStatus;
  oldOid: string | null;
  newOid: string | null;
}

/** Files that differ between two trees (either may be null: no tree), sorted by path. */
export async function diffTrees(
  store: TreeReader,
  oldTree: string | null,
  newTree: string | null,
  prefix = '',
): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  await walk(store, oldTree, newTree, prefix, changes);
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function walk(
  store: TreeReader,
  oldTree: string | null,
  newTree: string | null,
  prefix: string,
  out: FileChange[],
): Promise<void> {
  if (oldTree === newTree) return;
  const before = await entriesByName(store, oldTree);
  const after = await entriesByName(store, newTree);
  const names = new Set([...before.keys(), ...after.keys()]);
  for (const name of names) {
    const path = prefix ? `${prefix}/${name}` : name;
    const a = before.get(name);
    const b = after.get(name);
    if (a && b && a.oid === b.oid && a.type === b.type) continue;
    const aTree = a?.type === 'tree' ? a.oid : null;
    const bTree = b?.type === 'tree' ? b.oid : null;
    if (aTree || bTree) await walk(store, aTree, bTree, path, out);
    const aBlob = a?.type === 'blob' ? a.oid : null;
    const bBlob = b?.type === 'blob' ? b.oid : null;
    if (aBlob === bBlob) continue;
    const status: FileChangeStatus = aBlob && bBlob ? 'modified' : aBlob ? 'deleted' : 'added';
    out.push({ path, status, oldOid: aBlob, newOid: bBlob });
  }
}

async function entriesByName(store: TreeReader, oid: string | null): Promise<Map<string, TreeEntry>> {
  const map = new Map<string, TreeEntry>();
  if (oid) for (const entry of await store.readTree(oid)) map.set(entry.path, entry);
  return map;
}

/** The oid of the tree or blob at `components` below `root`, with its type; null when absent. */
export async function entryAt(
  store: TreeReader,
  root: string,
  components: readonly string[],
): Promise<{ oid: string; type: TreeEntry['type'] } | null> {
  let current: { oid: string; type: TreeEntry['type'] } = { oid: root, type: 'tree' };
  for (const name of components) {
    if (current.type !== 'tree') return null;
    const entry = (await store.readTree(current.oid)).find((e) => e.path === name);
    if (!entry) return null;
    current = { oid: entry.oid, type: entry.type };
  }
  return current;
}

/** Every file below the tree `oid`, recursively, with repo-relative paths under `prefix`. */
export async function listTree(
  store: TreeReader,
  oid: string,
  prefix: string,
): Promise<{ path: string; oid: string }[]> {
  const changes = await diffTrees(store, null, oid, prefix);
  return changes.map((c) => ({ path: c.path, oid: c.newOid as string }));
}
