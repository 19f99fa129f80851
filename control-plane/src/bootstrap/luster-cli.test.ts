import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { renderClusterEntry } from '@luster/synth';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeFluxGeneratedKustomization } from '../../../test/gitops-template/support/flux-generator.js';
import { requireTool } from '../../../test/support/require-tool.js';
import { runFleetLayoutStep } from '../app/fleet-layout-command.js';
import { initialPasswordFile } from '../auth/initial-password.js';
import { blobOid } from '../changes/commit-text.js';
import { createFleetLayoutService } from '../fleet-layout/fleet-layout.service.js';
import { FleetLayoutError } from '../fleet-layout/fleet-layout-error.js';
import { Cluster } from '../placement/cluster.entities.js';
import { renderTenantFiles, tenantRenderOptions } from '../tenants/render.js';
import { loadTenantRows } from '../tenants/tenant-rows.js';
import { apiTestEnv, client, git, tokenFor } from '../test-support/api-client.js';
import { spawnControlPlane } from '../test-support/child-process.js';
import { createTestDatabase } from '../test-support/database.js';
import { type RegisteredOrganization, registerOrganization } from '../test-support/reviewed-change.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const run = promisify(execFile);

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

const silent = pino({ level: 'silent' });

const generated = (stdout: string) => /Password: (\S+)/.exec(stdout)?.[1] as string;

async function signIn(server: { url: string }, email: string, password: string) {
  return client(server).post('/auth/login', { email, password });
}

const serverEnv = {
  LUSTER_ADMIN_PASSWORD: '',
  PASSWORD_ARGON2_MEMORY_KIB: '1024',
  PASSWORD_ARGON2_TIME_COST: '1',
  // The fleet-layout tests act as the organizations' owners with tokens they sign (tokenFor).
  JWT_SECRET: apiTestEnv.JWT_SECRET,
};

