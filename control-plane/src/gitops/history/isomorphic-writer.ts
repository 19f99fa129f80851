import { BranchExistsError, BranchNotFoundError, HeadMovedError, ProtectedBranchError } from '../errors.js';
import { runGit } from '../git-cli.js';
import type { GitRepository } from '../object-store/repository.js';
import type { CommitSigner } from '../object-store/signing.js';
import { diffTrees } from '../object-store/tree-diff.js';
import { PackBatch } from '../object-store/write-batches.js';
import { assertBranchName, trackingRef } from '../paths.js';
import type {
  AppliedChange,
  CommitInfo,
  FileDiff,
  FolderCommit,
  GitopsLogger,
  GitopsWriter,
  Identity,
  ListedFile,
  PlatformCommit,
  TenantChange,
} from '../port.js';
import { silentLogger } from '../port.js';
import { AncestryCache } from './ancestry.js';
import { prepareChange } from './change-set.js';
import { type ChainContext, commitChain } from './commit-chain.js';
import { prepareFolders } from './folder-commit.js';
import { preparePlatform } from './platform-commit.js';
import { diffRefs, listFilesAt, readCommitInfo, readFileAt, removedTenantFolders } from './readers.js';
import { type Overtaken, type ReplayResult, replayCommits } from './replay.js';

export interface IsomorphicGitopsWriterOptions {
  repo: GitRepository;
  /** The control plane's bot identity: the committer of every commit (the author is the acting user). */
  committer: Identity;
  /** Signs every commit when set (see README.md for Flux's `spec.verify`). @default unsigned */
  signer?: CommitSigner;
  /** Where changes go unless they name a branch; never deleted. @default 'main' */
  defaultBranch?: string;
  /** Told about every commit, e.g. background packing. @default none */
  maintenance?: { noteCommit(): void };
  /** Called after every commit, e.g. `remote.requestPush(branch)`. @default none */
  onCommit?: (event: { branch: string; sha: string }) => void;
  /** How many times to rebuild on a head another writer moved before giving up. @default 50 */
  maxAttempts?: number;
  logger?: GitopsLogger;
}

/**
 * The `GitopsWriter` over a bare repository, with isomorphic-git writing objects straight into it:
 * no working tree, no index. A commit reads the parent's tree, rewrites only the trees on the
 * tenant's path, writes the commit and moves the branch with compare-and-swap; if another writer
 * moved it meanwhile, the same change is rebuilt on the new head (tenant changes touch disjoint
 * folders, so that is always correct) — history stays linear without merges or force.
 */
export class IsomorphicGitopsWriter implements GitopsWriter {
  readonly repo: GitRepository;
  readonly defaultBranch: string;
  private readonly committer: Identity;
  private readonly signer: CommitSigner | undefined;
  private readonly log: GitopsLogger;
  private readonly ancestry: AncestryCache;
  private readonly chainContext: ChainContext;

  constructor(options: IsomorphicGitopsWriterOptions) {
    this.repo = options.repo;
    this.committer = options.committer;
    this.signer = options.signer;
    this.defaultBranch = options.defaultBranch ?? 'main';
    this.log = (options.logger ?? silentLogger).child({ component: 'gitops-writer' });
    this.ancestry = new AncestryCache(this.repo, this.defaultBranch);
    this.chainContext = {
      repo: this.repo,
      committer: this.committer,
      signer: this.signer,
      maxAttempts: options.maxAttempts ?? 50,
      log: this.log,
      maintenance: options.maintenance,
      onCommit: options.onCommit,
    };
  }

  async applyChange(change: TenantChange): Promise<AppliedChange | null> {
    const [applied] = await this.applyChanges([change]);
    return applied ?? null;
  }

  /**
   * Commits several tenant changes on one branch as a chain — one commit each, in order, with its
   * own author and message — under one branch lock and one compare-and-swap of the ref: a writer
   * round of N changes moves the branch once. A change that changes nothing yields `null` and no
   * commit. `expectedHead` is read from the first change. Either every commit lands or none does.
   */
  async applyChanges(changes: readonly TenantChange[]): Promise<(AppliedChange | null)[]> {
    if (changes.length === 0) return [];
    // A chain's objects are stored as one pack; a single commit's as loose objects (maintenance
    // packs those in the background).
    const pack = changes.length > 1 ? new PackBatch(this.repo) : null;
    const prepared = await Promise.all(
      changes.map((c) => prepareChange(this.repo, c, this.defaultBranch, pack ?? this.repo)),
    );
    const branch = prepared[0]?.branch as string;
    if (prepared.some((p) => p.branch !== branch)) {
      throw new TypeError('applyChanges: every change must target the same branch');
    }
    const chain = prepared.map((p, i) => ({
      edits: p.edits,
      message: p.message,
      author: (changes[i] as TenantChange).author,
      tenantDir: p.tenantDir,
    }));
    return commitChain(this.chainContext, branch, chain, { expectedHead: changes[0]?.expectedHead, pack });
  }

