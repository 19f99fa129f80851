import { GitopsError } from '../errors.js';
import type { GitRepository } from '../object-store/repository.js';
import { EditTree } from '../object-store/tree-edit.js';
import { assertBranchName, assertTenantDir, tenantPathComponents } from '../paths.js';
import type { FolderCommit } from '../port.js';
import type { ChainCommit } from './commit-chain.js';
import { listFilesAt } from './readers.js';

/*
 * One commit over several tenant folders, with the mass-deletion guard (`commitFolders` of the
 * port). A bulk deletion must remove its folders in ONE commit — so that the guard judges the
 * commit as a whole, and so that history shows one decision — which a tenant change (one folder)
 * cannot express. It goes through the same chain as every other commit (commit-chain.ts).
 */

/** Refused: the commit would remove more tenant folders than allowed. Nothing was written. */
export class MassDeletionError extends GitopsError {
  constructor({ folders, limit }: { folders: string[]; limit: number }) {
    super({
      category: 'conflict',
      code: 'mass_deletion_refused',
      message: `Refusing a commit that removes ${folders.length} tenant folders (limit ${limit}); only a bulk deletion approved by two different superadmins may`,
      data: { folders, limit },
    });
  }
}

const encoder = new TextEncoder();

/** Validates every folder and path first (a refused commit stores nothing), then stores the blobs. */
export async function prepareFolders(
  repo: GitRepository,
  commit: FolderCommit,
  defaultBranch: string,
): Promise<{ branch: string; chain: ChainCommit; guard: (head: string) => Promise<void> }> {
  const branch = commit.branch ?? defaultBranch;
  assertBranchName(branch);
  const folders = commit.folders.map((f) => {
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
  const removing = folders.filter((f) => f.files === null).map((f) => f.dir);
  // Counted on the head each attempt builds on: what the commit would really remove there.
  const guard = async (head: string) => {
    if (commit.approvedMassRemoval || removing.length <= commit.maxFolderRemovals) return;
    const present = await Promise.all(
      removing.map(async (dir) => (await listFilesAt(repo, head, dir)).length > 0),
    );
    const removed = removing.filter((_, i) => present[i]);
    if (removed.length > commit.maxFolderRemovals)
      throw new MassDeletionError({ folders: removed, limit: commit.maxFolderRemovals });
  };
  const chain = {
    edits,
    message: commit.message,
    author: commit.author,
    tenantDir: folders.map((f) => f.dir).join(' '),
  };
  return { branch, chain, guard };
}
