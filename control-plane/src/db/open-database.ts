import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createDataSource } from './data-source.js';
import { runningEmbeddedUrl, startEmbeddedPostgres } from './embedded-postgres.js';

export interface OpenDatabase {
  dataSource: DataSource;
  /** Where the event bus LISTENs: the same database. */
  url: string;
  /** Closes the connections, then stops the embedded server when this process started it. */
  close(): Promise<void>;
}

/**
 * The database the configuration names — DATABASE_URL, or the embedded PostgreSQL under the data
 * directory — connected and migrated. The server and the `luster` CLI both open it here, so the
 * CLI works on exactly the database the server uses.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  options: {
    /** Use the embedded server a running control plane holds instead of refusing. @default false */
    shareRunningEmbedded?: boolean;
  } = {},
): Promise<OpenDatabase> {
  await mkdir(config.dataDir, { recursive: true });
  const clusterDir = path.join(config.dataDir, 'postgres');
  const shared =
    !config.DATABASE_URL && options.shareRunningEmbedded ? await runningEmbeddedUrl(clusterDir) : null;
  const embedded =
    config.DATABASE_URL || shared ? undefined : await startEmbeddedPostgres(clusterDir, logger);
  const url = config.DATABASE_URL ?? shared ?? (embedded?.url as string);
  const dataSource = createDataSource(url);
  const close = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  };
  try {
    await dataSource.initialize();
    const ran = await migrateExclusively(dataSource);
    if (ran.length > 0) logger.info({ migrations: ran.map((m) => m.name) }, 'database migrated');
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  return { dataSource, url, close };
}

/**
 * Runs the pending migrations while holding a session advisory lock: replicas that start together
 * (a fresh install, a rolling upgrade) would otherwise run the same migration at once, and all but
 * one would fail on what the first created. The others wait, then find nothing left to run.
 */
async function migrateExclusively(dataSource: DataSource) {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('luster:migrations'))`);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('luster:migrations'))`).catch(() => undefined);
    await lock.release();
  }
}
