import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { createHealthService } from './health/health.service.js';
import { createMetrics } from './http/metrics.js';
import type { Logger } from './logger.js';

export interface ServiceDeps {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  /** The bare GitOps repository. */
  gitdir: string;
}

/**
 * Builds every service once per process (never per request or per handler).
 * Routes and GraphQL resolvers receive this object and call the same methods.
 */
export function createServices(deps: ServiceDeps) {
  return {
    ...deps,
    metrics: createMetrics(),
    health: createHealthService({ dataSource: deps.dataSource, gitdir: deps.gitdir }),
  };
}

export type Services = ReturnType<typeof createServices>;
