import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { promisify } from 'node:util';
import { IsNull } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organization } from '../access/organization.entities.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { fluxEvent } from '../test-support/flux-events.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { SyncEvent } from './sync.entities.js';

const run = promisify(execFile);
const FLUX_TOKEN = 'flux-hmac-key-for-tests';
const ARGO_TOKEN = 'argo-shared-secret-for-tests';

/** Flux's notification-controller signs the compact JSON body (generic-hmac); we do the same. */
function signed(body: unknown, key = FLUX_TOKEN, algo = 'sha256') {
  const raw = JSON.stringify(body);
  return { raw, signature: `${algo}=${createHmac(algo, key).update(raw).digest('hex')}` };
}

describe('sync status from Flux and Argo CD webhooks', () => {
  let server: TestServer;
  let git: (...args: string[]) => Promise<string>;
  let seed: string;
  let commitA: string;
  let commitB: string;
  let tenant: Tenant;
  /** The server's clock: staleness is judged against it, never against the real time. */
  let now = new Date('2026-11-23T12:00:00Z');

  /** A commit on main, as the writer would make it (the writer itself is tested in gitops/). */
  async function commitOnMain(message: string) {
    const parent = await git('rev-parse', 'refs/heads/main');
    const tree = await git('rev-parse', 'refs/heads/main^{tree}');
    const sha = await git(
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@t',
      'commit-tree',
      tree,
      '-p',
      parent,
      '-m',
      message,
    );
    await git('update-ref', 'refs/heads/main', sha, parent);
    return sha;
  }

  async function postFlux(body: unknown, signature?: string) {
    const s = signed(body);
    return fetch(`${server.url}/hooks/flux`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'gotk-component': 'kustomize-controller',
        'x-signature': signature ?? s.signature,
      },
      body: s.raw,
    });
  }

  async function postArgo(body: unknown, token = ARGO_TOKEN) {
    return fetch(`${server.url}/hooks/argocd`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-luster-token': token },
      body: JSON.stringify(body),
    });
  }

  const status = () => server.services.sync.statusOf(tenant.id);

  beforeAll(async () => {
    server = await startTestServer(
      { FLUX_WEBHOOK_TOKEN: FLUX_TOKEN, ARGOCD_WEBHOOK_TOKEN: ARGO_TOKEN, SYNC_STALE_AFTER_SECONDS: '900' },
      { clock: () => now },
    );
    git = async (...args) => (await run('git', ['--git-dir', server.services.gitdir, ...args])).stdout.trim();
    seed = await git('rev-parse', 'refs/heads/main');
    commitA = await commitOnMain('tenant(acme): provision');
    commitB = await commitOnMain('tenant(other): provision');

    const orgs = server.services.dataSource.getRepository(Organization);
    const platform = await orgs.findOneByOrFail({ kind: 'platform' });
    const org = await orgs.save(
      orgs.create({ slug: 'acme', name: 'Acme', kind: 'organization', parentId: platform.id, path: '' }),
    );
    await orgs.update(org.id, { path: `${platform.path}${org.id}/` });
    const tenants = server.services.dataSource.getRepository(Tenant);
    tenant = await tenants.save(
      tenants.create({
        organizationId: org.id,
        slug: 'acme',
        tier: 'starter',
        projectType: 'website',
        themeName: 'luster-starter',
        themeVersion: '1.4.0',
        plugins: ['seo-assistant'],
        state: 'provisioning',
        cluster: 'production',
        lastCommitSha: commitA,
        lastCommittedAt: new Date('2026-11-23T11:59:00Z'),
      }),
    );
  });
  afterAll(() => server?.close());

  it('refuses a missing signature with 401 and stores nothing', async () => {
    const body = fluxEvent({ slug: 'acme', reason: 'ReconciliationSucceeded', sha: commitA });
    const res = await fetch(`${server.url}/hooks/flux`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('invalid_signature');
    expect(await server.services.dataSource.getRepository(SyncEvent).count()).toBe(0);
  });

  it('refuses a signature made with another key, and one over other bytes', async () => {
    const body = fluxEvent({ slug: 'acme', reason: 'ReconciliationSucceeded', sha: commitA });
    expect((await postFlux(body, signed(body, 'not-the-key').signature)).status).toBe(401);
    expect((await postFlux(body, signed({ ...body, message: 'tampered' }).signature)).status).toBe(401);
    expect(await server.services.dataSource.getRepository(SyncEvent).count()).toBe(0);
  });

  it('starts Pending: the last change is committed and nothing was reported', async () => {
    expect(await status()).toMatchObject({ status: 'Pending', lastChange: { sha: commitA }, readyAt: null });
  });

  it('does not count a success for an older revision that lacks the change', async () => {
    const res = await postFlux(
      fluxEvent({
        slug: 'acme',
        reason: 'ReconciliationSucceeded',
        sha: seed,
        timestamp: '2026-11-23T12:00:00Z',
      }),
    );
    expect(res.status).toBe(200);
    expect((await status()).status).toBe('Pending');
  });

  it('goes Reconciling on a Progressing event for the change', async () => {
    const res = await postFlux(
      fluxEvent({ slug: 'acme', reason: 'Progressing', sha: commitA, timestamp: '2026-11-23T12:00:05Z' }),
    );
    expect(await res.json()).toMatchObject({ stored: true, tenantId: tenant.id, status: 'Reconciling' });
    expect((await status()).status).toBe('Reconciling');
  });

  it('goes Failed with the message on HealthCheckFailed (sha512 signature accepted)', async () => {
    const body = fluxEvent({
      slug: 'acme',
      reason: 'HealthCheckFailed',
      sha: commitA,
      timestamp: '2026-11-23T12:05:05Z',
    });
    const res = await postFlux(body, signed(body, FLUX_TOKEN, 'sha512').signature);
    expect(res.status).toBe(200);
    const s = await status();
    expect(s.status).toBe('Failed');
    expect(s.message).toMatch(/^health check failed after 5m0s/);
  });

  it('turns Ready on success for a LATER revision that contains the change (ancestry)', async () => {
    const res = await postFlux(
      fluxEvent({
        slug: 'acme',
        reason: 'ReconciliationSucceeded',
        sha: commitB,
        timestamp: '2026-11-23T12:06:00Z',
      }),
    );
    expect(res.status).toBe(200);
    const s = await status();
    expect(s).toMatchObject({
      status: 'Ready',
      appliedRevision: `main@sha1:${commitB}`,
      readyAt: '2026-11-23T12:06:00.000Z',
      message: null,
      timeToLiveMs: 7 * 60 * 1000,
    });
    expect(s.events.map((e) => e.reason)).toEqual([
      'ReconciliationSucceeded',
      'HealthCheckFailed',
      'Progressing',
      'ReconciliationSucceeded',
    ]);
  });

  it('treats a replayed delivery as a no-op that still answers 200', async () => {
    const body = fluxEvent({
      slug: 'acme',
      reason: 'ReconciliationSucceeded',
      sha: commitB,
      timestamp: '2026-11-23T12:06:00Z',
    });
    const res = await postFlux(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ stored: false });
    expect((await status()).events).toHaveLength(4);
  });

  it('keeps events about other objects as platform events, not errors', async () => {
    const sourceEvent = await postFlux(
      fluxEvent({ kind: 'GitRepository', name: 'flux-system', reason: 'NewArtifact', sha: commitB }),
    );
    const unknown = await postFlux(
      fluxEvent({ kind: 'HelmRelease', name: 'ingress-nginx', reason: 'InstallSucceeded', sha: commitB }),
    );
    const strangerTenant = await postFlux(
      fluxEvent({ slug: 'nobody', reason: 'ReconciliationSucceeded', sha: commitB }),
    );
    for (const res of [sourceEvent, unknown, strangerTenant]) {
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ stored: true, tenantId: null });
    }
    const platform = await server.services.dataSource
      .getRepository(SyncEvent)
      .countBy({ tenantId: IsNull() });
    expect(platform).toBeGreaterThanOrEqual(3);
  });

  it('answers a signed body that is not an event with 400 invalid_event', async () => {
    const res = await postFlux({ hello: 'world' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_event');
  });

  it('starts over at Pending when a new change is committed', async () => {
    const commitC = await commitOnMain('tenant(acme): change tier');
    await server.services.dataSource
      .getRepository(Tenant)
      .update(tenant.id, { lastCommitSha: commitC, lastCommittedAt: now });
    expect(await status()).toMatchObject({ status: 'Pending', lastChange: { sha: commitC }, readyAt: null });
  });

  it('shows Stale once the change waits longer than SYNC_STALE_AFTER_SECONDS, Pending before', async () => {
    const committedAt = now;
    try {
      now = new Date(committedAt.getTime() + 900_000);
      expect((await status()).status).toBe('Pending');
      now = new Date(committedAt.getTime() + 901_000);
      expect((await status()).status).toBe('Stale');
    } finally {
      now = committedAt;
    }
  });

  describe('Argo CD', () => {
    it('refuses a wrong shared secret with 401', async () => {
      const res = await postArgo({ app: 'tenant-acme', syncStatus: 'Synced', health: 'Healthy' }, 'wrong');
      expect(res.status).toBe(401);
    });

    it('maps OutOfSync to Reconciling, Degraded to Failed and Synced/Healthy to Ready', async () => {
      const head = await git('rev-parse', 'refs/heads/main');
      const base = { app: 'tenant-acme', revision: head, project: 'luster-tenants' };
      await postArgo({
        ...base,
        syncStatus: 'OutOfSync',
        health: 'Healthy',
        phase: 'Running',
        message: '',
        timestamp: '2030-01-01T00:00:01Z',
      });
      expect((await status()).status).toBe('Reconciling');
      await postArgo({
        ...base,
        syncStatus: 'Synced',
        health: 'Degraded',
        phase: 'Succeeded',
        message: 'Deployment theme degraded',
        timestamp: '2030-01-01T00:00:02Z',
      });
      expect(await status()).toMatchObject({ status: 'Failed', message: 'Deployment theme degraded' });
      await postArgo({
        ...base,
        syncStatus: 'Synced',
        health: 'Healthy',
        phase: 'Succeeded',
        message: 'successfully synced',
        timestamp: '2030-01-01T00:00:03Z',
      });
      expect((await status()).status).toBe('Ready');
    });

    it("attributes tenant-<slug> to a tenant whose slug ends in -platform; platform-<slug> is the platform's", async () => {
      const orgs = server.services.dataSource.getRepository(Organization);
      const platform = await orgs.findOneByOrFail({ kind: 'platform' });
      const org = await orgs.save(
        orgs.create({
          slug: 'acme-platform',
          name: 'Acme Platform',
          kind: 'organization',
          parentId: platform.id,
          path: '',
        }),
      );
      await orgs.update(org.id, { path: `${platform.path}${org.id}/` });
      const tenants = server.services.dataSource.getRepository(Tenant);
      const other = await tenants.save(
        tenants.create({ ...tenant, id: undefined, organizationId: org.id, slug: 'acme-platform' }),
      );
      const head = await git('rev-parse', 'refs/heads/main');
      // OutOfSync: the Ready count /metrics is checked against below stays as it was.
      const report = (app: string) =>
        postArgo({
          app,
          revision: head,
          project: 'luster-tenants',
          syncStatus: 'OutOfSync',
          health: 'Healthy',
        });
      expect(await (await report('tenant-acme-platform')).json()).toMatchObject({ tenantId: other.id });
      expect(await (await report('platform-acme')).json()).toMatchObject({ tenantId: null });
    });

    it("reads the tenant and cluster from the Application's labels, whatever its name; another cluster's copy is not the tenant", async () => {
      const head = await git('rev-parse', 'refs/heads/main');
      const labelled = (app: string, cluster: string, part: string, at: string, healthy: boolean) =>
        postArgo({
          app,
          tenant: 'acme',
          cluster,
          part,
          revision: head,
          project: `luster-${cluster}-tenants`,
          syncStatus: 'Synced',
          health: healthy ? 'Healthy' : 'Degraded',
          phase: 'Succeeded',
          message: healthy ? '' : 'Deployment theme degraded',
          timestamp: at,
        });
      expect((await status()).status).toBe('Ready');
      // The copy a move left on edge-9 failing says nothing of the tenant on production.
      const copy = await labelled('edge-9--tenant-acme', 'edge-9', 'workload', '2030-01-01T00:01:01Z', false);
      expect(copy.status).toBe(200);
      expect((await status()).status).toBe('Ready');
      // A platform Application is not the tenant's live state, though labelled with it.
      const platformPart = await labelled(
        'production--platform-acme',
        'production',
        'platform',
        '2030-01-01T00:01:02Z',
        false,
      );
      expect(await platformPart.json()).toMatchObject({ tenantId: null });
      expect((await status()).status).toBe('Ready');
      // A name shortened with a hash still reaches the tenant through its labels.
      const shortened = `production--tenant-${'a'.repeat(27)}-0123456789abcdef`;
      const own = await labelled(shortened, 'production', 'workload', '2030-01-01T00:01:03Z', false);
      expect(await own.json()).toMatchObject({ tenantId: tenant.id });
      expect((await status()).status).toBe('Failed');
      await labelled(shortened, 'production', 'workload', '2030-01-01T00:01:04Z', true);
      expect((await status()).status).toBe('Ready');
    });
  });

  it('counts accepted and rejected deliveries in /metrics', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/luster_webhook_accepted_total\{source="flux",result="stored"\} [1-9]/);
    expect(text).toMatch(/luster_webhook_rejected_total\{source="flux",reason="signature"\} [1-9]/);
    expect(text).toMatch(/luster_tenants_by_sync_status\{status="Ready"\} 1/);
    expect(text).toMatch(/luster_change_time_to_live_seconds_count [1-9]/);
  });
});