describe('the first admin password and `luster admin` on an external database', () => {
  let server: TestServer;
  let env: Record<string, string>;
  const cleanup: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    server = await startTestServer(serverEnv);
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

  it('`luster fleet-layout` finds nothing to do on a repository in the artifacts layout from the start', async () => {
    // A tenant, so that upgrade walks main's history back past its last commit finding no upgrade.
    await registerOrganization(server, 'early-bird', 'fleet-layout.test');
    const before = (await git(server, 'rev-parse', 'main')).trim();
    const layouts = createFleetLayoutService({
      dataSource: server.services.dataSource,
      writer: server.services.writer,
      renderOptions: tenantRenderOptions(server.config),
      author: { name: 'Luster', email: 'bot@luster.invalid' },
    });
    expect(await layouts.status()).toEqual([
      { cluster: 'production', layout: 'artifacts', pruneOff: false, missing: [] },
    ]);
    expect((await layouts.upgrade()).summary).toBe(
      'Every cluster is in the artifacts layout: nothing to upgrade.',
    );
    expect((await layouts.prepare()).summary).toBe(
      'Every cluster is in the artifacts layout: nothing to prepare.',
    );
    // The seeded template has every entry file synth renders.
    expect((await layouts.entries()).summary).toBe('Every cluster has its entry files: nothing to add.');
    expect((await git(server, 'rev-parse', 'main')).trim()).toBe(before);
  });

  describe('`luster fleet-layout` moves a legacy repository to the artifacts layout', () => {
    // The control plane as it starts after its own upgrade, on the repository the earlier release left.
    let cp: TestServer;
    const orgs: RegisteredOrganization[] = [];
    const head = async () => (await git(cp, 'rev-parse', 'main')).trim();
    const subjects = async (n: number) =>
      (await git(cp, 'log', `-${n}`, '--format=%s', 'main')).trim().split('\n');
    const tree = async () => (await git(cp, 'ls-tree', '-r', '--name-only', 'main')).trim().split('\n');
    /** The same steps in this process, on the running control plane's writer. */
    const layouts = () =>
      createFleetLayoutService({
        dataSource: cp.services.dataSource,
        writer: cp.services.writer,
        renderOptions: tenantRenderOptions(cp.config),
        author: { name: 'Luster', email: 'bot@luster.invalid' },
      });
    const layoutCheck = async () =>
      (
        (await (await fetch(`${cp.url}/readyz`)).json()) as {
          checks: { name: string; ok: boolean; message?: string }[];
        }
      ).checks.find((c) => c.name === 'gitops-layout');

    beforeAll(async () => {
      // Slugs whose first two characters and hash shards differ: each tenant really moves.
      for (const name of ['the-corner-shop', 'stone-masons', 'alpha-bakery'])
        orgs.push(await registerOrganization(server, name, 'fleet-layout.test'));
      await rewriteAsLegacy(server);
      await server.stop();
      cp = await startTestServer(serverEnv, { dataDir: server.dataDir, databaseUrl: server.databaseUrl });
    }, 120_000);
    afterAll(() => cp?.close());

    it('refuses tenant changes to the legacy cluster (503, nothing written) and says so in /readyz, still ready', async () => {
      const before = await head();
      const [org] = orgs as [RegisteredOrganization];
      const refused = await client(cp, org.token).patch(`/organizations/${org.id}`, {
        plugins: ['seo-assistant', 'forms'],
      });
      expect([refused.status, refused.body.error.code]).toEqual([503, 'gitops_layout_legacy']);
      expect(refused.body.error.details.clusters).toEqual(['production']);
      expect(await head()).toBe(before);
      expect((await fetch(`${cp.url}/readyz`)).status).toBe(200);
      expect(await layoutCheck()).toMatchObject({
        ok: false,
        message: expect.stringContaining('production'),
      });
    });

    it('upgrades only after the prune-off commit, in two platform commits, and a second run does nothing', async () => {
      const legacy = await head();
      await expect(layouts().upgrade()).rejects.toThrow(
        new FleetLayoutError(
          "Kustomization tenants of cluster production still prunes: upgrading now would make Flux delete every tenant's namespace. Run `luster fleet-layout prepare` first and wait until Flux applied it. Nothing was changed",
        ),
      );
      expect(await head()).toBe(legacy);

      const prepare = await luster(['fleet-layout', 'prepare'], env);
      expect(prepare.code, prepare.stderr).toBe(0);
      expect((await git(cp, 'diff', '--name-only', legacy, 'main')).trim()).toBe(
        'clusters/production/tenants.yaml',
      );
      expect(await git(cp, 'show', 'main:clusters/production/tenants.yaml')).toMatch(/^ {2}prune: false$/m);
      const prepared = await head();
      expect(await layouts().prepare()).toEqual({
        sha: null,
        summary: expect.stringContaining('Kustomization tenants already has prune: false on production'),
      });

      // In this process (the re-run below is the real command): the same service the CLI runs.
      const upgrade = await layouts().upgrade();
      const [{ count }] = await cp.services.dataSource.query(
        `SELECT count(*)::int AS count FROM tenant WHERE cluster = 'production' AND "lastCommitSha" IS NOT NULL`,
      );
      expect(count).toBeGreaterThanOrEqual(orgs.length);
      expect(upgrade.summary).toContain(`${count} tenant folders of production moved into their shards`);
      expect(await git(cp, 'rev-parse', 'main~1')).toBe(`${prepared}\n`);
      expect(
        await git(cp, 'log', '-1', '--format=%(trailers:key=Fleet-Layout-Upgrade,valueonly)', 'main'),
      ).toBe('production\n\n');
      expect(await subjects(3)).toEqual([
        'platform: move production to the artifacts fleet layout',
        'platform: prepare production for the artifacts fleet layout: prune off on Kustomization tenants',
        'the repository as the earlier release wrote it',
      ]);
      const files = await tree();
      // The entry point and shard markers are synth's, byte for byte (flux-system/ untouched, and the
      // same placeholders in both layouts here).
      // Compared by blob id: one `git ls-tree` instead of a `git show` for each of ~500 files.
      const blobs = await blobsOnMain(cp);
      for (const file of renderClusterEntry({ cluster: 'production' }))
        expect(blobs.get(file.path), file.path).toBe(blobOid(file));
      const { dataSource } = cp.services;
      for (const org of orgs) {
        expect(files.filter((f) => f.includes(`/${org.slug}/`) && !f.startsWith(`${org.dir}/`))).toEqual([]);
        const rendered = renderTenantFiles(
          await loadTenantRows(
            dataSource.manager,
            (await dataSource.query('SELECT id FROM tenant WHERE slug = $1', [org.slug]))[0].id,
          ),
          tenantRenderOptions(cp.config),
        );
        expect(rendered.dir).toBe(org.dir);
        expect(files.filter((f) => f.startsWith(`${org.dir}/`)).sort()).toEqual(
          (rendered.files ?? []).map((f) => `${org.dir}/${f.path}`).sort(),
        );
      }
      const upgraded = await head();
      expect(await layouts().upgrade()).toEqual({
        sha: null,
        summary: 'Every cluster is in the artifacts layout: nothing to upgrade.',
      });
      expect(await head()).toBe(upgraded);
      // The real prepare command: a process that loads the control plane through tsx.
    }, 240_000);

    it('finishes an upgrade whose run stopped between its commit and its record: a re-run records it and commits nothing', async () => {
      const upgraded = await head();
      const legacy = (await git(cp, 'rev-parse', 'main~2')).trim();
      const { dataSource } = cp.services;
      const moved: { id: string }[] = await dataSource.query(
        'SELECT id FROM tenant WHERE "lastCommitSha" = $1 ORDER BY id',
        [upgraded],
      );
      expect(moved.length).toBeGreaterThanOrEqual(orgs.length);
      // What a run that stopped right after its commit leaves: the tenants' last commit the legacy one.
      await dataSource.query('DELETE FROM tenant_commit WHERE sha = $1', [upgraded]);
      await dataSource.query('UPDATE tenant SET "lastCommitSha" = $1 WHERE "lastCommitSha" = $2', [
        legacy,
        upgraded,
      ]);
      // Their new folders did not exist there: every file reads as a hand edit, the next change is refused.
      const [org] = orgs as [RegisteredOrganization];
      const refused = await client(cp, org.token).patch(`/organizations/${org.id}`, {
        plugins: ['seo-assistant', 'forms'],
      });
      expect([refused.status, refused.body.error?.code]).toEqual([409, 'drift']);
      // Meanwhile a superadmin re-asserted another tenant over a hand edit: a commit after the
      // upgrade, which the re-run must leave as that tenant's last one.
      const reasserted = orgs[1] as RegisteredOrganization;
      const reassertedId = (
        await dataSource.query('SELECT id FROM tenant WHERE slug = $1', [reasserted.slug])
      )[0].id as string;
      await handEdit(cp, `${reasserted.dir}/kustomization.yaml`);
      const [{ id: adminId }] = await dataSource.query(
        `SELECT id FROM "user" WHERE email = 'admin@example.test'`,
      );
      const reassert = await client(cp, tokenFor(cp, adminId)).post(
        `/organizations/${reasserted.id}/reassert`,
        { reason: 'undo the hand edit' },
      );
      expect(reassert.status, JSON.stringify(reassert.body)).toBe(200);
      const later = await head();
      expect(await git(cp, 'rev-parse', 'main~2')).toBe(`${upgraded}\n`);
      const others = moved.filter((t) => t.id !== reassertedId);
      expect(others.length).toBe(moved.length - 1);

      const rerun = await luster(['fleet-layout', 'upgrade', '--flux-applied'], env);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stdout).toBe(
        `Recorded the earlier upgrade ${upgraded} (production) as the last commit of its ${others.length} tenants: the run that committed it stopped before recording it. Every cluster is in the artifacts layout.\n`,
      );
      expect(await head()).toBe(later);
      const committedAt = new Date((await git(cp, 'log', '-1', '--format=%cI', upgraded)).trim());
      const tenants = await dataSource.query(
        'SELECT id, "lastCommitSha", "lastCommittedAt" FROM tenant WHERE id = ANY($1) ORDER BY id',
        [moved.map((t) => t.id)],
      );
      expect(tenants).toEqual(
        moved.map(({ id }) =>
          id === reassertedId
            ? { id, lastCommitSha: later, lastCommittedAt: expect.any(Date) }
            : { id, lastCommitSha: upgraded, lastCommittedAt: committedAt },
        ),
      );
      const history = await dataSource.query(
        'SELECT "tenantId", subject, "parentSha", "filesTouched" FROM tenant_commit WHERE sha = $1 ORDER BY "tenantId"',
        [upgraded],
      );
      const parentSha = (await git(cp, 'rev-parse', `${upgraded}~1`)).trim();
      expect(history).toEqual(
        others.map(({ id }) => ({
          tenantId: id,
          subject: 'platform: move production to the artifacts fleet layout',
          parentSha,
          filesTouched: expect.any(Number),
        })),
      );
      expect(history.every((h: { filesTouched: number }) => h.filesTouched > 0)).toBe(true);
      await cp.services.changes.reconcile();
      expect(await dataSource.query('SELECT "tenantId" FROM tenant_drift')).toEqual([]);
      expect(await layouts().upgrade()).toEqual({
        sha: null,
        summary: 'Every cluster is in the artifacts layout: nothing to upgrade.',
      });
      // The real upgrade command (a process loading the control plane through tsx) and a refused change.
    }, 120_000);

    it('leaves a repository kustomize builds at every entry point, with no drift, and /readyz reports the layout ok', async () => {
      const checkout = await mkdtemp(path.join(os.tmpdir(), 'luster-upgraded-'));
      try {
        await run('git', ['clone', '-q', path.join(cp.dataDir, 'gitops.git'), checkout]);
        const cluster = await kustomizeBuilds(checkout, 'clusters/production');
        expect(cluster).toContain('kind: ArtifactGenerator');
        expect(cluster).not.toMatch(/^kind: Kustomization\nmetadata:\n {2}name: tenants$/m);
        for (const org of orgs) {
          expect(await kustomizeBuilds(checkout, org.dir)).toContain(`name: platform-${org.slug}`);
          expect(await kustomizeBuilds(checkout, `${org.dir}/platform`)).toContain(
            `name: tenant-${org.slug}`,
          );
          expect(await kustomizeBuilds(checkout, `${org.dir}/app`)).toContain('kind: Deployment');
        }
      } finally {
        await rm(checkout, { recursive: true, force: true });
      }
      await cp.services.changes.reconcile();
      expect(await cp.services.dataSource.query('SELECT "tenantId" FROM tenant_drift')).toEqual([]);
      expect(await layoutCheck()).toEqual({ name: 'gitops-layout', ok: true });
      // Ten `kubectl kustomize` processes and a clone.
    }, 120_000);

    it("writes a tenant change after the upgrade into that tenant's folder only", async () => {
      const [org] = orgs as [RegisteredOrganization];
      const res = await client(cp, org.token).patch(`/organizations/${org.id}`, {
        plugins: ['seo-assistant', 'forms'],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const touched = (await git(cp, 'show', '--name-only', '--format=', 'main')).trim().split('\n');
      expect(touched.length).toBeGreaterThan(0);
      expect(touched.filter((f) => !f.startsWith(`${org.dir}/`))).toEqual([]);
    });

    it('adds the entry files clusters lack — argocd/ of an old one, all of one never committed — with their values, in one commit, once', async () => {
      // A cluster added before argocd/<cluster>/ was rendered, one shard file and marker lost with
      // it, and the operator's own luster_url in infrastructure.yaml.
      const lost = ['clusters/production/tenant-shards/ab.yaml', 'tenants/production/ab/README.md'];
      const work = await mkdtemp(path.join(os.tmpdir(), 'luster-entries-'));
      try {
        await run('git', ['clone', '-q', path.join(cp.dataDir, 'gitops.git'), work]);
        const infrastructure = path.join(work, 'clusters/production/infrastructure.yaml');
        await writeFile(
          infrastructure,
          (await readFile(infrastructure, 'utf8')).replace(
            'luster_url: https://luster.example.com',
            'luster_url: https://luster.sre.example.test',
          ),
        );
        await run('git', ['-C', work, 'rm', '-rq', 'argocd/production', ...lost]);
        const id = ['-c', 'user.name=SRE', '-c', 'user.email=sre@example.test'];
        await run('git', [
          ...id,
          '-C',
          work,
          'commit',
          '-q',
          '-am',
          'the repository an earlier release left',
        ]);
        await run('git', ['-C', work, 'push', '-q', 'origin', 'main']);
        // And a cluster of the database whose entry point was never committed (closed to new
        // tenants, so that no later registration lands on it).
        await cp.services.dataSource.manager.insert(Cluster, {
          name: 'edge',
          capacity: 10,
          acceptsTenants: false,
        });
        const before = await head();
        const production = renderClusterEntry({
          cluster: 'production',
          lusterUrl: 'https://luster.sre.example.test',
        }).filter((f) => f.path.startsWith('argocd/production/') || lost.includes(f.path));
        const edge = renderClusterEntry({ cluster: 'edge' }).filter(
          (f) => !f.path.startsWith('clusters/edge/flux-system/'),
        );
        const expected = [...production, ...edge].sort((a, b) => (a.path < b.path ? -1 : 1));
        const count = (prefix: string) => edge.filter((f) => f.path.startsWith(prefix)).length;
        const status = () =>
          runFleetLayoutStep('status', {
            config: cp.config,
            dataSource: cp.services.dataSource,
            logger: silent,
          });
        expect((await status()).summary).toBe(
          [
            `edge: no entry point; lacks entry files in clusters/edge/ (${count('clusters/')} files), argocd/edge/ (${count('argocd/')} files), tenants/edge/ (${count('tenants/')} files): run \`luster fleet-layout entries\``,
            `production: artifacts; lacks entry files in clusters/production/ (1 file), argocd/production/ (${production.length - 2} files), tenants/production/ (1 file): run \`luster fleet-layout entries\``,
          ].join('\n'),
        );

        const entries = await luster(['fleet-layout', 'entries'], env);
        expect(entries.code, entries.stderr).toBe(0);
        const added = await head();
        expect(entries.stdout).toBe(
          `Committed ${added}: ${edge.length} entry files of edge, ${production.length} entry files of production.\n`,
        );
        expect(await git(cp, 'rev-parse', 'main~1')).toBe(`${before}\n`);
        expect(await git(cp, 'show', '--name-status', '--format=%s', 'main')).toBe(
          `platform: add the missing entry files of edge, production\n\n${expected.map((f) => `A\t${f.path}\n`).join('')}`,
        );
        const blobs = await blobsOnMain(cp);
        for (const file of expected) expect(blobs.get(file.path), file.path).toBe(blobOid(file));
        expect(await git(cp, 'ls-tree', '--name-only', 'main', 'argocd/production/')).toBe(
          `${production
            .filter((f) => f.path.startsWith('argocd/'))
            .map((f) => f.path)
            .join('\n')}\n`,
        );
        await run('git', ['-C', work, 'pull', '-q', '--ff-only']);
        const argocd = await kustomizeBuilds(work, 'argocd/production');
        expect(argocd).toContain('kind: ApplicationSet');
        expect(argocd).toContain('repoURL: https://luster.sre.example.test/git/gitops.git');

        expect(await layouts().entries()).toEqual({
          sha: null,
          summary: 'Every cluster has its entry files: nothing to add.',
        });
        expect(await head()).toBe(added);
        expect((await status()).summary).toBe('edge: artifacts\nproduction: artifacts');
      } finally {
        await rm(work, { recursive: true, force: true });
      }
      // The real entries command, a clone and one `kubectl kustomize` (the restored shard file is
      // synth's byte for byte, and clusters/production's build is checked after the upgrade).
    }, 120_000);

    it('refuses a repository whose tenants.yaml is neither layout, naming the file', async () => {
      const work = await mkdtemp(path.join(os.tmpdir(), 'luster-neither-'));
      try {
        await run('git', ['clone', '-q', path.join(cp.dataDir, 'gitops.git'), work]);
        await writeFile(
          path.join(work, 'clusters/production/tenants.yaml'),
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tenants\n',
        );
        const id = ['-c', 'user.name=SRE', '-c', 'user.email=sre@example.test'];
        await run('git', [...id, '-C', work, 'commit', '-q', '-am', 'something else']);
        await run('git', ['-C', work, 'push', '-q', 'origin', 'main']);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
      const before = await head();
      await expect(layouts().prepare()).rejects.toThrow(FleetLayoutError);
      await expect(layouts().entries()).rejects.toThrow(FleetLayoutError);
      await expect(layouts().upgrade()).rejects.toThrow(
        /^clusters\/production\/tenants.yaml declares neither/,
      );
      expect(await head()).toBe(before);
    }, 60_000);
  });
});

/**
 * The repository as the release before the artifacts layout left it: clusters/production in the
 * legacy layout, every tenant in its first-two-characters shard, rendered by synth's legacy mode from
 * the database, committed and pushed by hand (what that release's writer committed), and the tenants'
 * last commit recorded as that one. Returns the commit.
 */
async function rewriteAsLegacy(server: TestServer): Promise<string> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'luster-legacy-'));
  try {
    await run('git', ['clone', '-q', path.join(server.dataDir, 'gitops.git'), work]);
    const tenantsRoot = path.join(work, 'tenants/production');
    for (const entry of await readdir(tenantsRoot, { withFileTypes: true }))
      if (entry.isDirectory()) await rm(path.join(tenantsRoot, entry.name), { recursive: true });
    await rm(path.join(work, 'clusters/production/tenant-shards'), { recursive: true });
    const legacy = { fluxLayout: 'legacy', shardScheme: 'prefix' } as const;
    const files = renderClusterEntry({ cluster: 'production', ...legacy });
    const { dataSource } = server.services;
    const tenants = await dataSource.query(
      `SELECT id FROM tenant WHERE cluster = 'production' AND "lastCommitSha" IS NOT NULL`,
    );
    for (const { id } of tenants) {
      const rendered = renderTenantFiles(await loadTenantRows(dataSource.manager, id), {
        ...tenantRenderOptions(server.config),
        ...legacy,
      });
      for (const f of rendered.files ?? [])
        files.push({ path: `${rendered.dir}/${f.path}`, content: f.content as string });
    }
    for (const f of files) {
      await mkdir(path.dirname(path.join(work, f.path)), { recursive: true });
      await writeFile(path.join(work, f.path), f.content);
    }
    const bot = ['-c', 'user.name=Luster', '-c', 'user.email=bot@luster.invalid'];
    await run('git', ['-C', work, 'add', '-A']);
    await run('git', [
      ...bot,
      '-C',
      work,
      'commit',
      '-q',
      '-m',
      'the repository as the earlier release wrote it',
    ]);
    await run('git', ['-C', work, 'push', '-q', 'origin', 'main']);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const sha = (await git(server, 'rev-parse', 'main')).trim();
  await server.services.dataSource.query(
    `UPDATE tenant SET "lastCommitSha" = $1 WHERE cluster = 'production' AND "lastCommitSha" IS NOT NULL`,
    [sha],
  );
  return sha;
}

