// The repository as it was before a commit: the current tree with the commit's changes undone.
// The model needs it to tell what a commit changed for one Kustomization or artifact without
// keeping a second copy of a 100,000-tenant repository.
import type { Change } from './fleet-repo.js';
import { type FileObjects, join, type Listing, objectsOf, resourcesOf, type Tree } from './tree.js';

export class BeforeTree implements Tree {
  private readonly changed: Map<string, Change>;
  /** Folders the commit created (everything in them is new), memoized. */
  private readonly created = new Map<string, boolean>();

  constructor(
    private readonly now: Tree,
    changes: readonly Change[],
  ) {
    this.changed = new Map(changes.map((c) => [c.path, c]));
  }

  read(path: string): string | undefined {
    const change = this.changed.get(path);
    return change ? change.before : this.now.read(path);
  }

  has(path: string): boolean {
    const change = this.changed.get(path);
    return change ? change.before !== undefined : this.now.has(path);
  }

  resources(path: string): string[] {
    const change = this.changed.get(path);
    return change ? resourcesOf(change.before ?? '') : this.now.resources(path);
  }

  list(dir: string): Listing {
    const { files, dirs } = this.now.list(dir);
    const fileSet = new Set(files);
    const dirSet = new Set(dirs);
    for (const { path, before, after } of this.changed.values()) {
      if (dir !== '' && !path.startsWith(`${dir}/`)) continue;
      const rest = dir === '' ? path : path.slice(dir.length + 1);
      const slash = rest.indexOf('/');
      if (slash < 0) {
        if (before === undefined) fileSet.delete(rest);
        else fileSet.add(rest);
      } else if (before !== undefined) dirSet.add(rest.slice(0, slash));
      else if (after !== undefined && this.isCreated(join(dir, rest.slice(0, slash))))
        dirSet.delete(rest.slice(0, slash));
    }
    return { files: [...fileSet], dirs: [...dirSet] };
  }

  /** Whether the commit created a folder: every file in it now is one the commit added. */
  private isCreated(dir: string): boolean {
    let created = this.created.get(dir);
    if (created === undefined) {
      const added = (path: string) => this.changed.has(path) && this.changed.get(path)?.before === undefined;
      const removedBelow = [...this.changed.values()].some(
        (c) => c.before !== undefined && c.path.startsWith(`${dir}/`),
      );
      const { files, dirs } = this.now.list(dir);
      created =
        !removedBelow &&
        files.every((name) => added(join(dir, name))) &&
        dirs.every((name) => this.isCreated(join(dir, name)));
      this.created.set(dir, created);
    }
    return created;
  }

  objects(path: string): FileObjects {
    const change = this.changed.get(path);
    return change ? objectsOf(change.before ?? '') : this.now.objects(path);
  }

  tenantOf(path: string): string | undefined {
    return this.now.tenantOf(path) ?? (this.changed.has(path) ? tenantFolderOf(path) : undefined);
  }
}

/** tenants/<cluster>/<shard>/<slug>: the folder of a removed tenant, which the current tree no longer knows. */
function tenantFolderOf(path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === 'tenants' && parts.length > 4 ? parts.slice(0, 4).join('/') : undefined;
}
