#!/usr/bin/env node
import { ConfigError, loadConfig } from './config.js';
import type { GitReadToken } from './gitops/read-token.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

/** Basic auth, any username: the token is the password (what Flux's and Argo CD's secrets hold). */
function gitReadTokenLines(read: GitReadToken): string[] {
  if (read.source === 'config')
    return ['  Read token: GITOPS_READ_TOKEN (any username, the token as password)'];
  const lines = [`  Read token: kept in ${read.file} (any username, the token as password)`];
  if (read.source === 'generated')
    lines.push(`              ${read.token}   (generated on this first start)`);
  return lines;
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`luster: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

const logger = createLogger(config.LOG_LEVEL);
try {
  const server = await startServer(config, logger);
  const lines = [
    ``,
    `  Luster control plane is running at ${server.url}`,
    `  GitOps repository: ${server.url}/git/gitops.git`,
    ...gitReadTokenLines(server.services.gitReadToken),
  ];
  if (server.admin.created) {
    lines.push(`  Superadmin: ${server.admin.email}`);
    if (server.admin.generatedPassword) {
      lines.push(`  Password:   ${server.admin.generatedPassword}   (generated; shown only this once)`);
    }
  } else {
    lines.push(`  Superadmin: as created on first start (${config.LUSTER_ADMIN_EMAIL} unless changed)`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // Ctrl-C under `npm start` delivers SIGINT twice (from the terminal and
    // forwarded by npm): later signals must not cut the graceful shutdown short.
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'signal received');
    setTimeout(() => {
      logger.error('shutdown did not finish in time: exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 5000).unref();
    server.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
} catch (error) {
  logger.fatal({ err: error }, 'start-up failed');
  process.exit(1);
}
