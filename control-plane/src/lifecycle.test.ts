import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tenantDir } from '@luster/synth';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './db/embedded-postgres.js';
import { createLogger } from './logger.js';
import { apiTestEnv, registerAndSignIn } from './test-support/api-client.js';
import { createTestDatabase } from './test-support/database.js';
import { startTestServer, type TestServer } from './test-support/server.js';

const run = promisify(execFile);
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function seedCommits(gitUrl: string, work: string) {
  const dir = path.join(work, `clone-${Math.random().toString(36).slice(2)}`);
  await run('git', ['clone', '-q', gitUrl, dir]);
  const { stdout } = await run('git', ['-C', dir, 'log', '--format=%s']);
  return stdout.trim().split('\n');
}

describe('the control-plane lifecycle', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('keeps its data across a restart: same admin, still one seed commit', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'luster-restart-'));
    const db = await createTestDatabase('restart');
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }), db.drop);

    const first = await startTestServer({ LUSTER_ADMIN_PASSWORD: '' }, { dataDir, databaseUrl: db.url });
    expect(first.admin.created).toBe(true);
    expect(first.admin.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const before = await seedCommits(first.gitUrl, dataDir);
    await first.stop();

    const second = await startTestServer({ LUSTER_ADMIN_PASSWORD: '' }, { dataDir, databaseUrl: db.url });
    cleanup.push(second.stop);
    // Nobody changed the generated password yet: the next start still says where it is kept.
    expect(second.admin).toEqual({
      created: false,
      email: 'admin@example.test',
      passwordFile: path.join(dataDir, 'initial-admin-password'),
    });
    expect(await seedCommits(second.gitUrl, dataDir)).toEqual(before);
    expect(before).toHaveLength(1);
    const users = await second.services.dataSource.query('SELECT email FROM "user"');
    expect(users).toEqual([{ email: 'admin@example.test' }]);
  });

  it('comes back from a backup as docs/operations.md takes it: a bundle of the served repository, then the database', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'luster-backup-'));
    const db = await createTestDatabase('backup');
    cleanup.push(() => rm(work, { recursive: true, force: true }), db.drop);
    const env = { ...apiTestEnv, RECONCILE_INTERVAL_SECONDS: '0' };
    const register = (server: TestServer, name: string) =>
      registerAndSignIn(server, {
        accountType: 'organization',
        organizationName: name,
        email: `owner@${name}.test`,
      });
    const before = await startTestServer(env, {
      dataDir: await mkdtemp(path.join(work, 'before-')),
      databaseUrl: db.url,
    });
    let running = true;
    cleanup.push(async () => running && before.stop());
    await register(before, 'kept');

    // The repository's backup: a mirror through the served /git with the read token, bundled.
    const mirror = path.join(work, 'mirror.git');
    const bundle = path.join(work, 'gitops.bundle');
    await run('git', ['clone', '-q', '--mirror', before.gitUrl, mirror]);
    await run('git', ['-C', mirror, 'bundle', 'create', bundle, '--all']);
    const bundled = (await run('git', ['-C', mirror, 'rev-parse', 'main'])).stdout.trim();
    // Committed after the bundle was taken: the database is newer than the repository.
    await register(before, 'late');
    await before.stop();
    running = false;

    // The restore into a new installation: the bundle unpacked as its repository before the first
    // start, and the database as it was (the same one here: the machine's pg_dump is older than the
    // test PostgreSQL, and a dump restored is the database it was taken from).
    const dataDir = path.join(work, 'after');
    await run('git', ['clone', '-q', '--bare', bundle, path.join(dataDir, 'gitops.git')]);
    const after = await startTestServer(env, { dataDir, databaseUrl: db.url });
    cleanup.push(after.stop);
    const git = async (...args: string[]) =>
      (await run('git', ['--git-dir', path.join(dataDir, 'gitops.git'), ...args])).stdout.trim();
    const folder = (slug: string) => git('ls-tree', '--name-only', 'main', tenantDir('production', slug));
    expect([await folder('kept'), await folder('late')]).toEqual([tenantDir('production', 'kept'), '']);

    // The first reconcile pass commits what the database has and the repository lacks.
    await after.services.changes.reconcile();
    expect(await folder('late')).toBe(tenantDir('production', 'late'));
    await git('merge-base', '--is-ancestor', bundled, 'main'); // the history before the backup is kept
    expect(
      (await after.services.dataSource.query('SELECT slug FROM organization ORDER BY slug')).map(
        (o: { slug: string }) => o.slug,
      ),
    ).toEqual(['kept', 'late', 'platform']);
  }, 90_000); // two control planes start one after the other, and git clones over HTTP

  it('reports 503 on /readyz with the reason when the database goes away', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-pg-stop-'));
    const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), createLogger('silent'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const server = await startTestServer({}, { databaseUrl: pg.url });
    cleanup.push(() => server.stop().catch(() => undefined));
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    await pg.stop();
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.status).toBe('not_ready');
    expect(body.checks).toContainEqual(expect.objectContaining({ name: 'database', ok: false }));
    expect(body.checks).toContainEqual({ name: 'gitops-repo', ok: true });
  });

  // Two real control-plane processes one after the other, each loading the sources through tsx; the
  // first also runs initdb, the migrations and the repository seed. With 7 other agents' tests on 2
  // cores the two took 113 s and 48 s (the test's own steps are milliseconds): the file's 30 s limit
  // is for in-process tests.
  it('shuts down gracefully on SIGTERM: exit 0, embedded PostgreSQL stopped, data kept', {
    timeout: 180_000,
  }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'luster-sigterm-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const start = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: packageDir,
        env: {
          ...process.env,
          PORT: '0',
          S3_EMBEDDED_PORT: '0',
          LUSTER_DATA_DIR: dataDir,
          LOG_LEVEL: 'info',
          TSX_TSCONFIG_PATH: 'tsconfig.json',
        },
      });
      let stdout = '';
      child.stdout.on('data', (c) => {
        stdout += c;
      });
      const url = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const match = stdout.match(/running at (http:\/\/\S+)/);
          if (match?.[1]) resolve(match[1]);
        });
        child.on('close', () => reject(new Error(`exited before serving: ${stdout}`)));
      });
      const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
      return { child, url, exit, output: () => stdout };
    };
    const first = start();
    expect((await fetch(`${await first.url}/readyz`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');
    // The generated /git read token is printed with the first-start credentials and kept 0600.
    const tokenFile = path.join(dataDir, 'git-read-token');
    const token = (await readFile(tokenFile, 'utf8')).trim();
    expect(first.output()).toContain(token);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    // The embedded server is gone: its pid file is removed on a clean stop.
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = start();
    expect((await fetch(`${await second.url}/readyz`)).status).toBe(200);
    expect(second.output()).not.toContain('Password:');
    expect(second.output()).not.toContain(token);
    expect(second.output()).toContain(`Read token: kept in ${tokenFile}`);
    // The first admin's generated password too, until it is changed.
    const passwordFile = path.join(dataDir, 'initial-admin-password');
    expect(first.output()).toContain(`Password:   ${(await readFile(passwordFile, 'utf8')).trim()}`);
    expect(second.output()).toContain(`Password kept in ${passwordFile} until you change it`);
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  });

  it('loads embedded-postgres without its exit hooks (they forced exit codes)', async () => {
    const before = process.listenerCount('beforeExit');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-hooks-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), createLogger('silent'));
    await pg.stop();
    expect(process.listenerCount('beforeExit')).toBe(before);
    expect(process.listeners('SIGTERM').length).toBe(0);
  });

  it('refuses to take over the embedded PostgreSQL of a control plane that is still running', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-owner-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const dataDir = path.join(dir, 'pg');
    const first = await startEmbeddedPostgres(dataDir, createLogger('silent'));
    cleanup.push(() => first.stop());
    // Another live process now claims it, as a second control plane on the same data dir would find.
    const other = spawn('sleep', ['30']);
    cleanup.push(async () => other.kill());
    await writeFile(`${dataDir}.owner`, `${other.pid}\n`);
    await expect(startEmbeddedPostgres(dataDir, createLogger('silent'))).rejects.toThrow(
      new RegExp(`belongs to a running control plane \\(pid ${other.pid}\\)`),
    );
    // Nothing was stopped: the first server still answers.
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await client.end();
  });

  it('exits non-zero naming the variable when the configuration is bad', async () => {
    const child = spawn('npx', ['tsx', '--tsconfig', 'tsconfig.json', 'src/main.ts'], {
      cwd: packageDir,
      env: { ...process.env, PORT: 'abc' },
    });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/PORT: .*got "abc"/);
  });
});
