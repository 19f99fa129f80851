import { BranchNotFoundError, ConcurrentUpdateError, HeadMovedError } from '../errors.js';
import { buildCommit } from '../object-store/commit-object.js';
import { EMPTY_TREE, type GitRepository } from '../object-store/repository.js';
import type { CommitSigner } from '../object-store/signing.js';
import { diffTrees } from '../object-store/tree-diff.js';
import { applyEdits, type EditTree } from '../object-store/tree-edit.js';
import { type PackBatch, TreeWriteBatch } from '../object-store/write-batches.js';
import type { AppliedChange, GitopsLogger, Identity } from '../port.js';

/*
 * The one write path of the writer: every commit — a tenant change, a round's chain of them, a
 * commit over several folders — is edits applied to the branch head, commit objects built on it,
 * and one compare-and-swap of the ref under the branch lock. A moved head rebuilds the whole chain
 * on the new one (tenant folders are disjoint, so that is always right); history stays linear.
 */

/** One commit of a chain: validated edits whose blobs are stored, and its rendered message. */
export interface ChainCommit {
  edits: EditTree;
  message: string;
  author: Identity;
  /** The tenant folder(s) it changes, for the log. */
  tenantDir: string;
}

export interface ChainContext {
  repo: GitRepository;
  committer: Identity;
  signer: CommitSigner | undefined;
  maxAttempts: number;
  log: GitopsLogger;
  maintenance: { noteCommit(): void } | undefined;
  onCommit: ((event: { branch: string; sha: string }) => void) | undefined;
}

export interface ChainOptions {
  /** Commit only if the branch still points here (`head_moved` otherwise). */
  expectedHead?: string | undefined;
  /** Store the chain's objects as one pack; `null` writes loose objects. */
  pack: PackBatch | null;
  /** Checked against the head of every attempt before anything is built on it (a guard throws). */
  guard?: ((head: string) => Promise<void>) | undefined;
}

/** Commits `commits` in order on `branch`; `null` for one that changes nothing (never an empty commit). */
export function commitChain(
  ctx: ChainContext,
  branch: string,
  commits: readonly ChainCommit[],
  options: ChainOptions,
): Promise<(AppliedChange | null)[]> {
  const { repo } = ctx;
  const { pack } = options;
  const log = ctx.log.child({ branch });
  return repo.withBranchLock(branch, async () => {
    for (let attempt = 1; ; attempt++) {
      const head = await repo.branchHead(branch);
      if (!head) throw new BranchNotFoundError({ branch });
      if (options.expectedHead && head !== options.expectedHead) {
        throw new HeadMovedError({ branch, expected: options.expectedHead, actual: head });
      }
      await options.guard?.(head);
      const batch = pack ?? new TreeWriteBatch(repo);
      const results: (AppliedChange | null)[] = [];
      let parent = head;
      let parentTree = (await repo.readCommit(head)).commit.tree;
      for (const { edits, message, author, tenantDir } of commits) {
        const tree = (await applyEdits(batch, parentTree, edits)) ?? EMPTY_TREE;
        if (tree === parentTree) {
          log.debug({ parent, tenantDir }, 'no change; nothing committed');
          results.push(null);
          continue;
        }
        const touched = (await diffTrees(repo, parentTree, tree)).map((c) => c.path);
        const commit = await buildCommit(
          { tree, parents: [parent], author, committer: ctx.committer, message },
          ctx.signer,
        );
        // Unreachable until the ref moves: stored alongside its trees, all awaited before that.
        const sha = batch.writeCommit(commit);
        results.push({ sha, parent, touched });
        parent = sha;
        parentTree = tree;
      }
      // Nothing to commit: a pack of objects nothing references is not worth writing.
      if (parent === head && pack) return results;
      await batch.flush();
      if (parent === head) return results;
      if (await repo.moveRef(`refs/heads/${branch}`, head, parent)) {
        for (const [i, applied] of results.entries()) {
          if (!applied) continue;
          const { sha, parent: from, touched } = applied;
          const tenantDir = commits[i]?.tenantDir;
          log.info(
            { sha, parent: from, tenantDir, touched: touched.length, attempt },
            'tenant change committed',
          );
          ctx.maintenance?.noteCommit();
        }
        ctx.onCommit?.({ branch, sha: parent });
        return results;
      }
      if (attempt >= ctx.maxAttempts) throw new ConcurrentUpdateError({ branch, attempts: attempt });
      log.debug({ head, attempt }, 'branch moved under us; rebuilding the chain on the new head');
    }
  });
}
