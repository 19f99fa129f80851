import { tenantDir } from '@luster/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git } from '../test-support/api-client.js';
import { fluxEvent, postFluxEvent } from '../test-support/flux-events.js';
import { addSuperadmin } from '../test-support/reviewed-change.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const FLUX_TOKEN = 'flux-hmac-key-for-move-tests';

/*
 * A move between two clusters end to end: reviewed, the new cluster's folder written while the old
 * one stays untouched, the release once the new cluster reports Ready, the removal once the old
 * cluster reports the release applied. Git is read back with the git CLI.
 */
describe('moving a tenant to another cluster with its data', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let id: string;
  let slug: string;
  const sql = (q: string, params: unknown[] = []) => server.services.dataSource.query(q, params);
  const head = async () => (await git(server, 'rev-parse', 'main')).trim();
  const ls = async (ref: string, dir: string) =>
    (await git(server, 'ls-tree', '-r', '--name-only', ref, dir)).trim().split('\n').filter(Boolean);
  const dirOn = (cluster: string) => tenantDir(cluster, slug);

  /**
   * What notification-controller on `cluster` posts about the tenant's Kustomization at `sha`:
   * by default that it applied it.
   */
  async function reportFrom(
    cluster: string,
    sha: string,
    event: Omit<Parameters<typeof fluxEvent>[0], 'sha'> = { reason: 'ReconciliationSucceeded' },
  ) {
    const body = fluxEvent({ slug, ...event, sha });
    const status = await postFluxEvent(
      { url: server.url, token: FLUX_TOKEN },
      { ...body, metadata: { ...body.metadata, cluster } },
    );
    expect(status).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer({
      ...apiTestEnv,
      RECONCILE_INTERVAL_SECONDS: '0',
      FLUX_WEBHOOK_TOKEN: FLUX_TOKEN,
    });
    admin = client(server, await adminToken(server));
    const res = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'foxtrot',
      email: 'foxtrot@move.test',
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(201);
    ({ id, slug } = res.body.organization);
    await server.services.changes.drain();
    const [{ lastCommitSha }] = await sql(`SELECT "lastCommitSha" FROM tenant WHERE slug = $1`, [slug]);
    await reportFrom('production', lastCommitSha);
    expect((await admin.post('/clusters', { name: 'prod-2' })).status).toBe(201);
    expect((await admin.post('/clusters', { name: 'closed', acceptsTenants: false })).status).toBe(201);
  }, 60_000);
  afterAll(() => server?.close());

  it('refuses a cluster that does not accept tenants', async () => {
    const res = await admin.post(`/organizations/${id}/move`, { cluster: 'closed' });
    expect([res.status, res.body.error?.code]).toEqual([409, 'cluster_closed']);
  });

  it('moves after review: the new folder recovers the database, the old folder is left as it was', async () => {
    const oldTree = (await git(server, 'rev-parse', `main:${dirOn('production')}`)).trim();
    const res = await admin.post(`/organizations/${id}/move`, {
      cluster: 'prod-2',
      reason: 'closer to customers',
    });
    expect(res.status).toBe(202);
    expect(res.body.change).toMatchObject({ kind: 'move', state: 'pending_review' });
    const again = await admin.post(`/organizations/${id}/move`, { cluster: 'prod-2' });
    expect([again.status, again.body.error?.code]).toEqual([409, 'move_in_progress']);
    const changeId = res.body.change.id;
    // A second person approves (the requester may not).
    const own = await admin.post(`/change-requests/${changeId}/approve`);
    expect([own.status, own.body.error?.code]).toEqual([403, 'self_approval']);
    const second = await addSuperadmin(server, admin, 'reviewer@move.test');
    expect((await second.post(`/change-requests/${changeId}/approve`)).status).toBe(200);
    const merged = await admin.post(`/change-requests/${changeId}/merge`);
    expect(merged.body.state).toBe('merged');
    const sha = await head();
    const cluster = await git(server, 'show', `${sha}:${dirOn('prod-2')}/app/cluster-db-1.yaml`);
    expect(cluster).toMatch(/destinationPath: s3:\/\/luster-backups\/production\/foxtrot/);
    expect(cluster).toMatch(/destinationPath: s3:\/\/luster-backups\/prod-2\/foxtrot/);
    expect((await git(server, 'rev-parse', `${sha}:${dirOn('production')}`)).trim()).toBe(oldTree);
    expect((await admin.get(`/organizations/${id}`)).body.cluster).toBe('prod-2');
  });

  it("keeps the old cluster's reports out of the status, and releases once the new cluster reports Ready", async () => {
    const moved = await head();
    // The old copy still reports success: it must not make the moved tenant Ready.
    await reportFrom('production', moved);
    expect((await admin.get(`/organizations/${id}/sync`)).body.status).not.toBe('Ready');
    const early = await admin.post(`/organizations/${id}/release`, {});
    expect([early.status, early.body.error?.code]).toEqual([409, 'release_not_ready']);
    await reportFrom('prod-2', moved);
    expect((await admin.get(`/organizations/${id}/sync`)).body.status).toBe('Ready');
    const res = await admin.post(`/organizations/${id}/release`, {});
    expect(res.status).toBe(200);
    const released = await head();
    const oldFiles = await ls(released, dirOn('production'));
    expect(oldFiles).toContain(`${dirOn('production')}/app/cluster-db.yaml`);
    expect(oldFiles).not.toContain(`${dirOn('production')}/app/deployment-theme.yaml`);
    expect(await git(server, 'show', `${released}:${dirOn('production')}/app/cluster-db.yaml`)).not.toContain(
      'prune: disabled',
    );
    // The old cluster applied the release: its folder is removed by a last commit.
    await reportFrom('production', released);
    let removed = released;
    for (let i = 0; i < 100 && removed === released; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      removed = await head();
    }
    expect(await ls(removed, dirOn('production'))).toEqual([]);
    expect((await ls(removed, dirOn('prod-2'))).length).toBeGreaterThan(0);
    const subjects = (await git(server, 'log', '--format=%s', '-3', 'main')).trim().split('\n');
    expect(subjects).toEqual([
      `tenant(${slug}): remove the released database db from production`,
      `tenant(${slug}): release the database db kept on production`,
      `tenant(${slug}): move production → prod-2, database db → db-1 from production's backups`,
    ]);
  });

  it("records object health from the tenant's own cluster only: the other copy's reports never overwrite it", async () => {
    const sha = await head();
    const health = async () =>
      (await sql(`SELECT name, health FROM tenant_object_health WHERE "tenantId" = $1 ORDER BY name`, [
        (await sql(`SELECT id FROM tenant WHERE slug = $1`, [slug]))[0].id,
      ])) as { name: string; health: string }[];
    const at = (second: number) => `2026-11-23T13:00:0${second}Z`;
    await reportFrom('prod-2', sha, {
      reason: 'HealthCheckFailed',
      timestamp: at(1),
      message: `health check failed after 5m0s: timeout waiting for: [Certificate/tenant-${slug}/tls-shop-1a2b3c4d status: 'InProgress']`,
    });
    expect(await health()).toEqual([{ name: 'tls-shop-1a2b3c4d', health: 'failed' }]);
    // Production still runs a namespace of the same name (the copy a move leaves): its success
    // (every object healthy) and its change set are its own objects, not the tenant's.
    await reportFrom('production', sha, { reason: 'ReconciliationSucceeded', timestamp: at(2) });
    await reportFrom('production', sha, {
      reason: 'Progressing',
      timestamp: at(3),
      message: `Certificate/tenant-${slug}/tls-old-00000002 created`,
    });
    expect(await health()).toEqual([{ name: 'tls-shop-1a2b3c4d', health: 'failed' }]);
    await reportFrom('prod-2', sha, { reason: 'ReconciliationSucceeded', timestamp: at(4) });
    expect(await health()).toEqual([{ name: 'tls-shop-1a2b3c4d', health: 'healthy' }]);
  });
});
