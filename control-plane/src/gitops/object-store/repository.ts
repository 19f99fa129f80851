import { stat } from 'node:fs/promises';
import path from 'node:path';
import git, { type CommitObject, type TreeEntry } from 'isomorphic-git';
import { CommitNotFoundError } from '../errors.js';
import { assertBranchName } from '../paths.js';
import { type GitopsLogger, silentLogger } from '../port.js';
import { atomicFs } from './atomic-fs.js';
import { LruMap, sortTree, TreeCache } from './caches.js';
import { encodeCommit } from './commit-object.js';
import { type EncodedObject, encodeObject, encodeTree, hashObject } from './object-codec.js';
import type { PackObject } from './pack-writer.js';
import { compareAndSwapRef, type RefLockOptions, readRef } from './refs.js';

/** Git's well-known empty tree; isomorphic-git reads it without it being stored. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const SHA = /^[0-9a-f]{40}$/;

export interface GitRepositoryOptions {
  /** The bare repository, e.g. `<LUSTER_DATA_DIR>/gitops.git`. */
  gitdir: string;
  /**
   * Parsed trees kept in memory, counted in tree entries. Trees are immutable by oid, so the trees
   * on the path of the last commits (the root, `tenants/<cluster>`, the shards) are served from here
   * instead of being inflated and parsed on every commit. @default 200000
   */
  treeCacheEntries?: number;
  /** Lock-file waits and stale-lock removal for ref updates. */
  refLocks?: Pick<RefLockOptions, 'lockTimeoutMs' | 'staleLockMs'>;
  logger?: GitopsLogger;
}

/**
 * One handle per bare repository per process: it owns the single isomorphic-git `cache` (pack
 * indexes and pack data), the parsed-tree cache and the in-process branch locks, and is shared by
 * the writer, the remote pusher and maintenance.
 */
export class GitRepository {
  readonly gitdir: string;
  readonly fs = atomicFs;
  private gitCache: object = {};
  private readonly trees: TreeCache;
  /** Recently written or read commits (immutable by sha): the next commit's parent is one. */
  private readonly commits = new LruMap<string, CommitObject>(1000);
  private readonly branchQueues = new Map<string, Promise<unknown>>();
  private readonly refLocks: RefLockOptions;

  constructor(options: GitRepositoryOptions) {
    this.gitdir = options.gitdir;
    this.trees = new TreeCache(options.treeCacheEntries ?? 200_000);
    const log = options.logger ?? silentLogger;
    this.refLocks = {
      ...options.refLocks,
      onStaleLock: (lockPath) => log.warn({ lockPath }, 'removed a stale ref lock left by a crashed writer'),
    };
  }

  /** isomorphic-git's cache; replaced (not mutated) by `resetCache`. */
  get cache(): object {
    return this.gitCache;
  }

  /**
   * Forget loaded packs. isomorphic-git keeps every pack it has read in memory, keyed by file name;
   * after `git gc` has replaced them, the old ones are garbage that only this releases.
   */
  resetCache(): void {
    this.gitCache = {};
  }

