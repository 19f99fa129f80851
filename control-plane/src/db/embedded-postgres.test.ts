import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

/** What a local user without the password file can try: TCP on 127.0.0.1 as `postgres`. */
async function signIn(url: string, password: string): Promise<string> {
  const port = Number(new URL(url).port);
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  try {
    await client.connect();
    await client.end();
    return 'signed in';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe('the embedded PostgreSQL superuser', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  const start = (dataDir: string) => startEmbeddedPostgres(dataDir, createLogger('silent'));

  it('has a generated password, kept 0600 beside the cluster and reused on restart', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-pg-password-'));
    dirs.push(dir);
    const dataDir = path.join(dir, 'postgres');
    const first = await start(dataDir);
    const password = (await readFile(`${dataDir}.password`, 'utf8')).trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await modeOf(`${dataDir}.password`)).toBe(0o600);
    expect(await signIn(first.url, 'luster-embedded')).toBe('28P01');
    expect(await signIn(first.url, password)).toBe('signed in');
    await first.stop();

    const second = await start(dataDir);
    try {
      expect((await readFile(`${dataDir}.password`, 'utf8')).trim()).toBe(password);
      expect(await signIn(second.url, password)).toBe('signed in');
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('moves a cluster made with the old fixed password to a generated one on start', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-pg-legacy-'));
    dirs.push(dir);
    const dataDir = path.join(dir, 'postgres');
    const made = await start(dataDir);
    // Turn it into a cluster from before generated passwords: the fixed one, and no file.
    const client = new pg.Client({ connectionString: made.url });
    await client.connect();
    await client.query(`ALTER ROLE postgres PASSWORD 'luster-embedded'`);
    await client.end();
    await made.stop();
    await rm(`${dataDir}.password`);

    const restarted = await start(dataDir);
    try {
      const password = (await readFile(`${dataDir}.password`, 'utf8')).trim();
      expect(await modeOf(`${dataDir}.password`)).toBe(0o600);
      expect(await signIn(restarted.url, 'luster-embedded')).toBe('28P01');
      expect(await signIn(restarted.url, password)).toBe('signed in');
      const data = new pg.Client({ connectionString: restarted.url });
      await data.connect();
      expect((await data.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await data.end();
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});
