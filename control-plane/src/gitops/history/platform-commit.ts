import { allShards, SHARD_MARKER, shardSchemes } from '@luster/synth';
import { TenantDirError, TenantPathError } from '../errors.js';
import type { GitRepository } from '../object-store/repository.js';
import { EditTree } from '../object-store/tree-edit.js';
import {
  ARGOCD_ROOT,
  assertBranchName,
  assertClusterDir,
  assertTenantDir,
  TENANTS_ROOT,
  tenantPathComponents,
} from '../paths.js';
import type { PlatformCommit } from '../port.js';
import type { ChainCommit } from './commit-chain.js';

/*
 * A platform commit (`commitPlatform` of the port): the one write outside tenant folders. It may
 * write into `clusters/<name>/` and `argocd/<name>/` (a new cluster's entry points, a layout upgrade rewriting them), the
 * marker file of each shard folder `tenants/<name>/<shard>/` and re-render tenant folders, but never delete a tenant: a tenant folder goes only when the same
 * tenant is written under another folder in the same commit (its shard changed). Deleting tenants
 * stays with `commitFolders` and its mass-deletion guard.
 */

/** A checked platform commit: repo-relative components, every path validated, nothing stored yet. */
export interface CheckedPlatformCommit {
  branch: string;
  /** Files to write, by repo-relative components. */
  writes: { components: string[]; content: string | Uint8Array }[];
  /** Files (cluster entry points) and folders (moved tenants) to remove. */
  removes: string[][];
  /** Tenant folders whose previous content goes before `writes` land in them. */
  replaces: string[][];
}

/** Validates everything first, so a refused commit stores nothing. */
export function checkPlatformCommit(commit: PlatformCommit, defaultBranch: string): CheckedPlatformCommit {
  const branch = commit.branch ?? defaultBranch;
  assertBranchName(branch);
  const checked: CheckedPlatformCommit = { branch, writes: [], removes: [], replaces: [] };
  for (const entry of commit.clusters) {
    const cluster = assertClusterDir(entry.clusterDir);
    for (const marker of entry.shardMarkers ?? []) {
      checked.writes.push({
        components: [TENANTS_ROOT, cluster, ...shardMarkerComponents(marker.path)],
        content: marker.content,
      });
    }
    for (const write of entry.argocd ?? []) {
      checked.writes.push({
        components: [ARGOCD_ROOT, cluster, ...tenantPathComponents(write.path)],
        content: write.content,
      });
    }
    const base = entry.clusterDir.split('/');
    for (const write of entry.writes) {
      checked.writes.push({
        components: [...base, ...tenantPathComponents(write.path)],
        content: write.content,
      });
    }
    for (const path of entry.deletes ?? []) checked.removes.push([...base, ...tenantPathComponents(path)]);
  }
  const folders = commit.tenantFolders ?? [];
  const written = new Map<string, string>();
  for (const folder of folders) {
    const slug = assertTenantDir(folder.tenantDir);
    if (folder.files !== null) written.set(slug, folder.tenantDir);
  }
  for (const folder of folders) {
    const base = folder.tenantDir.split('/');
    if (folder.files === null) {
      const slug = assertTenantDir(folder.tenantDir);
      const to = written.get(slug);
      if (to === undefined || to === folder.tenantDir) {
        throw new TenantDirError({
          tenantDir: folder.tenantDir,
          reason: 'a platform commit removes a tenant folder only when it writes the same tenant elsewhere',
        });
      }
      checked.removes.push(base);
      continue;
    }
    checked.replaces.push(base);
    for (const file of folder.files) {
      checked.writes.push({
        components: [...base, ...tenantPathComponents(file.path)],
        content: file.content,
      });
    }
  }
  return checked;
}

const shards = new Set(shardSchemes.flatMap(allShards));

/** A marker's path below `tenants/<cluster>`: `<shard>/<SHARD_MARKER>` and nothing else, never a tenant's file. */
function shardMarkerComponents(path: string): string[] {
  const parts = tenantPathComponents(path);
  if (parts.length !== 2 || !shards.has(parts[0] as string) || parts[1] !== SHARD_MARKER) {
    throw new TenantPathError({ path, reason: `a shard marker must be <shard>/${SHARD_MARKER}` });
  }
  return parts;
}

const encoder = new TextEncoder();

/** The checked commit as edits, its blobs stored: one commit of the writer's chain. */
export async function preparePlatform(
  repo: GitRepository,
  commit: PlatformCommit,
  defaultBranch: string,
): Promise<{ branch: string; chain: ChainCommit }> {
  const checked = checkPlatformCommit(commit, defaultBranch);
  const edits = new EditTree();
  for (const components of checked.replaces) edits.replace(components);
  for (const components of checked.removes) edits.remove(components);
  for (const { components, content } of checked.writes) {
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    edits.setFile(components, await repo.writeBlob(bytes));
  }
  const where = [
    ...commit.clusters.map((c) => c.clusterDir),
    ...(commit.tenantFolders?.length ? [`${commit.tenantFolders.length} tenant folders`] : []),
  ];
  return {
    branch: checked.branch,
    chain: { edits, message: commit.message, author: commit.author, tenantDir: where.join(' ') },
  };
}
