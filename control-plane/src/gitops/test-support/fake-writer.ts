import { createHash } from 'node:crypto';
import {
  BranchExistsError,
  BranchNotFoundError,
  CommitNotFoundError,
  HeadMovedError,
  ProtectedBranchError,
} from '../errors.js';
import { parseCommitMessage } from '../history/commit-message.js';
import { MassDeletionError } from '../history/folder-commit.js';
import { checkPlatformCommit } from '../history/platform-commit.js';
import { assertBranchName, assertTenantDir, repoPathComponents, tenantPathComponents } from '../paths.js';
import type {
  AppliedChange,
  CommitInfo,
  FileDiff,
  FolderCommit,
  GitopsWriter,
  Identity,
  ListedFile,
  PlatformCommit,
  TenantChange,
} from '../port.js';
import {
  blobId,
  changedPaths,
  checkedEdit,
  diffTrees,
  editedTree,
  removedFolders,
  text,
} from './fake-trees.js';

/*
 * The GitOps writer in memory, for unit tests of what sits on the port (the change writer's
 * pieces): commits are maps of path → content, branches a map of names. It answers as the real
 * writer does — the same null for "nothing changed", the same error codes, blob ids as git computes
 * them — and `writer-contract.ts` runs the same tests against both to keep it so. `failNext` makes
 * one call fail, the way an I/O error would.
 */

interface FakeCommit {
  tree: ReadonlyMap<string, string>;
  parents: string[];
  message: string;
  author: Identity;
  time: Date;
}

const SHA = /^[0-9a-f]{40}$/;

export interface FakeGitopsWriterOptions {
  /** The first commit's files (repo-relative path → content). @default none */
  files?: Record<string, string>;
  committer?: Identity;
  /** Commit times; inject one to test what depends on them. @default the real clock */
  clock?: () => Date;
  /** @default 'main' */
  defaultBranch?: string;
}

export class FakeGitopsWriter implements GitopsWriter {
  readonly defaultBranch: string;
  readonly branches = new Map<string, string>();
  /** What `remoteHead` answers, per branch: set it to play a pushed remote. */
  readonly remoteHeads = new Map<string, string>();
  private readonly commits = new Map<string, FakeCommit>();
  private readonly committer: Identity;
  private readonly clock: () => Date;
  private readonly failures = new Map<keyof GitopsWriter, unknown>();
  private counter = 0;

  constructor(options: FakeGitopsWriterOptions = {}) {
    this.defaultBranch = options.defaultBranch ?? 'main';
    this.committer = options.committer ?? { name: 'Luster', email: 'bot@luster.invalid' };
    this.clock = options.clock ?? (() => new Date());
    const tree = new Map(Object.entries(options.files ?? {}));
    const seed = this.store({ tree, parents: [], message: 'Initial commit\n', author: this.committer });
    this.branches.set(this.defaultBranch, seed);
  }

  /** The next call of `method` throws `error` (once), before doing anything. */
  failNext(method: keyof GitopsWriter, error: unknown): void {
    this.failures.set(method, error);
  }

  async applyChange(change: TenantChange): Promise<AppliedChange | null> {
    this.failIfAsked('applyChange');
    const [applied] = await this.chain([change]);
    return applied ?? null;
  }

  async applyChanges(changes: readonly TenantChange[]): Promise<(AppliedChange | null)[]> {
    this.failIfAsked('applyChanges');
    return this.chain(changes);
  }

  async commitFolders(commit: FolderCommit): Promise<AppliedChange | null> {
    this.failIfAsked('commitFolders');
    const branch = commit.branch ?? this.defaultBranch;
    assertBranchName(branch);
    for (const folder of commit.folders) {
      assertTenantDir(folder.tenantDir);
      for (const file of folder.files ?? []) tenantPathComponents(file.path);
    }
    const head = this.headOrFail(branch);
    const parent = this.commitOf(head).tree;
    const removed = commit.folders
      .filter((f) => f.files === null && [...parent.keys()].some((p) => p.startsWith(`${f.tenantDir}/`)))
      .map((f) => f.tenantDir);
    if (removed.length > commit.maxFolderRemovals && !commit.approvedMassRemoval) {
      throw new MassDeletionError({ folders: removed, limit: commit.maxFolderRemovals });
    }
    const tree = new Map(parent);
    for (const folder of commit.folders) {
      for (const path of [...tree.keys()]) if (path.startsWith(`${folder.tenantDir}/`)) tree.delete(path);
      for (const file of folder.files ?? []) tree.set(`${folder.tenantDir}/${file.path}`, text(file.content));
    }
    const [applied] = this.commitTrees(branch, head, [
      { tree, message: commit.message, author: commit.author },
    ]);
    return applied ?? null;
  }

