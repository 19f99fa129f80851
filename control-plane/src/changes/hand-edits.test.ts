import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git, tokenFor } from '../test-support/api-client.js';
import { createTestDatabase } from '../test-support/database.js';
import { handEdit as handEditMain } from '../test-support/hand-edit.js';
import { registerOrganization } from '../test-support/reviewed-change.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const run = promisify(execFile);

interface Org {
  id: string;
  slug: string;
  dir: string;
  owner: ReturnType<typeof client>;
}

async function register(server: TestServer, name: string): Promise<Org> {
  const { id, slug, dir, token } = await registerOrganization(server, name, 'hand-edits.test');
  return { id, slug, dir, owner: client(server, token) };
}

const head = async (server: TestServer) => (await git(server, 'rev-parse', 'main')).trim();

/** The repo-relative path of the tenant's file holding a `kind` object. */
async function fileOf(server: TestServer, dir: string, kind: string): Promise<string> {
  const files = (await git(server, 'ls-tree', '-r', '--name-only', 'main', dir)).trim().split('\n');
  for (const file of files) {
    if (new RegExp(`^kind: ${kind}$`, 'm').test(await git(server, 'show', `main:${file}`))) return file;
  }
  throw new Error(`no ${kind} in ${dir}`);
}

/** An SRE's hand edit of one file on main (see test-support/hand-edit.ts); returns the new main. */
const handEdit = (server: TestServer, file: string, edit: (text: string) => string) =>
  handEditMain(path.join(server.dataDir, 'gitops.git'), file, edit);

/** The hand edit of the report: the Deployment waits 30 s before a new pod counts as available. */
const minReadySeconds = (text: string) =>
  /minReadySeconds: \d+/.test(text)
    ? text.replace(/minReadySeconds: \d+/, 'minReadySeconds: 30')
    : text.replace(/^spec:\n/m, 'spec:\n  minReadySeconds: 30\n');

describe('hand edits in a tenant folder are never silently overwritten', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;

  beforeAll(async () => {
    server = await startTestServer({ ...apiTestEnv, RECONCILE_INTERVAL_SECONDS: '0' });
    admin = client(server, await adminToken(server));
  }, 60_000);
  afterAll(() => server?.close());

  it('refuses a change that would overwrite a hand-edited file (409 drift), committing and recording nothing', async () => {
    const org = await register(server, 'alpha');
    const deployment = await fileOf(server, org.dir, 'Deployment');
    const edited = await handEdit(server, deployment, minReadySeconds);

    const refused = await org.owner.patch(`/organizations/${org.id}`, {
      plugins: ['seo-assistant', 'forms'],
    });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'drift']);
    expect(refused.body.error.details.files).toEqual([deployment]);
    expect(await head(server)).toBe(edited);
    expect(await git(server, 'show', `main:${deployment}`)).toContain('minReadySeconds: 30');
    expect((await org.owner.get(`/organizations/${org.id}`)).body.plugins).toEqual(['seo-assistant']);
    const updates = await server.services.dataSource.query(
      `SELECT c.id FROM change_request c JOIN tenant t ON t.id = c."tenantId" WHERE t.slug = $1 AND c.kind = 'update'`,
      [org.slug],
    );
    expect(updates).toEqual([]);

    // Over GraphQL the same service answers the same code.
    const gql = await org.owner.graphql(
      'mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { organization { id } } }',
      { id: org.id, input: { plugins: ['seo-assistant', 'forms'] } },
    );
    expect(gql.errors?.[0]?.extensions.code).toBe('drift');

    // A superadmin re-asserts the render: the hand edit is gone and the change goes through.
    const reasserted = await admin.post(`/organizations/${org.id}/reassert`, { reason: 'drift' });
    expect(reasserted.body).toMatchObject({ kind: 'reassert', state: 'committed' });
    expect(await git(server, 'show', `main:${deployment}`)).not.toContain('minReadySeconds: 30');
    const after = await org.owner.patch(`/organizations/${org.id}`, { plugins: ['seo-assistant', 'forms'] });
    expect([after.status, after.body.change.state]).toEqual([200, 'committed']);
  });

  it('keeps a hand edit the change does not touch, and still knows it as one at the next change', async () => {
    const org = await register(server, 'bravo');
    const quota = await fileOf(server, org.dir, 'ResourceQuota');
    await handEdit(server, quota, (text) => `${text}# raised by hand for the launch\n`);

    // A plugin change renders the ConfigMap and the Deployment, not the quota: it goes through.
    const plugins = await org.owner.patch(`/organizations/${org.id}`, {
      plugins: ['seo-assistant', 'forms'],
    });
    expect([plugins.status, plugins.body.change.state]).toEqual([200, 'committed']);
    expect(await git(server, 'show', `main:${quota}`)).toContain('# raised by hand');
    const trailers = await git(
      server,
      'log',
      '-1',
      '--format=%(trailers:key=Hand-Edit-Kept,valueonly)',
      'main',
    );
    expect(trailers).toMatch(
      new RegExp(`^${quota.slice(org.dir.length + 1)} \\(rendered [0-9a-f]{40}\\)$`, 'm'),
    );

    // The commit above contains the hand edit, yet it is still a hand edit: a tier change (which
    // renders the quota) is refused, and the reconcile pass still reports it.
    const before = await head(server);
    const tier = await admin.patch(`/organizations/${org.id}`, { tier: 'pro' });
    expect([tier.status, tier.body.error.code, tier.body.error.details.files]).toEqual([
      409,
      'drift',
      [quota],
    ]);
    expect(await head(server)).toBe(before);
    await server.services.changes.reconcile();
    const drift = await admin.get(`/organizations/${org.id}/drift`);
    expect(drift.body.drift.files).toEqual([{ path: quota, status: 'modified' }]);

    await admin.post(`/organizations/${org.id}/reassert`, { reason: 'drift' });
    const retried = await admin.patch(`/organizations/${org.id}`, { tier: 'pro' });
    expect([retried.status, retried.body.change.state]).toEqual([200, 'committed']);
    expect(await git(server, 'show', `main:${quota}`)).not.toContain('# raised by hand');
  });

  it('lets a change through once the hand edit is undone by hand (adopted)', async () => {
    const org = await register(server, 'charlie');
    const deployment = await fileOf(server, org.dir, 'Deployment');
    const original = await git(server, 'show', `main:${deployment}`);
    await handEdit(server, deployment, minReadySeconds);
    const refused = await org.owner.patch(`/organizations/${org.id}`, { displayName: 'Charlie Co' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'drift']);
    await handEdit(server, deployment, () => original);
    const res = await org.owner.patch(`/organizations/${org.id}`, { displayName: 'Charlie Co' });
    expect([res.status, res.body.change.state]).toEqual([200, 'committed']);
  });
});

