import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client } from '../test-support/api-client.js';
import { fluxEvent, postFluxEvent } from '../test-support/flux-events.js';
import { outbox } from '../test-support/outbox.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { openStream } from '../test-support/sse-stream.js';

const FLUX_TOKEN = 'flux-hmac-key-for-go-live-tests';

/**
 * When Flux stamps each report: a clock of the test's own, a second on per report. Read from the
 * real clock (to the second, as Flux writes it) two reports in one second had the same time, and
 * a repeated report the very body of the first — the server takes that for a retry.
 */
let reportedAt = Date.parse('2026-11-23T12:00:00Z');
const nextReportTime = () => {
  reportedAt += 1000;
  return new Date(reportedAt).toISOString().replace(/\.\d+Z$/, 'Z');
};

describe('a registered organization going live', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let orgId: string;

  /** What Flux's notification-controller posts once the tenant's Kustomization applied and is healthy. */
  async function fluxReports(reason: string, sha: string) {
    const org = (await admin.get(`/organizations/${orgId}`)).body;
    const event = fluxEvent({
      slug: org.slug,
      reason,
      sha,
      timestamp: nextReportTime(),
    });
    expect(await postFluxEvent({ url: server.url, token: FLUX_TOKEN }, event)).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer({ ...apiTestEnv, FLUX_WEBHOOK_TOKEN: FLUX_TOKEN });
    admin = client(server, await adminToken(server));
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Golive Bakery',
      email: 'owner@golive.test',
      password: 'a-long-enough-password',
    });
    expect(reg.status).toBe(201);
    orgId = reg.body.organization.id;
  }, 60_000);
  afterAll(() => server?.close());

  it('stays provisioning while Flux only reports progress', async () => {
    const org = (await admin.get(`/organizations/${orgId}`)).body;
    await fluxReports('Progressing', org.lastChange.sha);
    expect((await admin.get(`/organizations/${orgId}`)).body).toMatchObject({
      state: 'provisioning',
      sync: { status: 'Reconciling' },
    });
    expect(await outbox(server, 'welcome')).toEqual([]);
  });

  it('becomes active when Flux reports Ready for a revision containing its provisioning commit, and welcomes its admin', async () => {
    const org = (await admin.get(`/organizations/${orgId}`)).body;
    const stream = await openStream(
      `${server.url}/api/v1/events?access_token=${encodeURIComponent(await adminToken(server))}`,
    );
    await fluxReports('ReconciliationSucceeded', org.lastChange.sha);
    // Live views hear the new lifecycle state after the Ready that caused it, as they hear the status.
    const activated = (e: { event: string; data: Record<string, unknown> }) =>
      e.event === 'tenant.state' && e.data.organizationId === orgId;
    await stream.waitFor(activated);
    stream.close();
    expect(stream.events.find(activated)?.data).toEqual({
      type: 'tenant.state',
      organizationId: orgId,
      data: { organizationId: orgId, state: 'active' },
    });
    const ready = stream.events.findIndex(
      (e) => e.event === 'tenant.sync' && e.data.organizationId === orgId,
    );
    expect(ready).toBeGreaterThanOrEqual(0);
    expect(ready).toBeLessThan(stream.events.findIndex(activated));
    expect((await admin.get(`/organizations/${orgId}`)).body).toMatchObject({
      state: 'active',
      sync: { status: 'Ready' },
    });
    const welcome = await outbox(server, 'welcome');
    expect(welcome).toHaveLength(1);
    expect(welcome[0]).toMatchObject({ to: 'owner@golive.test', subject: 'Golive Bakery is live' });
    expect(welcome[0].text).toContain(`https://${org.slug}.luster.localhost`);
  });

  it('sends no second welcome when the same success is reported again', async () => {
    const org = (await admin.get(`/organizations/${orgId}`)).body;
    await fluxReports('ReconciliationSucceeded', org.lastChange.sha);
    expect(await outbox(server, 'welcome')).toHaveLength(1);
  });
});
