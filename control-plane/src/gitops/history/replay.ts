import { buildCommit } from '../object-store/commit-object.js';
import { EMPTY_TREE, type GitRepository } from '../object-store/repository.js';
import type { CommitSigner } from '../object-store/signing.js';
import { diffTrees } from '../object-store/tree-diff.js';
import { applyEdits, EditTree } from '../object-store/tree-edit.js';
import { TreeWriteBatch } from '../object-store/write-batches.js';
import type { Identity } from '../port.js';

/*
 * Re-applying our commits on top of a head that moved (the remote took another replica's push, or
 * someone committed to the GitOps repo directly). Not a text merge: each of our commits is a
 * tenant-folder change set — these files now have this content, those are gone — and setting the
 * same files to the same content on the new head is exactly what re-rendering the tenant from the
 * database would do. Tenants' folders are disjoint, so other writers' changes are kept as they are.
 */

export interface ReplayContext {
  repo: GitRepository;
  committer: Identity;
  signer?: CommitSigner;
}

export interface Rewritten {
  /** Our commit as it was. */
  from: string;
  /** The same change on the new base, or `null` when the base already had it or overtook it (dropped). */
  to: string | null;
}

/** One of our commits about to be re-applied, for the caller to say whether it was overtaken. */
export interface ReplayCandidate {
  sha: string;
  message: string;
}

/** Which of our commits another writer has overtaken since (dropped instead of re-applied). */
export type Overtaken = (commits: readonly ReplayCandidate[]) => Promise<ReadonlySet<string>>;

export interface ReplayResult {
  head: string;
  rewritten: Rewritten[];
}

/**
 * Re-applies `commits` (oldest first) onto `onto`; author and message are kept, the committer is
 * ours. A commit in `overtaken` is dropped (`to: null`): another writer has written its tenant
 * since, from a state that holds it, and re-applying the older content would undo that write.
 */
export async function replayCommits(
  ctx: ReplayContext,
  commits: readonly string[],
  onto: string,
  overtaken: ReadonlySet<string> = new Set(),
): Promise<ReplayResult> {
  const { repo } = ctx;
  let head = onto;
  let headTree = (await repo.readCommit(onto)).commit.tree;
  const rewritten: Rewritten[] = [];
  for (const sha of commits) {
    if (overtaken.has(sha)) {
      rewritten.push({ from: sha, to: null });
      continue;
    }
    const { commit } = await repo.readCommit(sha);
    const parentTree = commit.parent[0] ? (await repo.readCommit(commit.parent[0])).commit.tree : null;
    const edits = new EditTree();
    for (const change of await diffTrees(repo, parentTree, commit.tree)) {
      const components = change.path.split('/');
      if (change.newOid) edits.setFile(components, change.newOid);
      else edits.remove(components);
    }
    const batch = new TreeWriteBatch(repo);
    const tree = (await applyEdits(batch, headTree, edits)) ?? EMPTY_TREE;
    await batch.flush();
    if (tree === headTree) {
      rewritten.push({ from: sha, to: null });
      continue;
    }
    const replayed = await buildCommit(
      { tree, parents: [head], author: commit.author, committer: ctx.committer, message: commit.message },
      ctx.signer,
    );
    head = await repo.writeCommit(replayed);
    headTree = tree;
    rewritten.push({ from: sha, to: head });
  }
  return { head, rewritten };
}
