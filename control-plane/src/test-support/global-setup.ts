import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDataSource } from '../db/data-source.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { createLogger } from '../logger.js';
import { databaseUrl } from './database-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** A database on that server holding every migration and nothing else: createTestDatabase copies it. */
    templateDatabase: string;
  }
}

/**
 * One real PostgreSQL for the whole run: TEST_DATABASE_URL when set, else an
 * embedded server started here (without durability: skipDurability). Each test
 * file creates its own database in it (see database.ts), so files never see each
 * other's rows; those databases are copies of a template migrated here once.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const dir = external ? undefined : await mkdtemp(path.join(os.tmpdir(), 'luster-test-pg-'));
  const db = dir ? await startEmbeddedPostgres(path.join(dir, 'pg'), createLogger('warn')) : undefined;
  const serverUrl = external ?? (db?.url as string);
  if (db) await skipDurability(serverUrl);
  const template = await createMigratedTemplate(serverUrl);
  project.provide('postgresUrl', serverUrl);
  project.provide('templateDatabase', template.name);
  return async () => {
    await template.drop();
    await db?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}

/**
 * The embedded test server writes nothing to disk it must keep across a crash of the machine: no
 * fsync, no commit waiting for its WAL to be flushed, no full pages in the WAL. Waiting on the disk
 * was a third of an API test file's time (a server started, a tree of 17 organizations built, under
 * load: 18.9 s -> 12.4 s), and more when other processes share the disk. Reloaded at once; only
 * speed depends on when each connection sees it.
 */
async function skipDurability(serverUrl: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes'])
      await admin.query(`ALTER SYSTEM SET ${setting} = off`);
    await admin.query('SELECT pg_reload_conf()');
  } finally {
    await admin.end();
  }
}

/**
 * Migrates a new database, then closes every connection to it: PostgreSQL copies a template only
 * while nobody is connected. Named per run, so runs sharing a TEST_DATABASE_URL never meet.
 */
async function createMigratedTemplate(serverUrl: string) {
  const name = `template_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const source = createDataSource(databaseUrl(serverUrl, name));
  await source.initialize();
  try {
    await source.runMigrations({ transaction: 'each' });
  } finally {
    await source.destroy();
  }
  return {
    name,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
