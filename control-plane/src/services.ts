import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { EventBus } from './events/event-bus.js';
import { IsomorphicGitopsWriter } from './gitops/isomorphic-writer.js';
import { GitRepository } from './gitops/repository.js';
import { createHealthService } from './health/health.service.js';
import { createMetrics } from './http/metrics.js';
import type { Logger } from './logger.js';
import { createSyncMetrics } from './sync/sync.metrics.js';
import { createSyncService, type SyncService } from './sync/sync.service.js';

export interface ServiceDeps {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  /** The bare GitOps repository. */
  gitdir: string;
  /** Where the event bus LISTENs (the same database). */
  databaseUrl: string;
}

/**
 * Builds every service once per process (never per request or per handler).
 * Routes and GraphQL resolvers receive this object and call the same methods.
 */
export function createServices(deps: ServiceDeps) {
  const { config, logger, dataSource } = deps;
  const metrics = createMetrics();
  const repo = new GitRepository({ gitdir: deps.gitdir });
  const writer = new IsomorphicGitopsWriter({
    repo,
    committer: { name: config.GIT_BOT_NAME, email: config.GIT_BOT_EMAIL },
    logger,
  });
  const bus = new EventBus(deps.databaseUrl, dataSource, logger);
  let sync: SyncService | undefined;
  const syncMetrics = createSyncMetrics(metrics.registry, () => (sync as SyncService).countByStatus());
  sync = createSyncService({
    dataSource,
    databaseUrl: deps.databaseUrl,
    logger,
    bus,
    metrics: syncMetrics,
    isAncestor: (a, b) => writer.isAncestor(a, b),
    fluxToken: config.FLUX_WEBHOOK_TOKEN,
    argocdToken: config.ARGOCD_WEBHOOK_TOKEN,
    staleAfterMs: config.SYNC_STALE_AFTER_SECONDS * 1000,
  });
  return {
    ...deps,
    metrics,
    health: createHealthService({ dataSource, gitdir: deps.gitdir }),
    repo,
    writer,
    bus,
    sync,
  };
}

export type Services = ReturnType<typeof createServices>;