/** Every file on main, path → blob id, from one `git ls-tree`. */
async function blobsOnMain(server: TestServer): Promise<Map<string, string>> {
  const lines = (await git(server, 'ls-tree', '-r', 'main')).trim().split('\n');
  // `<mode> blob <oid>\t<path>`
  return new Map(lines.map((line) => [line.split('\t')[1] as string, line.split(/\s/)[2] as string]));
}

/** Someone's own commit on main, appending a line to `file`: a hand edit for the control plane. */
async function handEdit(server: TestServer, file: string): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'luster-hand-edit-'));
  try {
    await run('git', ['clone', '-q', path.join(server.dataDir, 'gitops.git'), work]);
    await writeFile(
      path.join(work, file),
      `${await readFile(path.join(work, file), 'utf8')}# edited by hand\n`,
    );
    const id = ['-c', 'user.name=SRE', '-c', 'user.email=sre@example.test'];
    await run('git', [...id, '-C', work, 'commit', '-q', '-am', `edit ${file} by hand`]);
    await run('git', ['-C', work, 'push', '-q', 'origin', 'main']);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** `kubectl kustomize` of `dir` in a checkout; a folder without kustomization.yaml as Flux generates one. */
async function kustomizeBuilds(checkout: string, dir: string): Promise<string> {
  const full = path.join(checkout, dir);
  if (!existsSync(path.join(full, 'kustomization.yaml'))) await writeFluxGeneratedKustomization(full);
  const { stdout } = await run(requireTool('kubectl'), ['kustomize', full], { maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

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
      // The refused start let go of everything it had started: no timer or listener of it still
      // holds a connection (test files share a worker, where a leaked one would run on).
      const open = new pg.Client({ connectionString: inject('postgresUrl') });
      await open.connect();
      const { rows } = await open
        .query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
          new URL(db.url).pathname.slice(1),
        ])
        .finally(() => open.end());
      expect(rows[0].n).toBe(0);
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
