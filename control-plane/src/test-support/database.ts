import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { inject } from 'vitest';
import { databaseUrl } from './database-url.js';

/**
 * Creates a fresh database on the test server and returns its URL. By default it is a copy of the
 * template the global setup migrated once (global-setup.ts): every control plane would otherwise
 * run all migrations itself, and tests start ~100 of them. `empty: true` gives a database with no
 * schema at all, for tests about the migrations themselves (an upgrade from an older schema).
 */
export async function createTestDatabase(
  prefix = 'test',
  { empty = false }: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = inject('postgresUrl');
  const name = `${prefix.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(
      empty
        ? `CREATE DATABASE "${name}"`
        : `CREATE DATABASE "${name}" TEMPLATE "${inject('templateDatabase')}"`,
    );
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(serverUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A real PostgreSQL behind a one-connection pool whose only connection the caller holds: every
 * other query waits `waitMs` for it and fails the way a pool that stays full does. pg-pool has one
 * timeout for connecting and for waiting, and a loaded machine can take far longer than a short
 * wait to open a connection; pg-pool reads it at each checkout, so the held connection is opened
 * under `openWithinMs` and the wait shortened after.
 */
export async function openHeldPool(
  url: string,
  { waitMs, openWithinMs = 30_000 }: { waitMs: number; openWithinMs?: number },
): Promise<{ source: DataSource; close(): Promise<void> }> {
  const source = new DataSource({
    type: 'postgres',
    url,
    extra: { max: 1, connectionTimeoutMillis: openWithinMs },
  });
  await source.initialize();
  const holder = source.createQueryRunner();
  await holder.connect();
  (source.driver as PostgresDriver).master.options.connectionTimeoutMillis = waitMs;
  return {
    source,
    async close() {
      await holder.release();
      await source.destroy();
    },
  };
}
