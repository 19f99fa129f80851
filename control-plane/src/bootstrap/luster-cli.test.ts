import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialPasswordFile } from '../auth/initial-password.js';
import { client } from '../test-support/api-client.js';
import { spawnControlPlane } from '../test-support/child-process.js';
import { createTestDatabase } from '../test-support/database.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/luster.mjs');

/** `luster …` as an operator runs it: its own process, configured by the environment only. */
function luster(args: string[], env: Record<string, string>, stdin?: string) {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  child.stdin.end(stdin ?? '');
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

const generated = (stdout: string) => /Password: (\S+)/.exec(stdout)?.[1] as string;

async function signIn(server: { url: string }, email: string, password: string) {
  return client(server).post('/auth/login', { email, password });
}

describe('the first admin password and `luster admin` on an external database', () => {
  let server: TestServer;
  let env: Record<string, string>;
  const cleanup: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      LUSTER_ADMIN_PASSWORD: '',
      PASSWORD_ARGON2_MEMORY_KIB: '1024',
      PASSWORD_ARGON2_TIME_COST: '1',
    });
    cleanup.push(server.close);
    env = {
      DATABASE_URL: server.databaseUrl,
      LUSTER_DATA_DIR: server.dataDir,
      PASSWORD_ARGON2_MEMORY_KIB: '1024',
      PASSWORD_ARGON2_TIME_COST: '1',
    };
  });
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('keeps the generated password 0600 in the data directory until it is changed', async () => {
    const file = initialPasswordFile(server.dataDir);
    expect(server.admin.passwordFile).toBe(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const kept = (await readFile(file, 'utf8')).trim();
    expect(kept).toBe(server.admin.generatedPassword);
    expect((await signIn(server, 'admin@example.test', kept)).status).toBe(200);
  });

  it('resets a password with a generated one: old sessions end, the kept password goes', async () => {
    const kept = (await readFile(initialPasswordFile(server.dataDir), 'utf8')).trim();
    const session = (await signIn(server, 'admin@example.test', kept)).body;

    const run = await luster(['admin', 'reset-password', 'Admin@Example.test'], env);
    expect(run.code, run.stderr).toBe(0);
    const password = generated(run.stdout);
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    expect((await signIn(server, 'admin@example.test', password)).status).toBe(200);
    expect((await signIn(server, 'admin@example.test', kept)).status).toBe(401);
    const refresh = await client(server).post('/auth/refresh', { refreshToken: session.refreshToken });
    expect([refresh.status, refresh.body.error.code]).toEqual([401, 'refresh_token_reused']);
    expect(existsSync(initialPasswordFile(server.dataDir))).toBe(false);
  });

  it('reads the new password from stdin with --stdin and prints none', async () => {
    const run = await luster(
      ['admin', 'reset-password', 'admin@example.test', '--stdin'],
      env,
      'a-chosen-password\n',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Password:');
    expect((await signIn(server, 'admin@example.test', 'a-chosen-password')).status).toBe(200);
  });

  it('refuses an unknown account and a short password, changing nothing', async () => {
    const unknown = await luster(['admin', 'reset-password', 'nobody@example.test'], env);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      1,
      'luster: No account has the email nobody@example.test',
    ]);
    const short = await luster(['admin', 'reset-password', 'admin@example.test', '--stdin'], env, 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    expect((await signIn(server, 'admin@example.test', 'a-chosen-password')).status).toBe(200);
    const usage = await luster(['admin', 'delete-everything', 'admin@example.test'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown command 'admin delete-everything'");
  });

  it('creates a second superadmin who can sign in, and says so when run again', async () => {
    const run = await luster(['admin', 'create-superadmin', 'second@example.test'], env);
    expect(run.code, run.stderr).toBe(0);
    const login = await signIn(server, 'second@example.test', generated(run.stdout));
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ emailVerified: true, roles: ['superadmin'] });

    const again = await luster(['admin', 'create-superadmin', 'second@example.test'], env);
    expect([again.code, again.stdout.trim()]).toEqual([
      0,
      'second@example.test is already a superadmin; nothing changed',
    ]);
  });

  it('makes an existing account superadmin keeping its password', async () => {
    await client(server).post('/registrations', {
      accountType: 'organization',
      organizationName: 'Promoted Ltd',
      email: 'promoted@example.test',
      password: 'promoted-password',
      projectType: 'website',
    });
    const run = await luster(['admin', 'create-superadmin', 'promoted@example.test'], env);
    expect([run.code, run.stdout.trim()]).toEqual([
      0,
      'promoted@example.test is now a superadmin (password unchanged)',
    ]);
    const login = await signIn(server, 'promoted@example.test', 'promoted-password');
    expect(login.body.user.roles).toEqual(expect.arrayContaining(['superadmin', 'client_admin']));
  });
});

describe('the first admin password across a failed first start', () => {
  it('is on disk even when the first start fails after seeding, and the next start says where', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'luster-crash-'));
    const db = await createTestDatabase('crash');
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as net.AddressInfo).port);
    try {
      const options = { dataDir, databaseUrl: db.url };
      await expect(startTestServer({ LUSTER_ADMIN_PASSWORD: '', PORT: port }, options)).rejects.toThrow(
        /EADDRINUSE/,
      );
      const kept = (await readFile(initialPasswordFile(dataDir), 'utf8')).trim();

      const second = await startTestServer({ LUSTER_ADMIN_PASSWORD: '' }, options);
      try {
        expect(second.admin).toEqual({
          created: false,
          email: 'admin@example.test',
          passwordFile: initialPasswordFile(dataDir),
        });
        expect((await signIn(second, 'admin@example.test', kept)).status).toBe(200);
      } finally {
        await second.stop();
      }
    } finally {
      taken.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('`luster admin` on the embedded database', () => {
  it('works next to a running control plane, and on its own once it stopped', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'luster-cli-embedded-'));
    const env = { LUSTER_DATA_DIR: dataDir, LUSTER_ADMIN_EMAIL: 'root@example.test' };
    try {
      const running = await spawnControlPlane(env);
      try {
        const run = await luster(
          ['admin', 'reset-password', 'root@example.test', '--stdin'],
          env,
          'while-it-runs-1\n',
        );
        expect(run.code, run.stderr).toBe(0);
        expect((await signIn(running, 'root@example.test', 'while-it-runs-1')).status).toBe(200);
      } finally {
        running.process.kill('SIGTERM');
        expect(await running.exited).toBe(0);
      }

      const alone = await luster(['admin', 'create-superadmin', 'other@example.test'], env);
      expect(alone.code, alone.stderr).toBe(0);
      const password = generated(alone.stdout);
      const again = await spawnControlPlane(env);
      try {
        expect((await signIn(again, 'other@example.test', password)).status).toBe(200);
      } finally {
        again.process.kill('SIGTERM');
        await again.exited;
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
