import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { tenantDir, WORKLOAD_DIR } from '@luster/synth';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimePaths } from './runtime-paths.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Dev dependencies the server must never need at run time (the image has none of them). */
const DEV_ONLY = ['tsx', 'typescript', 'vite', 'vitest', '@biomejs/biome', 'vue-tsc', 'openapi-typescript'];

/**
 * What `docker build` does, without docker: the runtime paths (the Dockerfile's list) built and
 * copied into an empty folder outside the repository, where `npm ci --omit=dev` installs their
 * production dependencies, and `node control-plane/dist/main.js` runs from there on an embedded
 * PostgreSQL — a server that can only import what the image would hold.
 */
describe('a production install (the image, without docker)', () => {
  let app: string;
  let server: ChildProcess | undefined;
  let exited: Promise<number | NodeJS.Signals | null>;
  let url: string;
  const timings: Record<string, number> = {};

  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[label] = Math.round(performance.now() - started);
    }
  };

  beforeAll(async () => {
    // Under the system temp folder: no node_modules of the repository above it to fall back on.
    app = await mkdtemp(path.join(os.tmpdir(), 'luster-production-'));
    // As root, the embedded PostgreSQL runs as `postgres`, who must reach its binaries in here
    // (mkdtemp makes the folder 0700; the image's /app is 0755).
    await chmod(app, 0o755);
    await timed('copy', async () => {
      for (const file of runtimePaths.manifests) await cp(path.join(root, file), path.join(app, file));
      for (const dir of runtimePaths.built.filter((p) => !BUILT_HERE.has(p)))
        await cp(path.join(root, dir), path.join(app, dir), { recursive: true });
    });
    // The install needs only the manifests, so it overlaps the builds (CPU) with its downloads.
    // The control plane and the admin are built from the current sources (npm test builds only
    // contract and synth, which the copy above took).
    await Promise.all([
      timed('npm ci --omit=dev', () =>
        run('npm', [...runtimePaths.install.split(' ').slice(1), '--prefer-offline'], {
          cwd: app,
          env: { ...process.env, npm_config_loglevel: 'error' },
          maxBuffer: 16 * 1024 * 1024,
        }),
      ),
      timed('build control plane', () =>
        run(
          process.execPath,
          [
            path.join(root, 'node_modules/typescript/bin/tsc'),
            '-p',
            path.join(root, 'control-plane/tsconfig.json'),
            '--outDir',
            path.join(app, 'control-plane/dist'),
            // Emit only: npm run typecheck checks the types; this proves what the emitted code imports.
            '--noCheck',
          ],
          { cwd: root },
        ),
      ),
      timed('build admin', () =>
        build({
          root: path.join(root, 'admin-vue'),
          configFile: path.join(root, 'admin-vue/vite.config.ts'),
          logLevel: 'warn',
          build: { outDir: path.join(app, 'admin-vue/dist'), emptyOutDir: true, sourcemap: false },
        }),
      ),
    ]);
    ({ server, exited, url } = await timed('start', () => startServer(app)));
  }, 600_000);

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await exited;
    if (app) await rm(app, { recursive: true, force: true });
    // The measured steps, for the README's note on this test's duration.
    process.stdout.write(`production install timings (ms): ${JSON.stringify(timings)}\n`);
  });

  it('holds every runtime path and no dev dependency', () => {
    for (const p of [...runtimePaths.manifests, ...runtimePaths.built])
      expect(existsSync(path.join(app, p)), p).toBe(true);
    expect(DEV_ONLY.filter((name) => existsSync(path.join(app, 'node_modules', name)))).toEqual([]);
    // The workspaces are linked, not fetched: the server runs the builds copied above.
    expect(existsSync(path.join(app, 'node_modules/@luster/synth/dist/index.js'))).toBe(true);
    // argon2's native binding is an optional dependency per platform: the install must have taken
    // this machine's glibc build, as the image's (Debian slim) install does for amd64 and arm64.
    expect(existsSync(path.join(app, `node_modules/@node-rs/argon2-linux-${process.arch}-gnu`))).toBe(true);
  });

  it('answers /readyz and serves the built admin', async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
  });

  it('registers an organization through the API and serves its commit to git clone', async () => {
    const res = await fetch(`${url}/api/v1/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accountType: 'organization',
        projectType: 'website',
        organizationName: 'Production Bakery',
        email: 'owner@bakery.test',
        password: 'a-long-enough-password',
      }),
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.change).toMatchObject({ kind: 'provision', state: 'committed' });

    const token = (await readFile(path.join(app, 'data/git-read-token'), 'utf8')).trim();
    const remote = new URL(`${url}/git/gitops.git`);
    remote.username = 'flux';
    remote.password = token;
    const clone = path.join(app, 'clone');
    await run('git', ['clone', '-q', remote.toString(), clone]);
    const { stdout: head } = await run('git', ['-C', clone, 'rev-parse', 'HEAD']);
    expect(head.trim()).toBe(body.change.commitSha);
    // Where synth's default layout puts the tenant (a hash shard since the artifacts layout).
    const folder = tenantDir('production', 'production-bakery');
    expect(existsSync(path.join(clone, folder, WORKLOAD_DIR, 'kustomization.yaml'))).toBe(true);
    // The organization's media bucket, created after the commit by the embedded S3's own thread
    // (plain JavaScript handed to a worker: it must run from the install as it does from source).
    await expect
      .poll(() => existsSync(path.join(app, 'data/s3/data/org-production-bakery-media')), { timeout: 15_000 })
      .toBe(true);
  });

  it('stops cleanly on SIGTERM', async () => {
    server?.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

/** Runtime paths this test builds from the sources rather than copies. */
const BUILT_HERE = new Set(['control-plane/dist', 'admin-vue/dist']);

/**
 * `node control-plane/dist/main.js` as the image's CMD runs it: its own environment (nothing of the
 * test runner's, so no tsx loader or test database leaks in), data under the install folder.
 */
async function startServer(app: string) {
  const child = spawn(process.execPath, ['control-plane/dist/main.js'], {
    cwd: app,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: app,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      S3_EMBEDDED_PORT: '0',
      LUSTER_DATA_DIR: path.join(app, 'data'),
      LUSTER_ADMIN_PASSWORD: 'correct-horse-battery',
      PASSWORD_ARGON2_MEMORY_KIB: '1024',
      PASSWORD_ARGON2_TIME_COST: '1',
      RECONCILE_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited.then((code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  return { server: child, exited, url };
}
