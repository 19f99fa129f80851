import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { fluxEvent, postFluxEvent } from '../test-support/flux-events.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { openStream, type Stream } from '../test-support/sse-stream.js';
import { buildTree, type Tree } from '../test-support/tree.js';

const FLUX_TOKEN = 'flux-hmac-key-for-sse-tests';

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

describe('GET /api/v1/events (live status, golden rule)', () => {
  let server: TestServer;
  let tree: Tree;
  const streams: Stream[] = [];

  async function report(orgName: string, reason = 'ReconciliationSucceeded') {
    const org = (await client(server, tree.adminToken).get(`/organizations/${tree.ids[orgName]}`)).body;
    const event = fluxEvent({
      slug: org.slug,
      reason,
      sha: org.lastChange.sha,
      timestamp: nextReportTime(),
    });
    expect(await postFluxEvent({ url: server.url, token: FLUX_TOKEN }, event)).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer({ ...apiTestEnv, FLUX_WEBHOOK_TOKEN: FLUX_TOKEN });
    tree = await buildTree(server);
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await server?.close();
  });

  it('refuses a stream without a valid token', async () => {
    expect((await fetch(`${server.url}/api/v1/events`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/events?access_token=not-a-jwt`)).status).toBe(401);
  });

  it('delivers each status change only to those who may see the organization', async () => {
    const open = async (token: string) => {
      const s = await openStream(`${server.url}/api/v1/events?access_token=${encodeURIComponent(token)}`);
      streams.push(s);
      return s;
    };
    const superadmin = await open(tree.tokens.superadmin);
    const agencyA = await open(tree.tokens.agency_admin);
    const editor = await open(tree.tokens.editor);

    // Published in this order over one LISTEN connection, so a stream that got the
    // second would already hold the first had it been allowed to see it.
    await report('client-b1');
    await report('client-a1');

    const isReady = (org: string) => (e: { event: string; data: Record<string, unknown> }) =>
      e.event === 'tenant.sync' &&
      e.data.organizationId === tree.ids[org] &&
      (e.data.data as { status: string }).status === 'Ready';
    await superadmin.waitFor(isReady('client-a1'));
    expect(superadmin.events.some(isReady('client-b1'))).toBe(true);
    await agencyA.waitFor(isReady('client-a1'));
    expect(agencyA.events.some((e) => e.data.organizationId === tree.ids['client-b1'])).toBe(false);
    await editor.waitFor(isReady('client-a1'));
    expect(editor.events.some((e) => e.data.organizationId === tree.ids['client-b1'])).toBe(false);
    expect(JSON.stringify(editor.events)).not.toContain('organizationPath');
  });

  it('narrows the stream to a named organization context', async () => {
    const s = await openStream(
      `${server.url}/api/v1/events?access_token=${encodeURIComponent(tree.tokens.superadmin)}&context=${tree.ids['client-b1']}`,
    );
    streams.push(s);
    await report('client-a2');
    // client-b1 is Ready already: a failure is what changes its status now.
    await report('client-b1', 'HealthCheckFailed');
    await s.waitFor((e) => e.data.organizationId === tree.ids['client-b1']);
    expect(s.events.some((e) => e.data.organizationId === tree.ids['client-a2'])).toBe(false);
  });

  it("shows each row's sync status in the organization list (no request per row)", async () => {
    const list = await client(server, tree.tokens.agency_admin).get('/organizations?limit=50');
    const byId = new Map(list.body.items.map((o: { id: string }) => [o.id, o]));
    expect(byId.get(tree.ids['client-a1'])).toMatchObject({ sync: { status: 'Ready', message: null } });
    expect(byId.get(tree.ids['client-a2'])).toMatchObject({ sync: { status: 'Ready' } });
    expect(byId.get(tree.ids['grand-a11'])).toMatchObject({ sync: { status: 'Pending', readyAt: null } });
    const one = await client(server, tree.tokens.superadmin).get(`/organizations/${tree.ids['client-b1']}`);
    expect(one.body.sync).toMatchObject({
      status: 'Failed',
      message: expect.stringMatching(/^health check failed/),
    });
  });

  it('serves the same status through GraphQL', async () => {
    const res = await client(server, tree.tokens.editor).graphql(
      'query ($id: ID!) { organizationSync(id: $id) { status lastChange { sha } events { reason } } }',
      { id: tree.ids['client-a1'] },
    );
    expect(res.data.organizationSync.status).toBe('Ready');
    expect(res.data.organizationSync.events[0].reason).toBe('ReconciliationSucceeded');
    const hidden = await client(server, tree.tokens.editor).graphql(
      'query ($id: ID!) { organizationSync(id: $id) { status } }',
      { id: tree.ids['client-b1'] },
    );
    expect(hidden.errors?.[0]?.extensions.code).toMatch(/not_found|forbidden/);
  });
});
