import type { CommitObject, TreeEntry } from 'isomorphic-git';
import { hashObject } from './object-codec.js';
import { type PackObject, writePack } from './pack-writer.js';
import type { GitRepository } from './repository.js';

/**
 * A `TreeStore` whose writes run concurrently: `applyEdits` gets each oid at once, and `flush`
 * waits for every object before the commit that references them is written.
 */
export class TreeWriteBatch {
  private pending: Promise<void>[] = [];

  constructor(private readonly repo: GitRepository) {}

  readTree(oid: string): Promise<readonly TreeEntry[]> {
    return this.repo.readTree(oid);
  }

  async writeTree(entries: TreeEntry[]): Promise<string> {
    return this.track(this.repo.writeTreeDeferred(entries));
  }

  /** A commit written with the batch's trees: stored by the time `flush` returns. */
  writeCommit(commit: CommitObject): string {
    return this.track(this.repo.writeCommitDeferred(commit));
  }

  private track({ oid, written }: { oid: string; written: Promise<void> }): string {
    // Handled here so a failure before `flush` is not an unhandled rejection; `flush` rethrows it.
    written.catch(() => {});
    this.pending.push(written);
    return oid;
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }
}

/**
 * The objects of several commits (blobs, trees, commits) gathered in memory and stored as one
 * pack by `flush` (pack-writer.ts): a writer round's chain costs a few file-system calls instead
 * of ~30 per commit. Same contract as `TreeWriteBatch`: flush before moving a ref.
 */
export class PackBatch {
  private objects: PackObject[] = [];

  constructor(private readonly repo: GitRepository) {}

  readTree(oid: string): Promise<readonly TreeEntry[]> {
    return this.repo.readTree(oid);
  }

  async writeTree(entries: TreeEntry[]): Promise<string> {
    return this.add(this.repo.rememberTree(entries));
  }

  writeCommit(commit: CommitObject): string {
    return this.add(this.repo.rememberCommit(commit));
  }

  async writeBlob(content: Uint8Array): Promise<string> {
    return this.add({ type: 'blob', oid: hashObject('blob', content), content });
  }

  /** Stores what was gathered since the last flush as one pack. */
  async flush(): Promise<void> {
    const objects = this.objects;
    this.objects = [];
    await writePack(this.repo.gitdir, objects);
  }

  private add(object: PackObject): string {
    this.objects.push(object);
    return object.oid;
  }
}
