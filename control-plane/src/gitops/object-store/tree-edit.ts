import type { TreeEntry } from 'isomorphic-git';
import { PathConflictError } from '../errors.js';

/*
 * Rewrites only the trees on the paths that change: a tenant commit at 10,000 tenants reads and
 * writes the root, `tenants`, `tenants/<cluster>`, one shard and the tenant's own folder — five
 * small trees — and shares every other subtree with its parent commit. This is what keeps commit
 * cost flat as tenants grow; nothing else in the repository is looked at.
 */

export interface TreeStore {
  readTree(oid: string): Promise<readonly TreeEntry[]>;
  writeTree(entries: TreeEntry[]): Promise<string>;
}

/** A folder (or file) to edit. Built with `EditTree`, consumed by `applyEdits`. */
interface EditNode {
  children: Map<string, EditNode>;
  /** Set this file to the blob. */
  blob?: string;
  /** Remove this entry (file or folder). */
  remove?: boolean;
  /** Drop the folder's current content before applying `children` (a full re-render). */
  replace?: boolean;
  /** Whether anything below writes, as opposed to only removing. */
  writes?: boolean;
}

const FILE_MODE = '100644';
const TREE_MODE = '040000';

/** The set of edits of one commit, addressed by repo-relative path components. */
export class EditTree {
  readonly root: EditNode = { children: new Map() };

  setFile(components: readonly string[], blob: string): void {
    const node = this.nodeAt(components, true);
    if (node.remove)
      throw new PathConflictError({ path: components.join('/'), reason: 'is both written and deleted' });
    if (node.children.size > 0)
      throw new PathConflictError({
        path: components.join('/'),
        reason: 'is written as a file and a folder',
      });
    node.blob = blob;
  }

  remove(components: readonly string[]): void {
    const node = this.nodeAt(components, false);
    if (node.blob !== undefined || node.writes) {
      throw new PathConflictError({ path: components.join('/'), reason: 'is both written and deleted' });
    }
    node.remove = true;
  }

  replace(components: readonly string[]): void {
    this.nodeAt(components, false).replace = true;
  }

  private nodeAt(components: readonly string[], writes: boolean): EditNode {
    let node = this.root;
    for (const name of components) {
      if (node.blob !== undefined)
        throw new PathConflictError({ path: name, reason: 'is written as a file and a folder' });
      if (writes && node.remove)
        throw new PathConflictError({ path: name, reason: 'is deleted and written into' });
      if (writes) node.writes = true;
      let child = node.children.get(name);
      if (!child) {
        child = { children: new Map() };
        node.children.set(name, child);
      }
      node = child;
    }
    return node;
  }
}

/**
 * Applies `edits` to the tree `oid` (null: no tree yet) and returns the new tree's oid, or `null`
 * when the folder ends up empty (git stores no empty folders). Returns `oid` itself, writing
 * nothing, when no entry changes.
 */
export async function applyEdits(
  store: TreeStore,
  oid: string | null,
  edits: EditTree,
): Promise<string | null> {
  return editNode(store, oid, edits.root, '');
}

async function editNode(
  store: TreeStore,
  oid: string | null,
  node: EditNode,
  path: string,
): Promise<string | null> {
  const entries = new Map<string, TreeEntry>();
  if (oid && !node.replace) for (const entry of await store.readTree(oid)) entries.set(entry.path, entry);
  let changed = Boolean(node.replace && oid);

  for (const [name, child] of node.children) {
    const childPath = path ? `${path}/${name}` : name;
    const existing = entries.get(name);
    if (child.remove) {
      if (existing) {
        entries.delete(name);
        changed = true;
      }
      continue;
    }
    if (child.blob !== undefined) {
      if (existing?.type === 'tree')
        throw new PathConflictError({ path: childPath, reason: 'is a folder, cannot write it as a file' });
      if (existing?.oid !== child.blob || existing.mode !== FILE_MODE) {
        entries.set(name, { mode: FILE_MODE, path: name, oid: child.blob, type: 'blob' });
        changed = true;
      }
      continue;
    }
    if (existing && existing.type !== 'tree') {
      // Removing something below a file: there is nothing there to remove.
      if (!child.writes && !child.replace) continue;
      throw new PathConflictError({ path: childPath, reason: 'is a file, cannot write into it as a folder' });
    }
    const subtree = await editNode(store, existing?.oid ?? null, child, childPath);
    if (subtree === (existing?.oid ?? null)) continue;
    changed = true;
    if (subtree === null) entries.delete(name);
    else entries.set(name, { mode: TREE_MODE, path: name, oid: subtree, type: 'tree' });
  }

  if (!changed) return oid;
  if (entries.size === 0) return null;
  return store.writeTree([...entries.values()]);
}
