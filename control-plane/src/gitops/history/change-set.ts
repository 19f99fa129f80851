import { CommitMessageError, PathConflictError } from '../errors.js';
import type { GitRepository } from '../object-store/repository.js';
import { EditTree } from '../object-store/tree-edit.js';
import { assertBranchName, assertTenantDir, tenantPathComponents } from '../paths.js';
import type { TenantChange } from '../port.js';
import { renderCommitMessage } from './commit-message.js';

/** A validated tenant change: its edits reference blobs already stored in the repository. */
export interface PreparedChange {
  branch: string;
  tenantDir: string;
  tenantComponents: string[];
  edits: EditTree;
  message: string;
}

const encoder = new TextEncoder();

/**
 * Validates everything first (paths, tenant folder, message) so a refused change writes nothing,
 * then stores the blobs. Blobs do not depend on the branch head, so they are written once even
 * when the commit has to be rebuilt on a moved head.
 */
export async function prepareChange(
  repo: GitRepository,
  change: TenantChange,
  defaultBranch: string,
  /** Where blobs go. @default loose objects in `repo` */
  blobs: Pick<GitRepository, 'writeBlob'> = repo,
): Promise<PreparedChange> {
  const branch = change.branch ?? defaultBranch;
  assertBranchName(branch);
  const slug = assertTenantDir(change.tenantDir);
  if (change.message?.tenant !== slug) {
    throw new CommitMessageError({
      field: 'tenant',
      reason: `must be '${slug}', the slug of ${change.tenantDir}`,
    });
  }
  const message = renderCommitMessage(change.message);
  const tenantComponents = change.tenantDir.split('/');
  const writes = (change.writes ?? []).map((w) => ({ components: tenantPathComponents(w.path), write: w }));
  const deletes = change.deletes ?? [];
  const deleteComponents = deletes === 'all' ? [] : deletes.map((path) => tenantPathComponents(path));

  const seen = new Set<string>();
  for (const { write } of writes) {
    if (seen.has(write.path))
      throw new PathConflictError({ path: write.path, reason: 'is written twice in one change' });
    seen.add(write.path);
  }

  const build = async (blobOf: (content: Uint8Array) => Promise<string>) => {
    const edits = new EditTree();
    if (deletes === 'all') edits.replace(tenantComponents);
    for (const components of deleteComponents) edits.remove([...tenantComponents, ...components]);
    // Blobs are independent: store them concurrently (each is a few file-system round trips).
    const blobs = await Promise.all(
      writes.map(({ write }) =>
        blobOf(typeof write.content === 'string' ? encoder.encode(write.content) : write.content),
      ),
    );
    for (const [i, { components }] of writes.entries()) {
      edits.setFile([...tenantComponents, ...components], blobs[i] as string);
    }
    return edits;
  };
  // A dry run first: structural conflicts (a path both written and deleted, a file written as a
  // folder) surface before a single object is stored.
  await build(async () => '');
  const edits = await build((content) => blobs.writeBlob(content));
  return { branch, tenantDir: change.tenantDir, tenantComponents, edits, message };
}