describe('reading the previous tree', () => {
  let dataDir: string;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: TestServer | undefined;
  const env = { ...apiTestEnv, RECONCILE_INTERVAL_SECONDS: '0' };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'luster-hand-edit-io-'));
    db = await createTestDatabase('handedit');
    // The first start seeds a new repository: the set-up, not the restart the test is about.
    server = await startTestServer(env, { dataDir, databaseUrl: db.url });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('does not take an unreadable previous tree for "no previous tree" (which would rewrite the folder)', async () => {
    if (!server) throw new Error('the set-up starts the server');
    const org = await register(server, 'delta');
    const deployment = await fileOf(server, org.dir, 'Deployment');
    const [{ lastCommitSha }] = await server.services.dataSource.query(
      'SELECT "lastCommitSha" FROM tenant WHERE slug = $1',
      [org.slug],
    );
    const edited = await handEdit(server, deployment, minReadySeconds);
    await server.stop();

    // The folder's tree at the tenant's last commit becomes unreadable (a corrupt loose object);
    // a fresh process has nothing of it cached.
    const tree = (
      await run('git', [
        '--git-dir',
        path.join(dataDir, 'gitops.git'),
        'rev-parse',
        `${lastCommitSha}:${org.dir}`,
      ])
    ).stdout.trim();
    const object = path.join(dataDir, 'gitops.git', 'objects', tree.slice(0, 2), tree.slice(2));
    await writeFile(object, 'not a zlib stream');

    server = await startTestServer(env, { dataDir, databaseUrl: db.url });
    const owner = client(
      server,
      tokenFor(
        server,
        (
          await server.services.dataSource.query(
            `SELECT id FROM "user" WHERE email = 'delta@hand-edits.test'`,
          )
        )[0].id,
      ),
    );
    const res = await owner.patch(`/organizations/${org.id}`, { plugins: ['seo-assistant', 'forms'] });
    expect(res.status).toBe(500);
    expect(await head(server)).toBe(edited);
    expect(await git(server, 'show', `main:${deployment}`)).toContain('minReadySeconds: 30');
  });
});
