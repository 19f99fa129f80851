import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type RunningServer, type ServerOptions, startServer } from '../app/server.js';
import { type Config, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { createTestDatabase } from './database.js';

export interface TestServer extends RunningServer {
  config: Config;
  dataDir: string;
  databaseUrl: string;
  /** The GitOps repository's clone URL with the read token as basic-auth password. */
  gitUrl: string;
  /** Stops the server and removes its database and data directory. */
  close(): Promise<void>;
}

/**
 * A real control plane on a free port with its own database and data directory. Close it in the
 * file that started it (afterAll): the control plane's test files share a worker (isolate: false
 * in vitest.config.ts), so a server left running keeps its timers firing into the files after it.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: ServerOptions & { dataDir?: string; databaseUrl?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'luster-test-data-')));
  const db = options.databaseUrl ? undefined : await createTestDatabase('cp');
  const databaseUrl = options.databaseUrl ?? db?.url ?? '';
  let config: Config;
  let server: RunningServer;
  try {
    config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LUSTER_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LUSTER_ADMIN_EMAIL: 'admin@example.test',
      LUSTER_ADMIN_PASSWORD: 'correct-horse-battery',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      SHUTDOWN_TIMEOUT_MS: '2000',
      // The embedded S3's gateway on a free port, as PORT: tests run side by side.
      S3_EMBEDDED_PORT: '0',
      ...env,
    });
    // Every API test also checks that each answer keeps to the OpenAPI document.
    server = await startServer(config, createLogger(config.LOG_LEVEL), { checkResponses: true, ...options });
  } catch (error) {
    // A refused start-up leaves nothing behind either.
    await db?.drop();
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...server,
    config,
    dataDir,
    databaseUrl,
    gitUrl: gitCloneUrl(server),
    async close() {
      await server.stop();
      await db?.drop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `http://luster:<read token>@host/git/gitops.git`: what `git clone` needs to be let in. */
export function gitCloneUrl(server: Pick<RunningServer, 'url' | 'services'>): string {
  const url = new URL(`${server.url}/git/gitops.git`);
  url.username = 'luster';
  url.password = server.services.gitReadToken.token;
  return url.toString();
}
