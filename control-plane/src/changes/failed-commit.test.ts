import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git, registerAndSignIn } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

/**
 * The requester is the commit's author. A name git cannot carry (`<>` is stripped to nothing)
 * used to fail every commit they asked for while the API answered 200 and the tenant row kept the
 * new state, which the next person's commit then published under their name.
 */
describe('a change whose commit fails', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let owner: ReturnType<typeof client>;
  let orgId: string;
  const sql = (query: string, params: unknown[] = []) => server.services.dataSource.query(query, params);
  const head = async () => (await git(server, 'rev-parse', 'main')).trim();
  const tenantRow = async () =>
    (
      await sql(
        `SELECT o.name, t.tier, t."themeVersion", t.plugins, t.branding, t.state
         FROM tenant t JOIN organization o ON o.id = t."organizationId" WHERE o.id = $1`,
        [orgId],
      )
    )[0];

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    ({ organizationId: orgId, owner } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Author Co',
      email: 'owner@author.test',
    }));
  }, 60_000);
  afterAll(() => server?.close());

  it.each(['<>', 'Jane <jane@evil.test>', 'Jane\nApproved-By: someone', '  '])(
    'refuses %j as a display name at the edge, over REST and GraphQL',
    async (name) => {
      const rest = await admin.post(`/organizations/${orgId}/users`, {
        email: 'new@author.test',
        role: 'editor',
        name,
      });
      expect([rest.status, rest.body.error?.code]).toEqual([400, 'invalid_input']);
      const gql = await admin.graphql(
        'mutation ($id: ID!, $input: InviteUserInput!) { inviteUser(organizationId: $id, input: $input) { userId } }',
        { id: orgId, input: { email: 'new@author.test', role: 'editor', name } },
      );
      expect(gql.errors?.[0]?.extensions.code).toBe('invalid_input');
      expect(await sql(`SELECT 1 FROM "user" WHERE email = 'new@author.test'`)).toEqual([]);
    },
  );

  it('answers non-2xx and leaves the tenant row as it was when the commit fails', async () => {
    // A name that slipped in before the edge refused it (an older version, a direct insert).
    await sql(`UPDATE "user" SET name = '<>' WHERE email = 'owner@author.test'`);
    const rowBefore = await tenantRow();
    const headBefore = await head();
    const res = await owner.patch(`/organizations/${orgId}`, {
      displayName: 'Renamed Co',
      plugins: ['forms'],
      branding: { appName: 'Renamed' },
    });
    expect([res.status, res.body.error?.code]).toEqual([409, 'change_failed']);
    expect(res.body.error.details.changeRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await tenantRow()).toEqual(rowBefore);
    expect(await head()).toBe(headBefore);
    const [change] = await sql(`SELECT state FROM change_request WHERE id = $1`, [
      res.body.error.details.changeRequestId,
    ]);
    expect(change.state).toBe('failed');
  });

  it('leaves the state as it was when a lifecycle commit fails', async () => {
    await sql(`UPDATE "user" SET name = '<>' WHERE email = 'admin@example.test'`);
    const stateBefore = (await tenantRow()).state;
    const res = await admin.post(`/organizations/${orgId}/suspend`, {});
    await sql(`UPDATE "user" SET name = 'Platform admin' WHERE email = 'admin@example.test'`);
    expect([res.status, res.body.error?.code]).toEqual([409, 'change_failed']);
    expect((await tenantRow()).state).toBe(stateBefore);
  });

  it("does not let the next person's commit carry the failed change", async () => {
    const res = await admin.patch(`/organizations/${orgId}`, { tier: 'pro' });
    expect(res.status).toBe(200);
    expect(res.body.organization.name).toBe('Author Co');
    const tree = await git(server, 'grep', '-l', 'Renamed', 'main', '--', 'tenants').catch(() => '');
    expect(tree).toBe('');
  });
});

describe('a reviewed change whose merge commit fails', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ ...apiTestEnv, CHANGE_REVIEW_KINDS: 'update' });
  }, 60_000);
  afterAll(() => server?.close());

  it('answers non-2xx to the merge and leaves the tenant row as it was', async () => {
    const sql = (query: string, params: unknown[] = []) => server.services.dataSource.query(query, params);
    const admin = client(server, await adminToken(server));
    const { organizationId: orgId, owner } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Merge Co',
      email: 'owner@merge.test',
    });
    const asked = await owner.patch(`/organizations/${orgId}`, { displayName: 'Merged Co' });
    expect(asked.body.change.state).toBe('pending_review');
    // The requester authors the merge commit; their name goes bad while the change waits.
    await sql(`UPDATE "user" SET name = '<>' WHERE email = 'owner@merge.test'`);
    const headBefore = (await git(server, 'rev-parse', 'main')).trim();
    expect((await admin.post(`/change-requests/${asked.body.change.id}/approve`)).status).toBe(200);
    const merged = await admin.post(`/change-requests/${asked.body.change.id}/merge`);
    expect([merged.status, merged.body.error?.code]).toEqual([409, 'change_failed']);
    expect((await sql(`SELECT name FROM organization WHERE id = $1`, [orgId]))[0].name).toBe('Merge Co');
    expect((await git(server, 'rev-parse', 'main')).trim()).toBe(headBefore);
  });
});
