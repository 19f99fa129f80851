import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, registerAndSignIn } from '../test-support/api-client.js';
import { outbox } from '../test-support/outbox.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

type Api = ReturnType<typeof client>;

/*
 * Members: the list says who is active and who is only invited; roles change and members go
 * (pending invitations too), never above the actor's own role and never the last admin away.
 */
describe('members of an organization', () => {
  let server: TestServer;
  let orgId: string;
  let owner: Api;
  let n = 0;

  const users = async (api: Api = owner) => (await api.get(`/organizations/${orgId}/users`)).body.items;
  const idOf = async (email: string) =>
    (await users()).find((m: { email: string }) => m.email === email)?.userId as string;

  /** Invites a new person with `role` and lets them accept through the mailed link. */
  async function member(role: string) {
    const email = `member${++n}@members.test`;
    expect((await owner.post(`/organizations/${orgId}/users`, { email, role })).status).toBe(201);
    const [mail] = await outbox(server, 'invitation', email);
    const token = /accept-invitation\?token=(\S+)/.exec(mail.text)?.[1];
    const accepted = await client(server).post('/auth/verify-email', { token, password: 'member-password' });
    expect(accepted.status).toBe(200);
    const login = await client(server).post('/auth/login', { email, password: 'member-password' });
    return { email, userId: await idOf(email), api: client(server, login.body.accessToken) };
  }

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    const signedUp = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Members Inc',
      email: 'owner@members.test',
    });
    orgId = signedUp.organizationId;
    owner = signedUp.owner;
  }, 60_000);
  afterAll(() => server?.close());

  it('lists each member with its status: invited until the invitation is accepted', async () => {
    expect(
      (await owner.post(`/organizations/${orgId}/users`, { email: 'later@members.test', role: 'viewer' }))
        .status,
    ).toBe(201);
    const joined = await member('editor');
    const statuses = Object.fromEntries(
      (await users()).map((m: { email: string; status: string }) => [m.email, m.status]),
    );
    expect(statuses).toMatchObject({
      'owner@members.test': 'active',
      'later@members.test': 'invited',
      [joined.email]: 'active',
    });
  });

  it('changes a role, never above the actor’s own; an editor manages nobody', async () => {
    const editor = await member('editor');
    const changed = await owner.patch(`/organizations/${orgId}/users/${editor.userId}`, { role: 'viewer' });
    expect([changed.status, changed.body]).toEqual([
      200,
      { userId: editor.userId, organizationId: orgId, role: 'viewer' },
    ]);
    expect((await users()).find((m: { email: string }) => m.email === editor.email).role).toBe('viewer');

    const higher = await owner.patch(`/organizations/${orgId}/users/${editor.userId}`, {
      role: 'agency_admin',
    });
    expect([higher.status, higher.body.error.code]).toEqual([403, 'role_too_high']);
    // A client admin may make another client admin; an editor manages nobody.
    const byEditor = await (await member('editor')).api.patch(
      `/organizations/${orgId}/users/${editor.userId}`,
      {
        role: 'editor',
      },
    );
    expect([byEditor.status, byEditor.body.error.code]).toEqual([403, 'forbidden']);
  });

  it('keeps the last client admin: no demotion, no removal, until there is another', async () => {
    const ownerId = await idOf('owner@members.test');
    const demote = await owner.patch(`/organizations/${orgId}/users/${ownerId}`, { role: 'editor' });
    expect([demote.status, demote.body.error.code]).toEqual([409, 'last_admin']);
    const leave = await owner.delete(`/organizations/${orgId}/users/${ownerId}`);
    expect([leave.status, leave.body.error.code]).toEqual([409, 'last_admin']);

    const second = await member('client_admin');
    // With a second client admin the owner may step down, and be put back.
    expect(
      (await owner.patch(`/organizations/${orgId}/users/${second.userId}`, { role: 'client_admin' })).status,
    ).toBe(200);
    const demoted = await second.api.patch(`/organizations/${orgId}/users/${ownerId}`, { role: 'editor' });
    expect(demoted.status).toBe(200);
    const back = await second.api.patch(`/organizations/${orgId}/users/${ownerId}`, { role: 'client_admin' });
    expect(back.status).toBe(200);
  });

  it('removes a member, whose access ends at once, and cancels a pending invitation', async () => {
    const editor = await member('editor');
    expect((await editor.api.get(`/organizations/${orgId}`)).status).toBe(200);
    const removed = await owner.delete(`/organizations/${orgId}/users/${editor.userId}`);
    expect([removed.status, removed.body]).toEqual([204, null]);
    expect((await users()).map((m: { email: string }) => m.email)).not.toContain(editor.email);
    expect((await editor.api.get(`/organizations/${orgId}`)).status).toBe(404);

    // An existing account's pending invitation: cancelled, it disappears from their list.
    const other = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Other Place',
      email: 'someone@other.test',
    });
    await owner.post(`/organizations/${orgId}/users`, { email: 'someone@other.test', role: 'viewer' });
    expect((await other.owner.get('/me/invitations')).body.items).toHaveLength(1);
    const cancelled = await owner.delete(`/organizations/${orgId}/users/${await idOf('someone@other.test')}`);
    expect(cancelled.status).toBe(204);
    expect((await other.owner.get('/me/invitations')).body.items).toEqual([]);
    // Someone else's organization is not visible to this owner at all.
    const elsewhere = await owner.delete(
      `/organizations/${other.organizationId}/users/${await idOf('owner@members.test')}`,
    );
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, 'organization_not_found']);
  });

  it('answers 404 member_not_found for someone who is not a member', async () => {
    for (const userId of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await owner.delete(`/organizations/${orgId}/users/${userId}`);
      expect([res.status, res.body.error.code]).toEqual([404, 'member_not_found']);
    }
  });

  it('lets a superadmin manage any organization’s members, and offers the same over GraphQL', async () => {
    const admin = client(server, await adminToken(server));
    const viewer = await member('viewer');
    const gql = admin.graphql;
    const changed = await gql(
      'mutation($o: ID!, $u: ID!) { changeMemberRole(organizationId: $o, userId: $u, role: "editor") { role } }',
      { o: orgId, u: viewer.userId },
    );
    expect(changed.data?.changeMemberRole).toEqual({ role: 'editor' });
    const refused = await owner.graphql(
      'mutation($o: ID!, $u: ID!) { changeMemberRole(organizationId: $o, userId: $u, role: "superadmin") { role } }',
      { o: orgId, u: viewer.userId },
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('role_too_high');
    const removed = await gql('mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }', {
      o: orgId,
      u: viewer.userId,
    });
    expect(removed.data?.removeMember).toBe(true);
    expect(await idOf(viewer.email)).toBeUndefined();
  });
});
