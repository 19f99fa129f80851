import type { DataSource } from 'typeorm';
import { platformCommitMessage } from '../clusters/entry-point.js';
import { CLUSTER_TENANTS_FILE, type EntryLayout } from '../gitops/fleet-layouts.js';
import type { ClusterEntryChange, GitopsWriter } from '../gitops/port.js';
import { Cluster } from '../placement/cluster.entities.js';
import { artifactsEntry, entryOptionsOf } from './entry-files.js';
import { FleetLayoutError } from './fleet-layout-error.js';

/*
 * A cluster's entry files the repository lacks (`luster fleet-layout status | entries`). A cluster
 * added before a release that renders more of them — the Argo CD folder `argocd/<cluster>/` came
 * last — got only what its release rendered, and the control plane writes a cluster's entry point
 * only when the cluster is added. Only absent files count: one that exists was written by us or
 * edited by the operator (placeholders filled in) and stays as it is; flux-system/ is `flux
 * bootstrap`'s, never ours. The missing ones are rendered with the values the cluster's own files
 * carry (luster_url, which Argo CD's repoURL is built from, the e-mail, the receiver's host).
 */

export interface MissingEntries {
  cluster: string;
  /** Every missing file, repo-relative. */
  paths: string[];
  /** The missing files as a platform commit writes them. */
  change: ClusterEntryChange;
}

/** Every cluster the database or the repository knows but the legacy ones (`upgrade` writes theirs). */
export async function entryClusters(
  dataSource: DataSource,
  layouts: ReadonlyMap<string, EntryLayout>,
): Promise<string[]> {
  const known = (await dataSource.manager.find(Cluster, { select: { name: true } })).map((c) => c.name);
  return [...new Set([...known, ...layouts.keys()])].filter((c) => layouts.get(c) !== 'legacy').sort();
}

async function absent(writer: Pick<GitopsWriter, 'listFiles'>, head: string, path: string) {
  return (await writer.listFiles(head, path)).length === 0;
}

/** The artifacts layout's entry files of `cluster` that `head` lacks (a legacy cluster gets them from `upgrade`). */
export async function missingEntries(
  writer: Pick<GitopsWriter, 'listFiles' | 'readFile'>,
  head: string,
  cluster: string,
): Promise<MissingEntries> {
  const dir = `clusters/${cluster}`;
  const tenants = await writer.readFile(head, `${dir}/${CLUSTER_TENANTS_FILE}`);
  const infrastructure = await writer.readFile(head, `${dir}/infrastructure.yaml`);
  let entry: ReturnType<typeof artifactsEntry>;
  try {
    entry = artifactsEntry(entryOptionsOf(cluster, { infrastructure, tenants: tenants ?? '' }), null);
  } catch (error) {
    // A value in infrastructure.yaml synth refuses to write (RangeError): the operator fixes it.
    throw new FleetLayoutError(`${dir}/: ${(error as Error).message}. Nothing was changed`);
  }
  const present = async (root: string) =>
    new Set((await writer.listFiles(head, root)).map((f) => f.path.slice(root.length + 1)));
  const [inClusters, inArgocd] = await Promise.all([present(dir), present(`argocd/${cluster}`)]);
  // Shard markers one by one: listing tenants/<cluster>/ would read every tenant's files.
  const markers = await Promise.all(
    entry.shardMarkers.map(async (m) =>
      (await absent(writer, head, `tenants/${cluster}/${m.path}`)) ? m : null,
    ),
  );
  const writes = entry.writes.filter((f) => !inClusters.has(f.path));
  const argocd = entry.argocd.filter((f) => !inArgocd.has(f.path));
  const shardMarkers = markers.filter((m) => m !== null);
  return {
    cluster,
    paths: [
      ...writes.map((f) => `${dir}/${f.path}`),
      ...argocd.map((f) => `argocd/${cluster}/${f.path}`),
      ...shardMarkers.map((f) => `tenants/${cluster}/${f.path}`),
    ],
    change: { clusterDir: dir, writes, argocd, shardMarkers },
  };
}

/** The commit message of `entries`: which clusters, how many files, and why they were missing. */
export function missingEntriesMessage(lacking: readonly MissingEntries[]): string {
  const names = lacking.map((m) => m.cluster).join(', ');
  const count = lacking.reduce((n, m) => n + m.paths.length, 0);
  return platformCommitMessage({
    subject: `add the missing entry files of ${names}`,
    body: `${count} entry files the artifacts layout renders for ${names} that the repository lacked: a cluster added before its release rendered them (argocd/<cluster>/ came last) has only what that release wrote. Files that exist are left as they are and flux-system/ is flux bootstrap's; the new ones carry the values of each cluster's infrastructure.yaml (docs/fleet-layout.md).`,
    actor: null,
    reason: 'an operator added the entry files clusters from an earlier release lack',
  });
}
