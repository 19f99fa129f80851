import path from 'node:path';
import type { DataSource } from 'typeorm';
import { overtakenChanges, reindexAfterReplay } from '../changes/delivery.js';
import type { Config } from '../config.js';
import {
  type ClusterLayoutStatus,
  createFleetLayoutService,
  type FleetLayoutOutcome,
} from '../fleet-layout/fleet-layout.service.js';
import { IsomorphicGitopsWriter } from '../gitops/history/isomorphic-writer.js';
import { GitRepository } from '../gitops/object-store/repository.js';
import { createOpenPgpSigner } from '../gitops/object-store/signing.js';
import { GitRemote } from '../gitops/remote/remote.js';
import type { Logger } from '../logger.js';
import { tenantRenderOptions } from '../tenants/render.js';

export type FleetLayoutStep = 'status' | 'prepare' | 'upgrade' | 'entries';

/** One cluster in `luster fleet-layout status`: its layout, and the entry files it lacks by folder. */
function statusLine(c: ClusterLayoutStatus): string {
  const layout =
    c.layout === null
      ? 'no entry point'
      : `${c.layout}${c.layout === 'legacy' ? (c.pruneOff ? ' (prepared: prune off)' : ' (not prepared)') : ''}`;
  if (c.missing.length === 0) return `${c.cluster}: ${layout}`;
  const perFolder = new Map<string, number>();
  for (const path of c.missing) {
    // argocd/<c>/, clusters/<c>/, tenants/<c>/ (shard markers)
    const folder = `${path.split('/').slice(0, 2).join('/')}/`;
    perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
  }
  const lacks = [...perFolder].map(([folder, n]) => `${folder} (${n} ${n === 1 ? 'file' : 'files'})`);
  return `${c.cluster}: ${layout}; lacks entry files in ${lacks.join(', ')}: run \`luster fleet-layout entries\``;
}

/**
 * `luster fleet-layout <step>` (docs/operations.md): the server's own repository, writer, render
 * options and signing key, so the commits are those the control plane would make; with a remote
 * configured they are pushed before the command ends, as the control plane's writer rounds are.
 */
export async function runFleetLayoutStep(
  step: FleetLayoutStep,
  deps: { config: Config; dataSource: DataSource; logger: Logger },
): Promise<FleetLayoutOutcome> {
  const { config, dataSource, logger } = deps;
  const repo = new GitRepository({ gitdir: path.join(config.dataDir, 'gitops.git') });
  const signer = config.GIT_SIGNING_KEY
    ? await createOpenPgpSigner({
        armoredPrivateKey: config.GIT_SIGNING_KEY,
        ...(config.GIT_SIGNING_KEY_PASSPHRASE ? { passphrase: config.GIT_SIGNING_KEY_PASSPHRASE } : {}),
      })
    : undefined;
  const bot = { name: config.GIT_BOT_NAME, email: config.GIT_BOT_EMAIL };
  const writer = new IsomorphicGitopsWriter({ repo, committer: bot, ...(signer ? { signer } : {}), logger });
  const service = createFleetLayoutService({
    dataSource,
    writer,
    renderOptions: tenantRenderOptions(config),
    author: bot,
  });
  if (step === 'status') {
    const clusters = await service.status();
    return {
      sha: null,
      summary: clusters.length
        ? clusters.map(statusLine).join('\n')
        : 'No cluster entry point in the repository.',
    };
  }
  const outcome = await service[step]();
  if (outcome.sha && config.GITOPS_REMOTE_URL) {
    const remote = new GitRemote({
      writer,
      url: config.GITOPS_REMOTE_URL,
      ...(config.GITOPS_REMOTE_TOKEN ? { credentials: { token: config.GITOPS_REMOTE_TOKEN } } : {}),
      onMoved: reindexAfterReplay(dataSource),
      overtaken: overtakenChanges(dataSource),
      logger,
    });
    try {
      await remote.push('main');
    } finally {
      await remote.close();
    }
  }
  return outcome;
}
