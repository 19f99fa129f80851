import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../access/access.js';
import { gitIdentity, gitPerson } from '../changes/git-identity.js';
import { oneLine } from '../gitops/history/commit-message.js';
import type { FileWrite, GitopsWriter } from '../gitops/port.js';

/** A cluster's entry point: the files of `clusters/<name>/`, relative to that folder. */
export type RenderClusterEntry = (cluster: string) => Promise<FileWrite[]>;

/** The template's cluster, whose entry point is the model of every other's. */
const TEMPLATE_CLUSTER = 'production';

/**
 * The entry point of a cluster as the template's `clusters/production/`, with the cluster's name
 * in place of `production` (its GitRepository path, its tenants' folder, its `cluster_name`).
 */
export function templateClusterEntry(templateDir: string): RenderClusterEntry {
  const root = path.join(templateDir, 'clusters', TEMPLATE_CLUSTER);
  return async (cluster) => {
    const names = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
    return Promise.all(
      names.map(async (name) => ({
        path: name,
        content: (await readFile(path.join(root, name), 'utf8')).replaceAll(TEMPLATE_CLUSTER, cluster),
      })),
    );
  };
}

/** Who and why of a platform commit, as trailers the history and `git log` show. */
export function platformCommitMessage(input: {
  subject: string;
  body: string;
  cluster?: string;
  actor: Pick<Actor, 'userId' | 'name'> | null;
  reason: string;
}): string {
  const trailers = [
    ...(input.cluster ? [`Cluster: ${input.cluster}`] : []),
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
      clusters: [{ clusterDir: `clusters/${input.cluster}`, writes: await deps.render(input.cluster) }],
      message: platformCommitMessage({
        subject: `add cluster ${input.cluster}`,
        body: `The entry point of cluster ${input.cluster}: bootstrap Flux on it with --path=clusters/${input.cluster}, and its tenants' folders are reconciled from tenants/${input.cluster}/.`,
        cluster: input.cluster,
        actor: input.actor,
        reason: 'a superadmin added the cluster',
      }),
      author: gitIdentity({ id: input.actor.userId, name: input.actor.name }),
    });
    if (applied) deps.afterCommit();
  };
}