  /**
   * Runs `fn` with the branch to itself within this process. Cross-process safety comes from the
   * compare-and-swap on the ref; this only avoids needless rebuilds between our own writers.
   */
  async withBranchLock<T>(branch: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.branchQueues.get(branch) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => {});
    this.branchQueues.set(branch, tail);
    try {
      return await run;
    } finally {
      if (this.branchQueues.get(branch) === tail) this.branchQueues.delete(branch);
    }
  }

  async branchHead(branch: string): Promise<string | null> {
    assertBranchName(branch);
    return readRef(this.gitdir, `refs/heads/${branch}`);
  }

  async readRefValue(ref: string): Promise<string | null> {
    return readRef(this.gitdir, ref);
  }

  moveRef(ref: string, expected: string | null, next: string | null): Promise<boolean> {
    return compareAndSwapRef(this.gitdir, ref, expected, next, this.refLocks);
  }

  /**
   * A branch name or a full sha → a sha; `commit_not_found` for an unknown branch. A sha is returned
   * as is: reading it (which every caller does next) is what proves it exists.
   */
  async resolveCommit(ref: string): Promise<string> {
    if (SHA.test(ref)) return ref;
    const sha = await this.branchHead(ref);
    if (!sha) throw new CommitNotFoundError({ ref });
    return sha;
  }

  async readCommit(sha: string): Promise<{ commit: CommitObject }> {
    const known = this.commits.get(sha);
    if (known) return { commit: known };
    try {
      const { commit } = await this.retryAfterRepack(() =>
        git.readCommit({ fs: this.fs, gitdir: this.gitdir, oid: sha, cache: this.gitCache }),
      );
      this.commits.set(sha, commit);
      return { commit };
    } catch (error) {
      if (isGitError(error, 'NotFoundError') || isGitError(error, 'ObjectTypeError')) {
        throw new CommitNotFoundError({ ref: sha });
      }
      throw error;
    }
  }

  async readTree(oid: string): Promise<readonly TreeEntry[]> {
    const cached = this.trees.get(oid);
    if (cached) return cached;
    const { tree } = await this.retryAfterRepack(() =>
      git.readTree({ fs: this.fs, gitdir: this.gitdir, oid, cache: this.gitCache }),
    );
    this.trees.set(oid, tree);
    return tree;
  }

  /** Stores a tree and returns its oid. */
  async writeTree(entries: TreeEntry[]): Promise<string> {
    const { oid, written } = this.writeTreeDeferred(entries);
    await written;
    return oid;
  }

  /**
   * Encodes a tree, caches it and starts storing it; the oid is known at once so a parent tree can
   * be built before its children are on disk. Whoever moves a ref must await `written` first.
   */
  writeTreeDeferred(entries: TreeEntry[]): { oid: string; written: Promise<void> } {
    const encoded = encodeObject('tree', encodeTree(entries));
    this.trees.set(encoded.oid, sortTree(entries));
    return { oid: encoded.oid, written: this.storeObject(encoded) };
  }

  /** A tree's content and oid, cached as if written (a `PackBatch` stores it). */
  rememberTree(entries: TreeEntry[]): PackObject {
    const content = encodeTree(entries);
    const oid = hashObject('tree', content);
    this.trees.set(oid, sortTree(entries));
    return { type: 'tree', oid, content };
  }

  /** A commit's content and oid, cached as if written (a `PackBatch` stores it). */
  rememberCommit(commit: CommitObject): PackObject {
    const content = encodeCommit(commit);
    const oid = hashObject('commit', content);
    this.commits.set(oid, commit);
    return { type: 'commit', oid, content };
  }

  async readBlob(oid: string): Promise<Uint8Array> {
    const { blob } = await this.retryAfterRepack(() =>
      git.readBlob({ fs: this.fs, gitdir: this.gitdir, oid, cache: this.gitCache }),
    );
    return blob;
  }

  /** Stores a blob (unless it is already stored) and returns its oid. */
  async writeBlob(content: Uint8Array): Promise<string> {
    const encoded = encodeObject('blob', content);
    await this.storeObject(encoded);
    return encoded.oid;
  }

  /**
   * Writes the loose object file unless it exists, as isomorphic-git's `writeObject` would — minus
   * the `stat` of the git dir it makes on every call (a tenant commit stores ~30 objects).
   */
  private async storeObject(encoded: EncodedObject): Promise<void> {
    const file = path.join(this.gitdir, 'objects', encoded.oid.slice(0, 2), encoded.oid.slice(2));
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    if (!exists) await this.fs.promises.writeFile(file, encoded.deflated);
  }

  /** Stores a commit and returns its sha; remembers its tree, which the next commit reads. */
  async writeCommit(commit: CommitObject): Promise<string> {
    const { oid, written } = this.writeCommitDeferred(commit);
    await written;
    return oid;
  }

  /** `writeCommit` whose sha is known at once (a chain's next commit names it); await `written` before moving a ref. */
  writeCommitDeferred(commit: CommitObject): { oid: string; written: Promise<void> } {
    const encoded = encodeObject('commit', encodeCommit(commit));
    this.commits.set(encoded.oid, commit);
    return { oid: encoded.oid, written: this.storeObject(encoded) };
  }

  /**
   * `git gc` may delete a pack between isomorphic-git listing `objects/pack` and reading it, and
   * objects move from loose files into packs under a running reader. Both are transient: read
   * again with a fresh pack cache before believing an object is missing. Any error counts: an
   * index gone between the listing and the read fails inside isomorphic-git with a TypeError (it
   * reads a missing file as null), not with one of its own codes. A merge deletes the packs it
   * replaced one by one, so a read may meet several in a row: a few attempts, a little apart. A
   * read changes nothing, so another attempt is always safe; what keeps failing is reported as it is.
   */
  private async retryAfterRepack<T>(read: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await read();
      } catch (error) {
        if (attempt >= READ_ATTEMPTS) throw error;
        this.resetCache();
        await new Promise((resolve) => setTimeout(resolve, 10 * (attempt - 1)));
      }
    }
  }
}

/** Reads of an object before its error is believed (retryAfterRepack). */
const READ_ATTEMPTS = 5;

export function isGitError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
