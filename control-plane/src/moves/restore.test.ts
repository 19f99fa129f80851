import { tierPresets } from '@luster/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git } from '../test-support/api-client.js';
import { postFluxReady } from '../test-support/flux-events.js';
import { type RegisteredOrganization, registerOrganization } from '../test-support/reviewed-change.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const FLUX_TOKEN = 'flux-hmac-key-for-restore-tests';
const NOW = new Date('2026-12-06T12:00:00Z');
const CREATED = new Date('2026-11-01T00:00:00Z');

/*
 * A point-in-time restore end to end on a real control plane: PostgreSQL, the GitOps repository
 * read back with the git CLI, Flux's reports posted as notification-controller sends them.
 */
describe('restoring a database to a point in time, then releasing the one it replaced', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  const org: Record<string, RegisteredOrganization> = {};
  const sql = (q: string, params: unknown[] = []) => server.services.dataSource.query(q, params);
  const head = async () => (await git(server, 'rev-parse', 'main')).trim();
  const show = (ref: string, file: string) => git(server, 'show', `${ref}:${file}`);
  const ls = async (ref: string, dir: string) =>
    (await git(server, 'ls-tree', '-r', '--name-only', ref, dir)).trim().split('\n').filter(Boolean);
  const fluxReady = async (slug: string, sha: string) =>
    expect(await postFluxReady({ url: server.url, token: FLUX_TOKEN }, slug, sha)).toBe(200);

  async function register(name: string) {
    const registered = await registerOrganization(server, name, 'restore.test');
    org[name] = registered;
    const { slug } = registered;
    // Live: the cluster applied its provision commit. Created at a known time, for the window.
    await server.services.changes.drain();
    const [{ lastCommitSha }] = await sql(`SELECT "lastCommitSha" FROM tenant WHERE slug = $1`, [slug]);
    await fluxReady(slug, lastCommitSha);
    await sql(`UPDATE tenant SET "createdAt" = $2 WHERE slug = $1`, [slug, CREATED]);
  }

  beforeAll(async () => {
    server = await startTestServer(
      { ...apiTestEnv, RECONCILE_INTERVAL_SECONDS: '0', FLUX_WEBHOOK_TOKEN: FLUX_TOKEN },
      { clock: () => NOW },
    );
    admin = client(server, await adminToken(server));
    for (const name of ['delta', 'echo']) await register(name);
  }, 60_000);
  afterAll(() => server?.close());

  const retention = tierPresets.starter.database.backupRetentionDays;
  const from = new Date(Math.max(NOW.getTime() - retention * 86_400_000, CREATED.getTime()));
  const target = new Date(NOW.getTime() - 3_600_000).toISOString();
  let restoreId: string;

  it('shows the backups line: one database, the schedule, the window a restore may target', async () => {
    const res = await client(server, org.delta?.token).get(`/organizations/${org.delta?.id}/backups`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      cluster: 'production',
      database: { name: 'db', recoveredFrom: null, kept: null },
      retentionDays: retention,
      restoreWindow: { from: from.toISOString(), to: NOW.toISOString() },
    });
    expect(res.body.schedule).toMatch(/^0 \d+ \d \* \* \*$/);
    expect(res.body.lastReportedHealthyAt).not.toBeNull();
  });

  it.each([
    [{ targetTime: new Date(from.getTime() - 1000).toISOString() }, 400, 'restore_time_out_of_range'],
    [{ targetTime: new Date(NOW.getTime() + 60_000).toISOString() }, 400, 'restore_time_out_of_range'],
    [{ targetTime: 'yesterday' }, 400, 'invalid_input'],
    [{}, 400, 'invalid_input'],
  ])('refuses %j with %i %s, recording nothing', async (body, status, code) => {
    const res = await client(server, org.delta?.token).post(`/organizations/${org.delta?.id}/restore`, body);
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect(await sql(`SELECT id FROM change_request WHERE kind = 'restore'`)).toEqual([]);
  });

  it("answers 404 for another organization's tenant (the golden rule), on every endpoint", async () => {
    const echo = client(server, org.echo?.token);
    for (const [path, body] of [
      ['restore', { targetTime: target }],
      ['restore/preview', { targetTime: target }],
      ['release', {}],
      ['move', { cluster: 'production' }],
    ] as const) {
      const res = await echo.post(`/organizations/${org.delta?.id}/${path}`, body);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 404, 'organization_not_found']);
    }
    const backups = await echo.get(`/organizations/${org.delta?.id}/backups`);
    expect([backups.status, backups.body.error?.code]).toEqual([404, 'organization_not_found']);
  });

  it('records the restore for review: the branch recovers a new database up to the time, main is untouched', async () => {
    const before = await head();
    const preview = await client(server, org.delta?.token).post(
      `/organizations/${org.delta?.id}/restore/preview`,
      {
        targetTime: target,
      },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.files.map((f: { path: string }) => f.path)).toContain(
      `${org.delta?.dir}/app/cluster-db-1.yaml`,
    );
    const res = await client(server, org.delta?.token).post(`/organizations/${org.delta?.id}/restore`, {
      targetTime: target,
      reason: 'an import went wrong',
    });
    expect(res.status).toBe(202);
    expect(res.body.change).toMatchObject({ kind: 'restore', state: 'pending_review' });
    restoreId = res.body.change.id;
    expect(await head()).toBe(before);
    const branch = `changes/${restoreId}-${org.delta?.slug}`;
    const restored = await show(branch, `${org.delta?.dir}/app/cluster-db-1.yaml`);
    expect(restored).toContain(`targetTime: "${target}"`);
    expect(restored).toMatch(/source: origin/);
    expect(restored).toMatch(/serverName: db\n/);
    // The replaced database is still there, never pruned; the theme switches to the new one.
    expect(await show(branch, `${org.delta?.dir}/app/cluster-db.yaml`)).toContain(
      'kustomize.toolkit.fluxcd.io/prune: disabled',
    );
    expect(await show(branch, `${org.delta?.dir}/app/deployment-theme.yaml`)).toContain('name: db-1-app');
    const again = await client(server, org.delta?.token).post(`/organizations/${org.delta?.id}/restore`, {
      targetTime: target,
    });
    expect([again.status, again.body.error?.code]).toEqual([409, 'move_in_progress']);
  });

  it('merges after approval: main holds both databases, and the release waits for Ready', async () => {
    expect((await admin.post(`/change-requests/${restoreId}/approve`)).status).toBe(200);
    const merged = await admin.post(`/change-requests/${restoreId}/merge`);
    expect(merged.body).toMatchObject({ state: 'merged' });
    const sha = await head();
    expect(merged.body.commitSha).toBe(sha);
    expect(await ls(sha, `${org.delta?.dir}/app`)).toEqual(
      expect.arrayContaining([
        `${org.delta?.dir}/app/cluster-db.yaml`,
        `${org.delta?.dir}/app/cluster-db-1.yaml`,
        `${org.delta?.dir}/app/scheduled-backup-db-daily.yaml`,
        `${org.delta?.dir}/app/scheduled-backup-db-1-daily.yaml`,
      ]),
    );
    const trailers = await git(server, 'log', '-1', '--format=%(trailers:only,unfold)', sha);
    expect(trailers).toContain(`Change-Request: ${restoreId}`);
    const early = await client(server, org.delta?.token).post(`/organizations/${org.delta?.id}/release`, {});
    expect([early.status, early.body.error?.code]).toEqual([409, 'release_not_ready']);
    const backups = await client(server, org.delta?.token).get(`/organizations/${org.delta?.id}/backups`);
    expect(backups.body.database).toEqual({
      name: 'db-1',
      recoveredFrom: { cluster: 'production', database: 'db', targetTime: target },
      kept: { cluster: 'production', name: 'db', stage: 'kept' },
    });
  });

  it('refuses to purge (alone or in a bulk deletion) while the replaced database is kept', async () => {
    // Deprovisioned by hand, as the state tests do: the purge's own rule is what is under test.
    const setState = (state: string) =>
      sql(`UPDATE tenant SET state = $2 WHERE slug = $1`, [org.delta?.slug, state]);
    await setState('deprovisioned');
    try {
      const purge = await admin.post(`/organizations/${org.delta?.id}/purge`, { reason: 'closing down' });
      expect([purge.status, purge.body.error?.code]).toEqual([409, 'move_in_progress']);
      expect(purge.body.error.message).toMatch(/release it before purging/);
      const bulk = await admin.post('/change-requests/bulk-delete', {
        organizationIds: [org.delta?.id],
        reason: 'closing down',
      });
      expect([bulk.status, bulk.body.error?.code]).toEqual([409, 'move_in_progress']);
    } finally {
      await setState('active');
    }
  });

  it('releases once Ready: the guard is lifted, and once that is applied the old database is removed', async () => {
    await fluxReady(org.delta?.slug as string, await head());
    const res = await client(server, org.delta?.token).post(`/organizations/${org.delta?.id}/release`, {});
    expect(res.status).toBe(200);
    expect(res.body.change).toMatchObject({ kind: 'release', state: 'committed' });
    const released = await head();
    expect(res.body.change.commitSha).toBe(released);
    expect(await show(released, `${org.delta?.dir}/app/cluster-db.yaml`)).not.toContain('prune: disabled');
    expect(await show(released, `${org.delta?.dir}/app/cluster-db-1.yaml`)).toContain('prune: disabled');
    const twice = await client(server, org.delta?.token).post(`/organizations/${org.delta?.id}/release`, {});
    expect([twice.status, twice.body.error?.code]).toEqual([409, 'nothing_to_release']);

    // The cluster applied the release: the removal follows, written by a background round.
    await fluxReady(org.delta?.slug as string, released);
    let removed = released;
    for (let i = 0; i < 100 && removed === released; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      removed = await head();
    }
    expect(removed).not.toBe(released);
    const files = await ls(removed, `${org.delta?.dir}/app`);
    expect(files).toContain(`${org.delta?.dir}/app/cluster-db-1.yaml`);
    expect(files).not.toContain(`${org.delta?.dir}/app/cluster-db.yaml`);
    expect(files).not.toContain(`${org.delta?.dir}/app/scheduled-backup-db-daily.yaml`);
    const backups = await client(server, org.delta?.token).get(`/organizations/${org.delta?.id}/backups`);
    expect(backups.body.database.kept).toBeNull();
    // The history shows each step, one commit each.
    const subjects = (await git(server, 'log', '--format=%s', '-3', 'main', '--', org.delta?.dir as string))
      .trim()
      .split('\n');
    expect(subjects).toEqual([
      `tenant(${org.delta?.slug}): remove the released database db from production`,
      `tenant(${org.delta?.slug}): release the database db kept on production`,
      `tenant(${org.delta?.slug}): restore database db to ${target} as db-1`,
    ]);
  });

  it('refuses a move to the cluster the tenant runs on and to one that does not exist', async () => {
    const same = await admin.post(`/organizations/${org.echo?.id}/move`, { cluster: 'production' });
    expect([same.status, same.body.error?.code]).toEqual([400, 'same_cluster']);
    const unknown = await admin.post(`/organizations/${org.echo?.id}/move`, { cluster: 'nowhere' });
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'cluster_not_found']);
    // A client admin may restore, not move.
    const mine = await client(server, org.echo?.token).post(`/organizations/${org.echo?.id}/move`, {
      cluster: 'nowhere',
    });
    expect([mine.status, mine.body.error?.code]).toEqual([403, 'forbidden']);
  });
});
