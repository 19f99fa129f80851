import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { openStream, type Stream } from '../test-support/sse-stream.js';

/**
 * Every committed change of lifecycle state is announced on the event stream (`tenant.state`), not
 * only going live: a list open in another tab changes its badge without a reload.
 */
describe('lifecycle states on the event stream', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let stream: Stream;
  let orgId: string;

  const statesOf = (id: string) =>
    stream.events
      .filter((e) => e.event === 'tenant.state' && e.data.organizationId === id)
      .map((e) => (e.data.data as { state: string }).state);

  async function announced(state: string): Promise<void> {
    await stream.waitFor(
      (e) =>
        e.event === 'tenant.state' &&
        e.data.organizationId === orgId &&
        (e.data.data as { state: string }).state === state,
    );
  }

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    const token = await adminToken(server);
    admin = client(server, token);
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Lifecycle Bakery',
      email: 'owner@lifecycle-bakery.test',
      password: 'a-long-enough-password',
    });
    expect(reg.status).toBe(201);
    orgId = reg.body.organization.id;
    stream = await openStream(`${server.url}/api/v1/events?access_token=${encodeURIComponent(token)}`);
  }, 60_000);
  afterAll(async () => {
    stream?.close();
    await server?.close();
  });

  it('announces suspend, resume and deprovision once each is committed', async () => {
    expect((await admin.post(`/organizations/${orgId}/suspend`, { reason: 'unpaid' })).status).toBe(200);
    await announced('suspended');
    expect((await admin.post(`/organizations/${orgId}/resume`)).status).toBe(200);
    await announced('provisioning');
    expect((await admin.post(`/organizations/${orgId}/deprovision`, { reason: 'left' })).status).toBe(200);
    await announced('deprovisioned');
    expect(statesOf(orgId)).toEqual(['suspended', 'provisioning', 'deprovisioned']);
  });

  it('announces nothing for an edit that keeps the state', async () => {
    const other = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Steady Bakery',
      email: 'owner@steady-bakery.test',
      password: 'a-long-enough-password',
    });
    const id = other.body.organization.id;
    expect((await admin.patch(`/organizations/${id}`, { plugins: ['forms'] })).status).toBe(200);
    // The suspension after it is announced; the edit before it was not.
    expect((await admin.post(`/organizations/${id}/suspend`, {})).status).toBe(200);
    await stream.waitFor((e) => e.event === 'tenant.state' && e.data.organizationId === id);
    expect(statesOf(id)).toEqual(['suspended']);
  });

  it('announces a purge twice: purging when approved and merged, deleted once the folder is gone', async () => {
    const requested = await admin.post(`/organizations/${orgId}/purge`, { reason: 'contract ended' });
    expect(requested.status).toBe(202);
    // A platform reviewer (not the requester) approves; nothing is committed before that.
    await server.services.dataSource.query(
      `UPDATE "user" SET capabilities = '{reviewer}' WHERE email = 'owner@lifecycle-bakery.test'`,
    );
    const login = await client(server).post('/auth/login', {
      email: 'owner@lifecycle-bakery.test',
      password: 'a-long-enough-password',
    });
    const reviewer = client(server, login.body.accessToken);
    const id = requested.body.change.id;
    expect((await reviewer.post(`/change-requests/${id}/approve`)).status).toBe(200);
    expect((await admin.post(`/change-requests/${id}/merge`)).status).toBe(200);
    await announced('purging');
    // Flux applied the release (Flux cannot run here): the finalize removes the folder.
    const [{ id: tenantId }] = await server.services.dataSource.query(
      `SELECT id FROM tenant WHERE "organizationId" = $1`,
      [orgId],
    );
    await server.services.changes.review.tenantReady(tenantId);
    await server.services.changes.drain();
    await announced('deleted');
    expect(statesOf(orgId).slice(-2)).toEqual(['purging', 'deleted']);
  });
});
