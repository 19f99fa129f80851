import { buildCommit } from './commit-object.js';
import { BranchNotFoundError, ConcurrentUpdateError, GitopsError } from './errors.js';
import type { IsomorphicGitopsWriter } from './isomorphic-writer.js';
import { assertBranchName, assertTenantDir, tenantPathComponents } from './paths.js';
import type { AppliedChange, FileWrite, Identity } from './port.js';
import { listFilesAt } from './readers.js';
import { EMPTY_TREE, TreeWriteBatch } from './repository.js';
import type { CommitSigner } from './signing.js';
import { diffTrees } from './tree-diff.js';
import { applyEdits, EditTree } from './tree-edit.js';

/*
 * One commit over several tenant folders, with the mass-deletion guard. Added next to the writer
 * (not inside it) by the change-request module: a bulk deletion must remove its folders in ONE
 * commit — so that the guard can judge the commit as a whole, and so that history shows one
 * decision — which `applyChange` (one folder per commit) cannot express. Same mechanics as
 * `applyChange`: edits rebuilt on the current head, ref moved with compare-and-swap, retried on a
 * moved head; history stays linear.
 */

export interface FolderChange {
  /** `tenants/<cluster>/<shard>/<slug>`. */
  tenantDir: string;
  /** The folder's complete new content, or `null` to remove the folder. */
  files: readonly FileWrite[] | null;
}

export interface MultiTenantCommit {
  branch: string;
  folders: readonly FolderChange[];
  /** The full commit message (subject, body, trailers). */
  message: string;
  author: Identity;
  /** More tenant folders than this removed in one commit are refused… */
  maxFolderRemovals: number;
  /** …unless the caller vouches that this is an approved bulk deletion. */
  approvedMassRemoval: boolean;
}

/** Refused: the commit would remove more tenant folders than allowed. Nothing was written. */
export class MassDeletionError extends GitopsError {
  constructor(folders: string[], limit: number) {
    super(
      'conflict',
      'mass_deletion_refused',
      `Refusing a commit that removes ${folders.length} tenant folders (limit ${limit}); only a bulk deletion approved by two different superadmins may`,
      { folders, limit },
    );
  }
}

export async function commitTenantFolders(
  ctx: { writer: IsomorphicGitopsWriter; committer: Identity; signer?: CommitSigner },
  change: MultiTenantCommit,
): Promise<AppliedChange | null> {
  const { repo } = ctx.writer;
  assertBranchName(change.branch);
  const encoder = new TextEncoder();
  // Validate everything before storing anything.
  const folders = change.folders.map((f) => {
    assertTenantDir(f.tenantDir);
    return {
      components: f.tenantDir.split('/'),
      dir: f.tenantDir,
      files: f.files?.map((w) => ({ components: tenantPathComponents(w.path), write: w })) ?? null,
    };
  });
  const edits = new EditTree();
  for (const folder of folders) {
    if (folder.files === null) {
      edits.remove(folder.components);
      continue;
    }
    edits.replace(folder.components);
    for (const { components, write } of folder.files) {
      const content = typeof write.content === 'string' ? encoder.encode(write.content) : write.content;
      edits.setFile([...folder.components, ...components], await repo.writeBlob(content));
    }
  }
  return repo.withBranchLock(change.branch, async () => {
    for (let attempt = 1; attempt <= 50; attempt++) {
      const parent = await repo.branchHead(change.branch);
      if (!parent) throw new BranchNotFoundError(change.branch);
      const removed: string[] = [];
      for (const folder of folders) {
        if (folder.files === null && (await listFilesAt(repo, parent, folder.dir)).length > 0) {
          removed.push(folder.dir);
        }
      }
      if (removed.length > change.maxFolderRemovals && !change.approvedMassRemoval) {
        throw new MassDeletionError(removed, change.maxFolderRemovals);
      }
      const parentTree = (await repo.readCommit(parent)).commit.tree;
      const batch = new TreeWriteBatch(repo);
      const tree = (await applyEdits(batch, parentTree, edits)) ?? EMPTY_TREE;
      await batch.flush();
      if (tree === parentTree) return null;
      const touched = (await diffTrees(repo, parentTree, tree)).map((c) => c.path);
      const commit = await buildCommit(
        { tree, parents: [parent], author: change.author, committer: ctx.committer, message: change.message },
        ctx.signer,
      );
      const sha = await repo.writeCommit(commit);
      if (await repo.moveRef(`refs/heads/${change.branch}`, parent, sha)) return { sha, parent, touched };
    }
    throw new ConcurrentUpdateError(change.branch, 50);
  });
}
