#!/usr/bin/env node
import { startServer } from './app/server.js';
import type { SeedAdminResult } from './bootstrap/seed-admin.js';
import { ConfigError, loadConfig } from './config.js';
import type { GitReadToken } from './gitops/http/read-token.js';
import { createLogger } from './logger.js';

/** Basic auth, any username: the token is the password (what Flux's and Argo CD's secrets hold). */
function gitReadTokenLines(read: GitReadToken): string[] {
  if (read.source === 'config')
    return ['  Read token: GITOPS_READ_TOKEN (any username, the token as password)'];
  const lines = [`  Read token: kept in ${read.file} (any username, the token as password)`];
  if (read.source === 'generated')
    lines.push(`              ${read.token}   (generated on this first start)`);
  return lines;
}

/** Who the first superadmin is and where their generated password is, while it still works. */
function adminLines(admin: SeedAdminResult): string[] {
  const lines = [
    `  Superadmin: ${admin.created ? admin.email : `as created on first start (${admin.email} unless changed)`}`,
  ];
  if (admin.generatedPassword)
    lines.push(`  Password:   ${admin.generatedPassword}   (generated on this first start)`);
  if (admin.passwordFile) lines.push(`  Password kept in ${admin.passwordFile} until you change it`);
  lines.push('  Lost it? npx luster admin reset-password <email>');
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
  lines.push(...adminLines(server.admin));
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
