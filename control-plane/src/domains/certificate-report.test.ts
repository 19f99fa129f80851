import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusEvent } from '../events/event-bus.js';
import { apiTestEnv, git } from '../test-support/api-client.js';
import { approvedAgencyWithClient } from '../test-support/approved-agency.js';
import { startTestDnsServer, type TestDnsServer } from '../test-support/dns-server.js';
import { fluxEvent, postFluxEvent } from '../test-support/flux-events.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const FLUX_TOKEN = 'flux-token-for-certificate-tests';
const ARGO_TOKEN = 'argo-token-for-certificate-tests';

/**
 * The certificate line from the cluster's report on the host's own Certificate. Flux and Argo CD
 * cannot run here: the reports are fakes in their documented formats (Flux's notification Event
 * with kustomize-controller's messages; our Argo CD template's body with the Application's
 * `status.resources`), posted signed to the real webhooks of a real server.
 */
describe('the certificate line from per-object health reports', () => {
  let dns: TestDnsServer;
  let server: TestServer;
  let scene: Awaited<ReturnType<typeof approvedAgencyWithClient>>;
  let slug: string;
  let sha: string;
  let certificate: string;
  const heard: BusEvent[] = [];
  const base = () => `/organizations/${scene.clientId}/domains`;
  const object = () => `Certificate/tenant-${slug}/${certificate}`;
  const read = async () => (await scene.agency.get(`${base()}/cert.example.test`)).body;

  async function postFlux(reason: string, timestamp: string, message?: string) {
    const event = fluxEvent({ slug, reason, sha, timestamp, ...(message ? { message } : {}) });
    expect(await postFluxEvent({ url: server.url, token: FLUX_TOKEN }, event)).toBe(200);
  }

  async function postArgo(timestamp: string, health: { status: string; message?: string }) {
    const res = await fetch(`${server.url}/hooks/argocd`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-luster-token': ARGO_TOKEN },
      body: JSON.stringify({
        app: `tenant-${slug}`,
        project: 'luster-tenants',
        syncStatus: 'Synced',
        health: health.status === 'Healthy' ? 'Healthy' : 'Degraded',
        revision: sha,
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        timestamp,
        resources: [
          {
            version: 'v1',
            kind: 'Service',
            namespace: `tenant-${slug}`,
            name: 'theme',
            status: 'Synced',
            health: { status: 'Healthy' },
          },
          {
            group: 'cert-manager.io',
            version: 'v1',
            kind: 'Certificate',
            namespace: `tenant-${slug}`,
            name: certificate,
            status: 'Synced',
            health,
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
  }

  async function until<T>(get: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const value = await get();
      if (ok(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return get();
  }

  /** Waits for a `domains.changed` event about this organization, after `since` were heard. */
  const announced = (since: number) =>
    until(
      async () => heard.slice(since),
      (events) => events.some((e) => e.type === 'domains.changed' && e.organizationId === scene.clientId),
    );

  beforeAll(async () => {
    dns = await startTestDnsServer();
    server = await startTestServer(
      {
        ...apiTestEnv,
        FLUX_WEBHOOK_TOKEN: FLUX_TOKEN,
        ARGOCD_WEBHOOK_TOKEN: ARGO_TOKEN,
        DNS_RESOLVERS: dns.address,
        DOMAIN_DNS_TIMEOUT_MS: '300',
        DOMAIN_CHECK_INTERVAL_SECONDS: '0',
        LUSTER_BASE_DOMAIN: 'luster.test',
        LUSTER_INGRESS_TARGET: 'ingress.luster.test',
      },
      { clock: () => new Date('2026-12-01T09:00:00Z') },
    );
    server.services.bus.subscribe((e) => heard.push(e));
    scene = await approvedAgencyWithClient(server, {
      agency: 'Cert Agency',
      email: 'owner@cert-agency.test',
      client: 'Cert Shop',
    });
    slug = (await scene.agency.get(`/organizations/${scene.clientId}`)).body.slug;
    const added = await scene.agency.post(base(), { hostname: 'cert.example.test' });
    expect(added.status).toBe(201);
    dns.zone.set(added.body.ownership.record.name, [
      { type: 'TXT', value: added.body.ownership.record.value },
    ]);
    dns.zone.set('cert.example.test', [{ type: 'CNAME', value: 'ingress.luster.test' }]);
    expect((await scene.agency.post(`${base()}/cert.example.test/check`)).body.status).toBe('verified');
    sha = (await git(server, 'rev-parse', 'main')).trim();
    certificate =
      (await git(server, 'show', 'main')).match(/name: (tls-cert-example-test-[0-9a-f]{8})/)?.[1] ?? '';
    expect(certificate).not.toBe('');
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await dns?.close();
  });

  it('is derived from the tenant, and says so, until a report names the Certificate', async () => {
    expect((await read()).certificate).toEqual({
      status: 'pending',
      detail: 'Requested: waiting for the cluster to apply the change and cert-manager to issue it',
      source: 'tenant_status',
    });
  });

  it('follows Flux: applied → pending, a failed health check → failed with its reason, Ready → issued', async () => {
    let since = heard.length;
    await postFlux(
      'Progressing',
      '2026-12-01T09:01:00Z',
      `${object()} created\nDeployment/tenant-${slug}/theme configured`,
    );
    await announced(since);
    expect((await read()).certificate).toEqual({
      status: 'pending',
      detail: `${object()} (reported by Flux): applied (created), waiting for its health check`,
      source: 'object_report',
    });

    since = heard.length;
    await postFlux(
      'HealthCheckFailed',
      '2026-12-01T09:06:00Z',
      `health check failed after 5m0s: failed early due to stalled resources: [${object()} status: 'Failed': Issuer letsencrypt not ready]`,
    );
    await announced(since);
    const failed = await read();
    expect(failed.certificate).toEqual({
      status: 'failed',
      detail: `${object()} (reported by Flux): Flux's health check found it stalled (status Failed: Issuer letsencrypt not ready)`,
      source: 'object_report',
    });
    expect(failed.status).toBe('verified');

    since = heard.length;
    await postFlux('ReconciliationSucceeded', '2026-12-01T09:10:00Z');
    await announced(since);
    const serving = await until(read, (d) => d.status === 'serving');
    expect(serving.certificate).toMatchObject({ status: 'issued', source: 'object_report' });
    expect(serving.certificate.detail).toContain('health check passed');
  });

  it('never lets an older report arriving late overwrite a newer one', async () => {
    await postFlux(
      'HealthCheckFailed',
      '2026-12-01T09:08:00Z',
      `health check failed after 5m0s: timeout waiting for: [${object()} status: 'InProgress']`,
    );
    expect((await read()).certificate.status).toBe('issued');
  });

  it("follows Argo CD's health of the Certificate resource, with its message", async () => {
    const since = heard.length;
    await postArgo('2026-12-01T09:20:00Z', {
      status: 'Degraded',
      message: 'Certificate is not ready: the order failed: 429 rate limited',
    });
    await announced(since);
    expect((await read()).certificate).toEqual({
      status: 'failed',
      detail: `${object()} (reported by Argo CD): Argo CD: Degraded: Certificate is not ready: the order failed: 429 rate limited`,
      source: 'object_report',
    });
    await postArgo('2026-12-01T09:25:00Z', {
      status: 'Healthy',
      message: 'Certificate is up to date and has not expired',
    });
    expect((await until(read, (d) => d.certificate.status === 'issued')).certificate.detail).toContain(
      'Certificate is up to date',
    );
  });

  it('announces a check that changes what the domain shows, and only such a check', async () => {
    const since = heard.length;
    expect((await scene.agency.post(`${base()}/cert.example.test/check`)).body.target.status).toBe(
      'points_here',
    );
    dns.zone.set('cert.example.test', [{ type: 'CNAME', value: 'elsewhere.example.net' }]);
    expect((await scene.agency.post(`${base()}/cert.example.test/check`)).body.target.status).toBe(
      'points_elsewhere',
    );
    await announced(since);
    // NOTIFY keeps its order: had the first check been announced, it would be here already.
    expect(heard.slice(since).filter((e) => e.type === 'domains.changed')).toEqual([
      {
        type: 'domains.changed',
        organizationId: scene.clientId,
        organizationPath: expect.any(String),
        data: { organizationId: scene.clientId, hostname: 'cert.example.test' },
      },
    ]);
  });

  it('forgets the report with the domain: the same host claimed again starts from the tenant', async () => {
    const since = heard.length;
    expect((await scene.agency.delete(`${base()}/cert.example.test`)).status).toBe(204);
    await announced(since);
    const rows = await server.services.dataSource.query(
      `SELECT name FROM tenant_object_health WHERE kind = 'Certificate' AND name = $1`,
      [certificate],
    );
    expect(rows).toEqual([]);
    const again = await scene.agency.post(base(), { hostname: 'cert.example.test' });
    expect(again.body.certificate).toMatchObject({ status: 'pending', source: 'tenant_status' });
  });
});
