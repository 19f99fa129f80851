import { type ClusterEntryOptions, renderClusterEntry } from '@luster/synth';
import type { Actor } from '../access/access.js';
import { gitIdentity, gitPerson } from '../changes/git-identity.js';
import { oneLine, type Trailer } from '../gitops/history/commit-message.js';
import type { FileWrite, GitopsWriter } from '../gitops/port.js';

/**
 * A cluster's entry points: the files of `clusters/<name>/`, relative to that folder, its shard
 * folders' markers, relative to `tenants/<name>/`, and its Argo CD entry point, relative to `argocd/<name>/`.
 */
export type RenderClusterEntry = (cluster: string) => {
  writes: FileWrite[];
  shardMarkers: FileWrite[];
  argocd: FileWrite[];
};

/**
 * synth's entry point of a cluster, in the layout and shards its tenants are rendered with (the
 * same options as every tenant render, so the two always match). Its REPLACE_ME values stay for
 * the operator who bootstraps the cluster (docs/operations.md).
 */
export function clusterEntry(
  options: Pick<ClusterEntryOptions, 'fluxLayout' | 'shardScheme'>,
): RenderClusterEntry {
  return (cluster) => {
    const entry = { writes: [] as FileWrite[], shardMarkers: [] as FileWrite[], argocd: [] as FileWrite[] };
    const folders = [
      { prefix: `clusters/${cluster}/`, into: entry.writes },
      { prefix: `tenants/${cluster}/`, into: entry.shardMarkers },
      { prefix: `argocd/${cluster}/`, into: entry.argocd },
    ];
    for (const file of renderClusterEntry({ ...options, cluster })) {
      const folder = folders.find((f) => file.path.startsWith(f.prefix));
      // synth owns the layout; a file outside the cluster's three folders would be a synth bug (and
      // the writer checks that each file below tenants/ is a shard marker).
      if (!folder)
        throw new Error(`synth rendered '${file.path}' outside clusters/, tenants/ and argocd/${cluster}/`);
      folder.into.push({ path: file.path.slice(folder.prefix.length), content: file.content });
    }
    return entry;
  };
}

/** Who and why of a platform commit, as trailers the history and `git log` show. */
export function platformCommitMessage(input: {
  subject: string;
  body: string;
  cluster?: string;
  actor: Pick<Actor, 'userId' | 'name'> | null;
  reason: string;
  /** Trailers a later run finds the commit by (e.g. the fleet layout upgrade's). @default none */
  marks?: readonly Trailer[];
}): string {
  const trailers = [
    ...(input.cluster ? [`Cluster: ${input.cluster}`] : []),
    ...(input.marks ?? []).map((t) => `${t.key}: ${oneLine(t.value)}`),
    `Requested-By: ${input.actor ? gitPerson({ id: input.actor.userId, name: input.actor.name }) : 'the control plane'}`,
    `Reason: ${oneLine(input.reason)}`,
  ];
  return `platform: ${oneLine(input.subject)}\n\n${input.body.trim()}\n\n${trailers.join('\n')}\n`;
}

/**
 * Commits a new cluster's entry point `clusters/<name>/` as a platform commit authored by the
 * superadmin who added it, then hands the commit to delivery (push, Flux receiver). Existing files
 * with the same content commit nothing.
 */
export function entryPointCommitter(deps: {
  writer: GitopsWriter;
  render: RenderClusterEntry;
  afterCommit: () => void;
}) {
  return async (input: { cluster: string; actor: Actor }): Promise<void> => {
    const applied = await deps.writer.commitPlatform({
      clusters: [{ clusterDir: `clusters/${input.cluster}`, ...deps.render(input.cluster) }],
      message: platformCommitMessage({
        subject: `add cluster ${input.cluster}`,
        body: `The entry points of cluster ${input.cluster}: bootstrap Flux on it with --path=clusters/${input.cluster}, or with Argo CD apply argocd/${input.cluster}/; its tenants' folders are reconciled from tenants/${input.cluster}/.`,
        cluster: input.cluster,
        actor: input.actor,
        reason: 'a superadmin added the cluster',
      }),
      author: gitIdentity({ id: input.actor.userId, name: input.actor.name }),
    });
    if (applied) deps.afterCommit();
  };
}