  async commitPlatform(commit: PlatformCommit): Promise<AppliedChange | null> {
    this.failIfAsked('commitPlatform');
    const checked = checkPlatformCommit(commit, this.defaultBranch);
    const head = this.headOrFail(checked.branch);
    const tree = new Map(this.commitOf(head).tree);
    const under = (components: string[]) => {
      const path = components.join('/');
      return [...tree.keys()].filter((p) => p === path || p.startsWith(`${path}/`));
    };
    for (const components of [...checked.replaces, ...checked.removes]) {
      for (const path of under(components)) tree.delete(path);
    }
    for (const { components, content } of checked.writes) tree.set(components.join('/'), text(content));
    const [applied] = this.commitTrees(checked.branch, head, [
      { tree, message: commit.message, author: commit.author },
    ]);
    return applied ?? null;
  }

  deleteTenantFolder(change: Omit<TenantChange, 'writes' | 'deletes'>): Promise<AppliedChange | null> {
    return this.applyChange({ ...change, writes: [], deletes: 'all' });
  }

  async head(branch: string = this.defaultBranch): Promise<string | null> {
    this.failIfAsked('head');
    assertBranchName(branch);
    return this.branches.get(branch) ?? null;
  }

  async readFile(ref: string, path: string): Promise<string | null> {
    this.failIfAsked('readFile');
    const key = repoPathComponents(path).join('/');
    return this.commitOf(this.resolve(ref)).tree.get(key) ?? null;
  }

