import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, registerAndSignIn } from '../test-support/api-client.js';
import { outbox } from '../test-support/outbox.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

type Api = ReturnType<typeof client>;

/*
 * An organization's open invitations: mailed again (a new link replaces the old one, at most
 * RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS times per window and address) or withdrawn (the link and the
 * acceptance stop working), over REST and GraphQL.
 */
describe('resending and withdrawing invitations', () => {
  let server: TestServer;
  let orgId: string;
  let owner: Api;
  let n = 0;

  const users = async () => (await owner.get(`/organizations/${orgId}/users`)).body.items;
  const idOf = async (email: string) =>
    (await users()).find((m: { email: string }) => m.email === email)?.userId as string | undefined;
  const links = async (email: string) =>
    (await outbox(server, 'invitation', email)).map(
      (mail: { text: string }) => /accept-invitation\?token=(\S+)/.exec(mail.text)?.[1],
    );
  const accept = (token: string | undefined) =>
    client(server).post('/auth/verify-email', { token, password: 'invited-password' });

  /** Invites a person without an account; answers their email and id. */
  async function invited(role = 'editor') {
    const email = `invited${++n}@sent.test`;
    expect((await owner.post(`/organizations/${orgId}/users`, { email, role })).status).toBe(201);
    return { email, userId: (await idOf(email)) as string };
  }

  beforeAll(async () => {
    server = await startTestServer({ ...apiTestEnv, RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS: '2' });
    const signedUp = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Sent Invitations',
      email: 'owner@sent.test',
    });
    orgId = signedUp.organizationId;
    owner = signedUp.owner;
  }, 60_000);
  afterAll(() => server?.close());

  it('mails a new link that replaces the old one, which then answers invalid_email_token', async () => {
    const person = await invited();
    const resent = await owner.post(`/organizations/${orgId}/invitations/${person.userId}/resend`);
    expect([resent.status, resent.body]).toEqual([
      202,
      { userId: person.userId, email: person.email, role: 'editor', invited: true },
    ]);
    const [first, second] = await links(person.email);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const old = await accept(first);
    expect([old.status, old.body.error.code]).toEqual([400, 'invalid_email_token']);
    expect((await accept(second)).status).toBe(200);
    expect((await users()).find((m: { email: string }) => m.email === person.email).status).toBe('active');
  });

  it('reminds an existing account to sign in and accept, with no link', async () => {
    const other = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Elsewhere',
      email: 'someone@elsewhere.test',
    });
    await owner.post(`/organizations/${orgId}/users`, { email: 'someone@elsewhere.test', role: 'viewer' });
    const userId = (await idOf('someone@elsewhere.test')) as string;
    expect((await owner.post(`/organizations/${orgId}/invitations/${userId}/resend`)).status).toBe(202);
    const mails = await outbox(server, 'invitation', 'someone@elsewhere.test');
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain('Sign in to accept or decline it');
    expect(mails[1].text).not.toContain('token=');
    expect((await other.owner.get('/me/invitations')).body.items).toHaveLength(1);
  });

  it('limits resends per invited address', async () => {
    const person = await invited();
    const resend = () => owner.post(`/organizations/${orgId}/invitations/${person.userId}/resend`);
    expect((await resend()).status).toBe(202);
    expect((await resend()).status).toBe(202);
    const third = await resend();
    expect([third.status, third.body.error.code]).toEqual([429, 'rate_limited']);
    expect(await outbox(server, 'invitation', person.email)).toHaveLength(3);
  });

  it('withdraws an invitation to a new account: it leaves the list and its link stops working', async () => {
    const person = await invited();
    const [link] = await links(person.email);
    const cancelled = await owner.delete(`/organizations/${orgId}/invitations/${person.userId}`);
    expect([cancelled.status, cancelled.body]).toEqual([204, null]);
    expect(await idOf(person.email)).toBeUndefined();
    const res = await accept(link);
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_email_token']);
    // The address may be invited afresh, with a link that works.
    expect(
      (await owner.post(`/organizations/${orgId}/users`, { email: person.email, role: 'viewer' })).status,
    ).toBe(201);
    expect((await accept((await links(person.email)).at(-1))).status).toBe(200);
  });

  it('withdraws an existing account’s pending invitation: accepting it answers invitation_not_found', async () => {
    const other = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Another Place',
      email: 'someone@another.test',
    });
    await owner.post(`/organizations/${orgId}/users`, { email: 'someone@another.test', role: 'viewer' });
    const userId = (await idOf('someone@another.test')) as string;
    expect((await owner.delete(`/organizations/${orgId}/invitations/${userId}`)).status).toBe(204);
    const res = await other.owner.post(`/me/invitations/${orgId}/accept`);
    expect([res.status, res.body.error.code]).toEqual([404, 'invitation_not_found']);
    // Their account and their own organization are untouched.
    expect((await other.owner.get(`/organizations/${other.organizationId}`)).status).toBe(200);
  });

  it('answers invitation_not_found for an active member and for someone never invited', async () => {
    const ownerId = (await idOf('owner@sent.test')) as string;
    for (const userId of [ownerId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const resend = await owner.post(`/organizations/${orgId}/invitations/${userId}/resend`);
      const cancel = await owner.delete(`/organizations/${orgId}/invitations/${userId}`);
      expect([resend.status, resend.body.error.code, cancel.status, cancel.body.error.code]).toEqual([
        404,
        'invitation_not_found',
        404,
        'invitation_not_found',
      ]);
    }
    expect(await idOf('owner@sent.test')).toBe(ownerId);
  });

  it('refuses an invitation above the actor’s own role, and anyone who may not invite', async () => {
    const admin = client(server, await adminToken(server));
    const email = `agency-level${++n}@sent.test`;
    expect((await admin.post(`/organizations/${orgId}/users`, { email, role: 'agency_admin' })).status).toBe(
      201,
    );
    const userId = (await idOf(email)) as string;
    const cancel = await owner.delete(`/organizations/${orgId}/invitations/${userId}`);
    expect([cancel.status, cancel.body.error.code]).toEqual([403, 'role_too_high']);
    const resend = await owner.post(`/organizations/${orgId}/invitations/${userId}/resend`);
    expect([resend.status, resend.body.error.code]).toEqual([403, 'role_too_high']);
    expect(await idOf(email)).toBe(userId);

    const editor = await invited('editor');
    expect((await accept((await links(editor.email)).at(-1))).status).toBe(200);
    const login = await client(server).post('/auth/login', {
      email: editor.email,
      password: 'invited-password',
    });
    const asEditor = client(server, login.body.accessToken);
    const refused = await asEditor.delete(`/organizations/${orgId}/invitations/${userId}`);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
  });

  it('offers both over GraphQL', async () => {
    const person = await invited('viewer');
    const resent = await owner.graphql(
      'mutation($o: ID!, $u: ID!) { resendInvitation(organizationId: $o, userId: $u) { userId email role invited } }',
      { o: orgId, u: person.userId },
    );
    expect(resent.data?.resendInvitation).toEqual({
      userId: person.userId,
      email: person.email,
      role: 'viewer',
      invited: true,
    });
    expect(await links(person.email)).toHaveLength(2);
    const cancelled = await owner.graphql(
      'mutation($o: ID!, $u: ID!) { cancelInvitation(organizationId: $o, userId: $u) }',
      { o: orgId, u: person.userId },
    );
    expect(cancelled.data?.cancelInvitation).toBe(true);
    const again = await owner.graphql(
      'mutation($o: ID!, $u: ID!) { cancelInvitation(organizationId: $o, userId: $u) }',
      { o: orgId, u: person.userId },
    );
    expect(again.errors?.[0]?.extensions.code).toBe('invitation_not_found');
  });
});