  async commitFolders(commit: FolderCommit): Promise<AppliedChange | null> {
    const { branch, chain, guard } = await prepareFolders(this.repo, commit, this.defaultBranch);
    const [applied] = await commitChain(this.chainContext, branch, [chain], { pack: null, guard });
    return applied ?? null;
  }

  async commitPlatform(commit: PlatformCommit): Promise<AppliedChange | null> {
    const { branch, chain } = await preparePlatform(this.repo, commit, this.defaultBranch);
    const [applied] = await commitChain(this.chainContext, branch, [chain], { pack: null });
    return applied ?? null;
  }

  deleteTenantFolder(change: Omit<TenantChange, 'writes' | 'deletes'>): Promise<AppliedChange | null> {
    return this.applyChange({ ...change, writes: [], deletes: 'all' });
  }

  head(branch: string = this.defaultBranch): Promise<string | null> {
    return this.repo.branchHead(branch);
  }

  readFile(ref: string, path: string): Promise<string | null> {
    return readFileAt(this.repo, ref, path);
  }

  listFiles(ref: string, dir: string): Promise<ListedFile[]> {
    return listFilesAt(this.repo, ref, dir);
  }

  diff(fromRef: string, toRef: string, dir?: string): Promise<FileDiff[]> {
    return diffRefs(this.repo, fromRef, toRef, dir);
  }

  removedTenantFolders(fromRef: string, toRef: string): Promise<string[]> {
    return removedTenantFolders(this.repo, fromRef, toRef);
  }

  async touchedPaths(fromSha: string, toSha: string): Promise<string[]> {
    const [from, to] = await Promise.all([this.repo.readCommit(fromSha), this.repo.readCommit(toSha)]);
    return (await diffTrees(this.repo, from.commit.tree, to.commit.tree)).map((c) => c.path);
  }

  remoteHead(branch: string = this.defaultBranch): Promise<string | null> {
    return this.repo.readRefValue(trackingRef(branch));
  }

  async createBranch(name: string, fromSha: string): Promise<void> {
    assertBranchName(name);
    const sha = await this.repo.resolveCommit(fromSha);
    await this.repo.readCommit(sha);
    if (!(await this.repo.moveRef(`refs/heads/${name}`, null, sha))) {
      throw new BranchExistsError({ branch: name, sha: (await this.repo.branchHead(name)) ?? '' });
    }
    this.log.info({ branch: name, sha }, 'branch created');
  }

  async deleteBranch(name: string, expectedSha?: string): Promise<void> {
    assertBranchName(name);
    if (name === this.defaultBranch) throw new ProtectedBranchError({ branch: name });
    await this.repo.withBranchLock(name, async () => {
      const current = await this.repo.branchHead(name);
      if (!current) throw new BranchNotFoundError({ branch: name });
      if (expectedSha && current !== expectedSha)
        throw new HeadMovedError({ branch: name, expected: expectedSha, actual: current });
      if (!(await this.repo.moveRef(`refs/heads/${name}`, current, null))) {
        throw new HeadMovedError({
          branch: name,
          expected: current,
          actual: await this.repo.branchHead(name),
        });
      }
    });
    this.log.info({ branch: name }, 'branch deleted');
  }

  isAncestor(ancestorSha: string, descendantSha: string): Promise<boolean> {
    return this.ancestry.isAncestor(ancestorSha, descendantSha);
  }

  commitInfo(sha: string): Promise<CommitInfo> {
    return readCommitInfo(this.repo, sha);
  }

  /**
   * Re-applies the commits of `branch` that `base` does not contain on top of `base` and moves the
   * branch there (the remote moved: see replay.ts). Commits whose change `base` already has are
   * dropped. Returns the old → new shas so the caller's audit index can follow.
   */
  async rebaseOnto(branch: string, base: string, overtaken?: Overtaken): Promise<ReplayResult> {
    return this.repo.withBranchLock(branch, async () => {
      const local = await this.repo.branchHead(branch);
      if (!local) throw new BranchNotFoundError({ branch });
      const { stdout } = await runGit(['rev-list', '--reverse', '--first-parent', local, `^${base}`], {
        gitdir: this.repo.gitdir,
      });
      const commits = stdout.split('\n').filter(Boolean);
      const dropped = overtaken
        ? await overtaken(
            await Promise.all(
              commits.map(async (sha) => ({
                sha,
                message: (await this.repo.readCommit(sha)).commit.message,
              })),
            ),
          )
        : undefined;
      const result = await replayCommits(
        { repo: this.repo, committer: this.committer, signer: this.signer },
        commits,
        base,
        dropped,
      );
      // Under the branch lock nothing of ours moves it; another process could, and then the caller
      // (the pusher) simply tries again.
      if (!(await this.repo.moveRef(`refs/heads/${branch}`, local, result.head))) {
        throw new HeadMovedError({ branch, expected: local, actual: await this.repo.branchHead(branch) });
      }
      this.log.info(
        { branch, base, from: local, to: result.head, replayed: commits.length },
        'rebased onto moved head',
      );
      return result;
    });
  }
}
