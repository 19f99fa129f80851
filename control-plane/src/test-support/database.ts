import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { inject } from 'vitest';

/** Creates a fresh, empty database on the test server and returns its URL. */
export async function createTestDatabase(prefix = 'test'): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = inject('postgresUrl');
  const name = `${prefix.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
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
