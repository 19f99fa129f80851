import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { passwordCost } from '../auth/password.js';
import { startAll, stopAll } from '../background.js';
import { type SeedAdminResult, seedAdmin } from '../bootstrap/seed-admin.js';
import { seedFirstCluster } from '../clusters/first-cluster.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { seedGitopsRepo } from '../gitops/history/seed.js';
import { loadGitReadToken } from '../gitops/http/read-token.js';
import { createOpenPgpSigner } from '../gitops/object-store/signing.js';
import type { Logger } from '../logger.js';
import { createGraphqlServer } from './graphql-server.js';
import { createApp } from './http-app.js';
import { createServices, type Services } from './services.js';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ServerOptions {
  templateDir?: string;
  adminDir?: string;
  /** The clock staleness is measured against (tests pass one they control). */
  clock?: () => Date;
  /** Answer 500 when a route's response breaks its documented schema (tests turn it on). */
  checkResponses?: boolean;
}

export interface RunningServer {
  url: string;
  services: Services;
  admin: SeedAdminResult;
  /** Stops accepting, drains in-flight work (bounded), closes the database; idempotent. */
  stop(): Promise<void>;
}

/** Start-up in order: data dir → database + migrations → GitOps repo → first admin → services → HTTP. */
export async function startServer(
  config: Config,
  logger: Logger,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const db = await openDatabase(config, logger);
  const { dataSource } = db;
  const databaseUrl = db.url;
  let started: Services['background'] | undefined;
  try {
    // Before seeding: the seed commit is signed like every other one.
    const signer = config.GIT_SIGNING_KEY
      ? await createOpenPgpSigner({
          armoredPrivateKey: config.GIT_SIGNING_KEY,
          ...(config.GIT_SIGNING_KEY_PASSPHRASE ? { passphrase: config.GIT_SIGNING_KEY_PASSPHRASE } : {}),
        })
      : undefined;
    const gitdir = path.join(config.dataDir, 'gitops.git');
    const seeded = await seedGitopsRepo({
      gitdir,
      templateDir: options.templateDir ?? path.join(packageRoot, 'gitops-repo-template'),
      bot: { name: config.GIT_BOT_NAME, email: config.GIT_BOT_EMAIL },
      signer,
      ...(config.GITOPS_REMOTE_URL
        ? {
            remote: {
              url: config.GITOPS_REMOTE_URL,
              ...(config.GITOPS_REMOTE_TOKEN ? { credentials: { token: config.GITOPS_REMOTE_TOKEN } } : {}),
            },
          }
        : {}),
    });
    if (seeded.created) logger.info({ sha: seeded.sha, source: seeded.source }, 'GitOps repository seeded');

    const admin = await seedAdmin(dataSource, {
      email: config.LUSTER_ADMIN_EMAIL,
      password: config.LUSTER_ADMIN_PASSWORD,
      dataDir: config.dataDir,
      cost: passwordCost(config),
    });
    // Logged at once: if anything below fails, the start-up banner never shows the file.
    if (admin.passwordFile && admin.created) {
      logger.info(
        { email: admin.email, file: admin.passwordFile },
        'first superadmin seeded; password kept in file',
      );
    }
    if (await seedFirstCluster(dataSource, config.LUSTER_CLUSTER)) {
      logger.info({ cluster: config.LUSTER_CLUSTER }, 'first cluster seeded');
    }
    const services = createServices({
      config,
      logger,
      dataSource,
      gitdir,
      databaseUrl,
      signer,
      gitReadToken: loadGitReadToken(config),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    await startAll(services.background);
    started = services.background;

    const httpServer = http.createServer();
    const graphql = await createGraphqlServer(services, httpServer);
    const app = createApp(services, {
      adminDir: options.adminDir ?? path.join(packageRoot, 'admin-vue/dist'),
      mountGraphql: graphql.mount,
      checkResponses: options.checkResponses ?? false,
    });
    httpServer.on('request', app);
    httpServer.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    // Without PUBLIC_URL the public URL names PORT, which is 0 on servers started side by side
    // (tests): only the bound port makes mail links and the buckets' upload origin reachable.
    if (!config.PUBLIC_URL) config.publicUrl = url;

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        logger.info('shutting down');
        const drained = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        const timeout = new Promise<void>((resolve) =>
          setTimeout(resolve, config.SHUTDOWN_TIMEOUT_MS).unref(),
        );
        await Promise.race([drained, timeout]);
        httpServer.closeAllConnections();
        await graphql.apollo.stop().catch(() => undefined);
        // Writer, mail, maintenance, sync, bus — each bounded — before the database closes.
        await stopAll(services.background, config.SHUTDOWN_TIMEOUT_MS, logger);
        await db.close();
        logger.info('stopped');
      })());
    return { url, services, admin, stop };
  } catch (error) {
    // A start that fails once the background tasks run (the port taken) stops them first: their
    // timers and the event bus's own connection would otherwise live on against a closed database.
    if (started) await stopAll(started, config.SHUTDOWN_TIMEOUT_MS, logger);
    await db.close().catch(() => undefined);
    throw error;
  }
}
