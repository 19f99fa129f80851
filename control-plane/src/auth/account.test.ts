import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { outbox } from '../test-support/outbox.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

describe('account: password reset, password and name changes, verification resend', () => {
  let server: TestServer;
  let now = new Date('2031-03-01T10:00:00Z');
  let n = 0;

  /** A fresh unverified account (registration) with its password; signed in. */
  async function account() {
    const email = `person${++n}@account.test`;
    const password = 'the-first-password';
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      organizationName: `Account Test ${n}`,
      email,
      password,
      projectType: 'website',
    });
    expect(reg.status).toBe(201);
    const login = await client(server).post('/auth/login', { email, password });
    return { email, password, session: login.body, api: client(server, login.body.accessToken) };
  }

  async function resetLink(email: string) {
    const mails = await outbox(server, 'password_reset', email);
    const text: string = mails.at(-1)?.text ?? '';
    return /\/reset-password\?token=(\S+)/.exec(text)?.[1] as string;
  }

  const signIn = (email: string, password: string) => client(server).post('/auth/login', { email, password });

  beforeAll(async () => {
    server = await startTestServer(
      { ...apiTestEnv, RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS: '2', PUBLIC_URL: 'https://admin.example.test' },
      { clock: () => now },
    );
  });
  afterAll(() => server?.close());

  it('mails a one-time link that sets a new password and signs the account out everywhere', async () => {
    const { email, session } = await account();
    const asked = await client(server).post('/auth/password-reset', { email: email.toUpperCase() });
    expect([asked.status, asked.body]).toEqual([202, null]);
    const [mail] = await outbox(server, 'password_reset', email);
    expect(mail.text).toContain('https://admin.example.test/reset-password?token=');
    const token = await resetLink(email);

    const done = await client(server).post('/auth/password-reset/confirm', {
      token,
      password: 'the-new-password',
    });
    expect(done.status).toBe(204);
    expect((await signIn(email, 'the-first-password')).status).toBe(401);
    const login = await signIn(email, 'the-new-password');
    expect(login.status).toBe(200);
    // The link reached the mailbox: the address counts as verified.
    expect(login.body.user.emailVerified).toBe(true);
    const refresh = await client(server).post('/auth/refresh', { refreshToken: session.refreshToken });
    expect([refresh.status, refresh.body.error.code]).toEqual([401, 'refresh_token_reused']);

    const again = await client(server).post('/auth/password-reset/confirm', {
      token,
      password: 'a-third-password',
    });
    expect([again.status, again.body.error.code]).toEqual([400, 'invalid_email_token']);
  });

  it('answers an unknown address exactly like a known one, and mails nobody', async () => {
    const unknown = await client(server).post('/auth/password-reset', { email: 'nobody@account.test' });
    expect([unknown.status, unknown.body]).toEqual([202, null]);
    expect(await outbox(server, 'password_reset', 'nobody@account.test')).toEqual([]);
  });

  it('refuses a link after an hour, an older link once a newer one was sent, and a reset link as a verification', async () => {
    const { email } = await account();
    await client(server).post('/auth/password-reset', { email });
    const older = await resetLink(email);
    expect(
      (await client(server).post('/auth/verify-email', { token: older, password: 'a-verify-password' })).body
        .error.code,
    ).toBe('invalid_email_token');
    await client(server).post('/auth/password-reset', { email });
    const newer = await resetLink(email);
    expect(newer).not.toBe(older);
    const stale = await client(server).post('/auth/password-reset/confirm', {
      token: older,
      password: 'the-new-password',
    });
    expect([stale.status, stale.body.error.code]).toEqual([400, 'invalid_email_token']);

    now = new Date(now.getTime() + 61 * 60_000);
    const late = await client(server).post('/auth/password-reset/confirm', {
      token: newer,
      password: 'the-new-password',
    });
    expect([late.status, late.body.error.code]).toEqual([400, 'invalid_email_token']);
    expect((await signIn(email, 'the-first-password')).status).toBe(200);
  });

  it('limits reset mails per address, known or not', async () => {
    for (const email of ['limited@account.test', 'nobody-limited@account.test']) {
      const answers: number[] = [];
      for (let i = 0; i < 3; i++)
        answers.push((await client(server).post('/auth/password-reset', { email })).status);
      expect(answers).toEqual([202, 202, 429]);
    }
  });

  it('refuses a new password that is too short, keeping the link usable', async () => {
    const { email } = await account();
    await client(server).post('/auth/password-reset', { email });
    const token = await resetLink(email);
    const short = await client(server).post('/auth/password-reset/confirm', { token, password: 'short' });
    expect([short.status, short.body.error.code]).toEqual([400, 'invalid_input']);
    expect(
      (await client(server).post('/auth/password-reset/confirm', { token, password: 'long-enough-now' }))
        .status,
    ).toBe(204);
  });

  it('changes the password with the current one: other sessions end, this one gets new tokens', async () => {
    const { email, password, session, api } = await account();
    const other = (await signIn(email, password)).body;
    const wrong = await api.post('/me/password', {
      currentPassword: 'not-my-password',
      newPassword: 'the-new-password',
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'wrong_password']);

    const changed = await api.post('/me/password', {
      currentPassword: password,
      newPassword: 'the-new-password',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user.email).toBe(email);
    for (const old of [session.refreshToken, other.refreshToken]) {
      expect((await client(server).post('/auth/refresh', { refreshToken: old })).status).toBe(401);
    }
    expect(
      (await client(server).post('/auth/refresh', { refreshToken: changed.body.refreshToken })).status,
    ).toBe(200);
    expect((await signIn(email, password)).status).toBe(401);
    expect((await signIn(email, 'the-new-password')).status).toBe(200);
  });

  it('changes the display name, refusing an empty one', async () => {
    const { api } = await account();
    const renamed = await api.patch('/me', { name: '  Jane Q. Doe ' });
    expect([renamed.status, renamed.body.name]).toEqual([200, 'Jane Q. Doe']);
    expect((await api.get('/me')).body.name).toBe('Jane Q. Doe');
    const empty = await api.patch('/me', { name: '   ' });
    expect([empty.status, empty.body.error.code]).toEqual([400, 'invalid_input']);
    expect((await client(server).patch('/me', { name: 'Anonymous' })).status).toBe(401);
  });

  it('sends the verification mail again, limited per account, and not to a verified address', async () => {
    const { email, api } = await account();
    const before = (await outbox(server, 'verify_email', email)).length;
    const answers: number[] = [];
    for (let i = 0; i < 3; i++) answers.push((await api.post('/me/verification-email')).status);
    expect(answers).toEqual([202, 202, 429]);
    const mails = await outbox(server, 'verify_email', email);
    expect(mails).toHaveLength(before + 2);
    const token = /verify-email\?token=(\S+)/.exec(mails.at(-1).text)?.[1];
    expect((await client(server).post('/auth/verify-email', { token })).status).toBe(200);

    // The limit above is this account's: a fresh one, verified through a reset link, is refused.
    const fresh = await account();
    await client(server).post('/auth/password-reset', { email: fresh.email });
    await client(server).post('/auth/password-reset/confirm', {
      token: await resetLink(fresh.email),
      password: 'verified-by-reset',
    });
    const signedIn = client(server, (await signIn(fresh.email, 'verified-by-reset')).body.accessToken);
    const refused = await signedIn.post('/me/verification-email');
    expect([refused.status, refused.body.error.code]).toEqual([409, 'email_already_verified']);
  });

  it('offers the same over GraphQL', async () => {
    const { email, password, session } = await account();
    const gql = client(server, session.accessToken).graphql;
    const renamed = await gql('mutation { updateMe(name: "Graph Person") { name } }');
    expect(renamed.data?.updateMe).toEqual({ name: 'Graph Person' });
    const wrong = await gql(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken } }',
      { c: 'wrong-password', n: 'graph-new-password' },
    );
    expect(wrong.errors?.[0]?.extensions.code).toBe('wrong_password');
    const changed = await gql(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { user { email } } }',
      { c: password, n: 'graph-new-password' },
    );
    expect(changed.data?.changePassword.user.email).toBe(email);
    const asked = await client(server).graphql('mutation($e: String!) { requestPasswordReset(email: $e) }', {
      e: email,
    });
    expect(asked.data?.requestPasswordReset).toBe(true);
    const confirmed = await client(server).graphql(
      'mutation($t: String!, $p: String!) { confirmPasswordReset(token: $t, password: $p) }',
      { t: await resetLink(email), p: 'graph-reset-password' },
    );
    expect(confirmed.data?.confirmPasswordReset).toBe(true);
    expect((await signIn(email, 'graph-reset-password')).status).toBe(200);
  });
});