  async listFiles(ref: string, dir: string): Promise<ListedFile[]> {
    this.failIfAsked('listFiles');
    const prefix = repoPathComponents(dir).join('/');
    return [...this.commitOf(this.resolve(ref)).tree]
      .filter(([path]) => prefix === '' || path === prefix || path.startsWith(`${prefix}/`))
      .map(([path, content]) => ({ path, oid: blobId(content) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  async diff(fromRef: string, toRef: string, dir = ''): Promise<FileDiff[]> {
    this.failIfAsked('diff');
    const prefix = repoPathComponents(dir).join('/');
    const from = this.commitOf(this.resolve(fromRef)).tree;
    const to = this.commitOf(this.resolve(toRef)).tree;
    return diffTrees(from, to, prefix);
  }

  async removedTenantFolders(fromRef: string, toRef: string): Promise<string[]> {
    this.failIfAsked('removedTenantFolders');
    return removedFolders(this.commitOf(this.resolve(fromRef)).tree, this.commitOf(this.resolve(toRef)).tree);
  }

  async touchedPaths(fromSha: string, toSha: string): Promise<string[]> {
    this.failIfAsked('touchedPaths');
    return changedPaths(this.commitOf(fromSha).tree, this.commitOf(toSha).tree);
  }

  async remoteHead(branch: string = this.defaultBranch): Promise<string | null> {
    this.failIfAsked('remoteHead');
    assertBranchName(branch);
    return this.remoteHeads.get(branch) ?? null;
  }

  async createBranch(name: string, fromSha: string): Promise<void> {
    this.failIfAsked('createBranch');
    assertBranchName(name);
    const sha = this.resolve(fromSha);
    this.commitOf(sha);
    const existing = this.branches.get(name);
    if (existing) throw new BranchExistsError({ branch: name, sha: existing });
    this.branches.set(name, sha);
  }

  async deleteBranch(name: string, expectedSha?: string): Promise<void> {
    this.failIfAsked('deleteBranch');
    assertBranchName(name);
    if (name === this.defaultBranch) throw new ProtectedBranchError({ branch: name });
    const current = this.headOrFail(name);
    if (expectedSha && current !== expectedSha)
      throw new HeadMovedError({ branch: name, expected: expectedSha, actual: current });
    this.branches.delete(name);
  }

  async isAncestor(ancestorSha: string, descendantSha: string): Promise<boolean> {
    this.failIfAsked('isAncestor');
    this.commitOf(ancestorSha);
    const seen = new Set<string>();
    const walk = [descendantSha];
    for (let sha = walk.pop(); sha !== undefined; sha = walk.pop()) {
      if (sha === ancestorSha) return true;
      if (!seen.has(sha)) walk.push(...this.commitOf(sha).parents);
      seen.add(sha);
    }
    return false;
  }

  async commitInfo(sha: string): Promise<CommitInfo> {
    this.failIfAsked('commitInfo');
    const resolved = this.resolve(sha);
    const commit = this.commitOf(resolved);
    const { subject, body, trailers } = parseCommitMessage(commit.message);
    const at = (p: Identity) => ({
      ...p,
      time: new Date(Math.floor(commit.time.getTime() / 1000) * 1000),
      tz: '+0000',
    });
    return {
      sha: resolved,
      tree: blobId([...commit.tree].sort().join('\n')),
      parents: [...commit.parents],
      author: at(commit.author),
      committer: at(this.committer),
      subject,
      body,
      trailers,
      signed: false,
    };
  }

  private chain(changes: readonly TenantChange[]): (AppliedChange | null)[] {
    if (changes.length === 0) return [];
    const branch = changes[0]?.branch ?? this.defaultBranch;
    // Everything is validated before anything is committed, as the real writer does.
    const edits = changes.map((change) => checkedEdit(change, branch, this.defaultBranch));
    const head = this.headOrFail(branch);
    const expected = changes[0]?.expectedHead;
    if (expected && head !== expected) throw new HeadMovedError({ branch, expected, actual: head });
    let tree = this.commitOf(head).tree;
    const trees = edits.map(({ change, writes, deletes, message }) => {
      const next = editedTree(tree, change.tenantDir, writes, deletes);
      tree = next;
      return { tree: next, message, author: change.author };
    });
    return this.commitTrees(branch, head, trees);
  }

  /** Commits each tree whose content differs from the one before it, then moves the branch once. */
  private commitTrees(
    branch: string,
    head: string,
    trees: { tree: ReadonlyMap<string, string>; message: string; author: Identity }[],
  ): (AppliedChange | null)[] {
    let parent = head;
    const results = trees.map(({ tree, message, author }) => {
      const touched = changedPaths(this.commitOf(parent).tree, tree);
      if (touched.length === 0) return null;
      const sha = this.store({ tree, parents: [parent], message, author });
      const applied = { sha, parent, touched };
      parent = sha;
      return applied;
    });
    this.branches.set(branch, parent);
    return results;
  }

  private store(commit: Omit<FakeCommit, 'time'>): string {
    const sha = createHash('sha1')
      .update(`${this.counter++}\0${commit.parents.join(',')}\0${commit.message}`)
      .digest('hex');
    this.commits.set(sha, { ...commit, time: this.clock() });
    return sha;
  }

  private failIfAsked(method: keyof GitopsWriter): void {
    if (!this.failures.has(method)) return;
    const error = this.failures.get(method);
    this.failures.delete(method);
    throw error;
  }

  private headOrFail(branch: string): string {
    const head = this.branches.get(branch);
    if (!head) throw new BranchNotFoundError({ branch });
    return head;
  }

  /** A branch name or a sha, as the real writer resolves them: unknown ones are `commit_not_found`. */
  private resolve(ref: string): string {
    if (SHA.test(ref)) return ref;
    assertBranchName(ref);
    const sha = this.branches.get(ref);
    if (!sha) throw new CommitNotFoundError({ ref });
    return sha;
  }

  private commitOf(sha: string): FakeCommit {
    const commit = this.commits.get(sha);
    if (!commit) throw new CommitNotFoundError({ ref: sha });
    return commit;
  }
}
