import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, adminToken, apiTestEnv, client } from '../test-support/api-client.js';
import { outbox } from '../test-support/outbox.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

/*
 * Invitations: the answer does not tell whether the email has an account, and an existing account
 * invited into another organization gets a pending membership that grants nothing until it
 * accepts it (or declines it) — over REST and GraphQL.
 */

type Api = ReturnType<typeof client>;

/** The answer with the values that differ by nature (the person's id and email) masked. */
function shape(res: Answer) {
  return JSON.stringify({ status: res.status, body: { ...res.body, userId: '<id>', email: '<email>' } });
}

describe('invitations', () => {
  let server: TestServer;
  let admin: Api;
  let existing: Api;
  const orgIds: Record<string, string> = {};

  const register = async (name: string, email: string) => {
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: name,
      email,
      password: 'a-long-enough-password',
    });
    expect(reg.status).toBe(201);
    return reg.body.organization.id as string;
  };

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    orgIds.home = await register('Home Org', 'someone@existing.test');
    orgIds.first = await register('First Org', 'owner@first.test');
    orgIds.second = await register('Second Org', 'owner@second.test');
    const login = await client(server).post('/auth/login', {
      email: 'someone@existing.test',
      password: 'a-long-enough-password',
    });
    existing = client(server, login.body.accessToken);
  }, 60_000);
  afterAll(() => server?.close());

  it('answers the same for an email with an account and one without, over REST', async () => {
    const known = await admin.post(`/organizations/${orgIds.first}/users`, {
      email: 'someone@existing.test',
      role: 'editor',
    });
    const unknown = await admin.post(`/organizations/${orgIds.first}/users`, {
      email: 'nobody-yet@new.test',
      role: 'editor',
    });
    expect(known.status).toBe(201);
    expect(shape(known)).toBe(shape(unknown));
  });

  it('answers the same over GraphQL too', async () => {
    const invite = (email: string) =>
      admin.graphql(
        'mutation($id: ID!, $input: InviteUserInput!) { inviteUser(organizationId: $id, input: $input) { userId email role invited } }',
        { id: orgIds.second, input: { email, role: 'viewer' } },
      );
    const mask = (res: Awaited<ReturnType<typeof invite>>) =>
      JSON.stringify({
        ...res,
        data: { inviteUser: { ...res.data.inviteUser, userId: '<id>', email: '<email>' } },
      });
    const known = await invite('someone@existing.test');
    const unknown = await invite('another-new@new.test');
    expect(known.errors).toBeUndefined();
    expect(mask(known)).toBe(mask(unknown));
  });

  it('gives an existing account no access until it accepts', async () => {
    expect((await existing.get(`/organizations/${orgIds.first}`)).status).toBe(404);
    const listed = await existing.get('/organizations?limit=500');
    expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual([orgIds.home]);
    expect(
      (await existing.get('/me')).body.memberships.map((m: { organizationId: string }) => m.organizationId),
    ).toEqual([orgIds.home]);
    const members = await admin.get(`/organizations/${orgIds.first}/users`);
    expect(
      members.body.items.find((m: { email: string }) => m.email === 'someone@existing.test'),
    ).toMatchObject({ role: 'editor', pending: true });

    const pending = await existing.get('/me/invitations');
    expect(
      pending.body.items.map((i: { organizationId: string; role: string }) => [i.organizationId, i.role]),
    ).toEqual(
      expect.arrayContaining([
        [orgIds.first, 'editor'],
        [orgIds.second, 'viewer'],
      ]),
    );

    const accepted = await existing.post(`/me/invitations/${orgIds.first}/accept`);
    expect([accepted.status, accepted.body.organizationId, accepted.body.role]).toEqual([
      200,
      orgIds.first,
      'editor',
    ]);
    expect((await existing.get(`/organizations/${orgIds.first}`)).status).toBe(200);
    const again = await existing.post(`/me/invitations/${orgIds.first}/accept`);
    expect([again.status, again.body.error.code]).toEqual([404, 'invitation_not_found']);
  });

  it('lets the invited account decline over GraphQL, which removes the pending membership', async () => {
    const before = await existing.graphql('{ myInvitations { organizationId role } }');
    expect(before.data.myInvitations).toEqual([{ organizationId: orgIds.second, role: 'viewer' }]);
    const declined = await existing.graphql(
      'mutation($id: ID!) { declineInvitation(organizationId: $id) { organizationId } }',
      { id: orgIds.second },
    );
    expect(declined.data.declineInvitation).toEqual({ organizationId: orgIds.second });
    expect((await existing.get(`/organizations/${orgIds.second}`)).status).toBe(404);
    const members = await admin.get(`/organizations/${orgIds.second}/users`);
    expect(members.body.items.map((m: { email: string }) => m.email)).not.toContain('someone@existing.test');
    const accept = await existing.graphql(
      'mutation($id: ID!) { acceptInvitation(organizationId: $id) { organizationId } }',
      { id: orgIds.second },
    );
    expect(accept.errors?.[0]?.extensions.code).toBe('invitation_not_found');
  });

  it('mails the password link again to an account invited twice before it chose a password', async () => {
    for (const id of [orgIds.first, orgIds.second]) {
      expect(
        (await admin.post(`/organizations/${id}/users`, { email: 'twice@new.test', role: 'viewer' })).status,
      ).toBe(201);
    }
    const links = (await outbox(server, 'invitation', 'twice@new.test')).map(
      (mail: { text: string }) => /accept-invitation\?token=(\S+)/.exec(mail.text)?.[1],
    );
    expect(links).toHaveLength(2);
    expect(links.every(Boolean)).toBe(true);
    const accepted = await client(server).post('/auth/verify-email', {
      token: links[1],
      password: 'a-long-enough-password',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.memberships.map((m: { organizationId: string }) => m.organizationId).sort()).toEqual(
      [orgIds.first, orgIds.second].sort(),
    );
  });

  it('does not let anyone accept an invitation addressed to someone else', async () => {
    const invited = await admin.post(`/organizations/${orgIds.second}/users`, {
      email: 'owner@first.test',
      role: 'viewer',
    });
    expect(invited.status).toBe(201);
    const res = await existing.post(`/me/invitations/${orgIds.second}/accept`);
    expect([res.status, res.body.error.code]).toEqual([404, 'invitation_not_found']);
  });
});
