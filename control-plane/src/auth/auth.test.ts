import { randomBytes, scryptSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const password = 'a-long-enough-password';
const limits = {
  ...apiTestEnv,
  TRUST_PROXY: 'true',
  RATE_LIMIT_LOGIN_PER_IP: '6',
  RATE_LIMIT_LOGIN_PER_IP_ACCOUNT: '3',
  RATE_LIMIT_REGISTRATION_PER_IP: '2',
  RATE_LIMIT_REGISTRATION_PER_ACCOUNT: '5',
  RATE_LIMIT_VERIFY_EMAIL_PER_IP: '3',
};

describe('authentication', () => {
  let server: TestServer;
  let replica: TestServer;
  let n = 0;
  /** A fresh client address per test, so the per-IP limits of one test do not leak into another. */
  const fromIp = () => ({ 'x-forwarded-for': `198.51.100.${++n}` });

  async function register(email: string, headers = fromIp()) {
    const res = await client(server).post(
      '/registrations',
      {
        accountType: 'organization',
        projectType: 'website',
        organizationName: `Org of ${email}`,
        email,
        password,
      },
      headers,
    );
    return res;
  }
  const login = (email: string, pw = password, headers = fromIp(), on = server) =>
    client(on).post('/auth/login', { email, password: pw }, headers);

  beforeAll(async () => {
    server = await startTestServer(limits);
    // A second replica on the same database, requiring verified email addresses.
    replica = await startTestServer(
      { ...limits, REQUIRE_VERIFIED_EMAIL: 'true' },
      { databaseUrl: server.databaseUrl },
    );
  }, 60_000);
  afterAll(async () => {
    await replica?.stop();
    await server?.close();
  });

  it('signs in with email and password and answers /me with roles and memberships', async () => {
    expect((await register('jane@auth.test')).status).toBe(201);
    const res = await login('JANE@auth.test');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(res.body.user).toMatchObject({
      email: 'jane@auth.test',
      emailVerified: false,
      roles: ['client_admin'],
    });
    const claims = jwt.decode(res.body.accessToken) as jwt.JwtPayload;
    expect(claims).toMatchObject({
      sub: res.body.user.id,
      roles: ['client_admin'],
      iss: 'luster',
      aud: 'luster-api',
    });
    expect(claims.org).toBe(res.body.user.memberships[0].organizationId);
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
    const me = await client(server, res.body.accessToken).get('/me');
    expect(me.status).toBe(200);
    expect(me.body.memberships[0]).toMatchObject({ role: 'client_admin', kind: 'organization' });
  });

  it('refuses wrong passwords and unknown accounts with the same answer', async () => {
    const wrong = await login('jane@auth.test', 'not-the-password');
    const unknown = await login('nobody@auth.test');
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'invalid_credentials']);
    expect([unknown.status, unknown.body.error.code]).toEqual([401, 'invalid_credentials']);
  });

  it('re-hashes a password stored as scrypt (before argon2id) at its first successful sign-in', async () => {
    expect((await register('legacy@auth.test')).status).toBe(201);
    const sql = (query: string, params: unknown[]) => server.services.dataSource.query(query, params);
    const storedHash = async () =>
      (
        (await sql('SELECT "passwordHash" FROM "user" WHERE email = $1', ['legacy@auth.test'])) as {
          passwordHash: string;
        }[]
      )[0]?.passwordHash;
    const salt = randomBytes(16);
    const key = scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 });
    const legacy = ['scrypt', 1024, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await sql('UPDATE "user" SET "passwordHash" = $1 WHERE email = $2', [legacy, 'legacy@auth.test']);

    expect((await login('legacy@auth.test', 'not-the-password')).status).toBe(401);
    expect(await storedHash()).toBe(legacy);
    expect((await login('legacy@auth.test')).status).toBe(200);
    const upgraded = await storedHash();
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect((await login('legacy@auth.test')).status).toBe(200);
    expect(await storedHash()).toBe(upgraded);
    const wrong = await login('legacy@auth.test', 'not-the-password');
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'invalid_credentials']);
  });

  it('refuses tokens that are unsigned, signed with another key or algorithm, or expired', async () => {
    const { body } = await login('jane@auth.test');
    const sub = body.user.id;
    const secret = server.config.JWT_SECRET as string;
    const base = { roles: [], org: null, email_verified: false };
    const opts = { subject: sub, issuer: 'luster', audience: 'luster-api' } as const;
    const forged = [
      jwt.sign(base, '', { ...opts, algorithm: 'none' }),
      jwt.sign(base, 'another-secret-another-secret-another-secret', { ...opts, algorithm: 'HS256' }),
      jwt.sign(base, secret, { ...opts, algorithm: 'HS512' }),
      jwt.sign(base, secret, { ...opts, algorithm: 'HS256', audience: 'someone-else' }),
      // The right key, but a subject that is no user id (it once reached the uuid column: 500).
      jwt.sign(base, secret, { ...opts, subject: 'not-a-uuid', algorithm: 'HS256' }),
    ];
    for (const token of forged) {
      const res = await client(server, token).get('/me');
      expect([res.status, res.body.error.code]).toEqual([401, 'invalid_token']);
    }
    const expired = jwt.sign({ ...base, exp: Math.floor(Date.now() / 1000) - 10 }, secret, {
      subject: sub,
      issuer: 'luster',
      audience: 'luster-api',
      algorithm: 'HS256',
    });
    const res = await client(server, expired).get('/me');
    expect([res.status, res.body.error.code]).toEqual([401, 'token_expired']);
    const none = await client(server).get('/me');
    expect([none.status, none.body.error.code]).toEqual([401, 'unauthenticated']);
  });

  it('rotates refresh tokens, and reuse of a rotated one revokes the whole family', async () => {
    const first = (await login('jane@auth.test')).body;
    const second = await client(server).post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await client(server, second.body.accessToken).get('/me')).status).toBe(200);

    const reuse = await client(server).post('/auth/refresh', { refreshToken: first.refreshToken });
    expect([reuse.status, reuse.body.error.code]).toEqual([401, 'refresh_token_reused']);
    // The legitimate holder's newer token died with the family.
    const after = await client(server).post('/auth/refresh', { refreshToken: second.body.refreshToken });
    expect([after.status, after.body.error.code]).toEqual([401, 'refresh_token_reused']);
    const rows = await server.services.dataSource.query(
      `SELECT "tokenHash", "revokedAt" FROM refresh_token WHERE "userId" = $1`,
      [first.user.id],
    );
    // Stored hashed: the token's secret never appears in the table.
    const secret = first.refreshToken.split('.')[1];
    expect(
      rows.every((r: { tokenHash: string }) => r.tokenHash !== secret && /^[0-9a-f]{64}$/.test(r.tokenHash)),
    ).toBe(true);
  });

  it('logs out by revoking the family; other sessions stay', async () => {
    const a = (await login('jane@auth.test')).body;
    const b = (await login('jane@auth.test')).body;
    expect((await client(server).post('/auth/logout', { refreshToken: a.refreshToken })).status).toBe(204);
    const refreshA = await client(server).post('/auth/refresh', { refreshToken: a.refreshToken });
    expect(refreshA.status).toBe(401);
    expect((await client(server).post('/auth/refresh', { refreshToken: b.refreshToken })).status).toBe(200);
    const garbage = await client(server).post('/auth/refresh', { refreshToken: 'garbage' });
    expect([garbage.status, garbage.body.error.code]).toEqual([401, 'invalid_refresh_token']);
  });

  it('locks an address + account pair after its attempts, across replicas; the account stays open elsewhere', async () => {
    expect((await register('victim@auth.test')).status).toBe(201);
    const attacker = fromIp();
    for (const on of [server, replica, server]) {
      const res = await login('victim@auth.test', 'wrong-password-123', attacker, on);
      expect(res.status).toBe(401);
    }
    // Three attempts spent this pair's budget on both replicas: from there even the right password waits.
    const limited = await fetch(`${replica.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...attacker },
      body: JSON.stringify({ email: 'victim@auth.test', password }),
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
    // The owner, from their own address, is not refused on the account's failures.
    expect((await login('victim@auth.test', password, fromIp(), server)).status).toBe(200);
  });

  it('never locks the superadmin out: wrong guesses from many addresses, the right password from another works', async () => {
    for (let address = 0; address < 4; address++) {
      const from = fromIp();
      const answers: number[] = [];
      for (let i = 0; i < 4; i++)
        answers.push((await login('admin@example.test', 'guess-guess-guess', from)).status);
      expect(answers).toEqual([401, 401, 401, 429]);
    }
    expect((await login('admin@example.test', 'correct-horse-battery', fromIp())).status).toBe(200);
  });

  it('doubles the lock of a pair that goes on guessing after its lock ended', async () => {
    const from = fromIp();
    const ip = from['x-forwarded-for'];
    const retryAfter = async () => {
      for (let i = 0; i < 3; i++)
        expect((await login('backoff@auth.test', 'nope-nope-nope', from)).status).toBe(401);
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...from },
        body: JSON.stringify({ email: 'backoff@auth.test', password }),
      });
      expect(res.status).toBe(429);
      return Number(res.headers.get('retry-after'));
    };
    const window = server.config.RATE_LIMIT_WINDOW_SECONDS;
    expect(await retryAfter()).toBe(window);
    // Let the lock (and the address's own window) run out without waiting for them.
    const expire = async () => {
      await server.services.dataSource.query(
        `UPDATE login_throttle SET "lockedUntil" = now() - interval '1 second' WHERE ip = $1`,
        [ip],
      );
      await server.services.dataSource.query('DELETE FROM rate_limit WHERE key = $1', [`login:ip:${ip}`]);
    };
    await expire();
    expect(await retryAfter()).toBe(2 * window);
    await expire();
    expect(await retryAfter()).toBe(4 * window);
  });

  it('shows the locked pairs to superadmins only', async () => {
    const from = fromIp();
    for (let i = 0; i < 4; i++) await login('watched@auth.test', 'nope-nope-nope', from);
    const admin = await adminToken(server);
    const res = await client(server, admin).get('/auth/locks');
    expect(res.status).toBe(200);
    expect(res.body.locks).toContainEqual({
      ip: from['x-forwarded-for'],
      email: 'watched@auth.test',
      lockedUntil: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      locks: 1,
    });
    const jane = (await login('jane@auth.test')).body.accessToken;
    const refused = await client(server, jane).get('/auth/locks');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
  });

  it("lets a superadmin lift one pair's lock, and no one else", async () => {
    const from = fromIp();
    const ip = from['x-forwarded-for'];
    expect((await register('locked-out@auth.test')).status).toBe(201);
    // Within the address's own limit (6 attempts a window): 3 wrong guesses lock the pair.
    for (let i = 0; i < 3; i++) await login('locked-out@auth.test', 'nope-nope-nope', from);
    expect((await login('locked-out@auth.test', password, from)).status).toBe(429);
    const pair = `/auth/locks?ip=${encodeURIComponent(ip)}&email=locked-out%40auth.test`;

    const jane = (await login('jane@auth.test')).body.accessToken;
    const refused = await client(server, jane).delete(pair);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    expect((await login('locked-out@auth.test', password, from)).status).toBe(429);

    const admin = client(server, await adminToken(server));
    expect((await admin.delete(pair)).status).toBe(204);
    const listed = (await admin.get('/auth/locks')).body.locks.map((l: { email: string }) => l.email);
    expect(listed).not.toContain('locked-out@auth.test');
    expect((await login('locked-out@auth.test', password, from)).status).toBe(200);
    // Lifting a pair that is not locked changes nothing and says so the same way.
    expect((await admin.delete(pair)).status).toBe(204);
    const bad = await admin.delete('/auth/locks?ip=1.2.3.4');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_input']);
  });

  it('does not count successful logins against the account', async () => {
    expect((await register('often@auth.test')).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await login('often@auth.test')).status).toBe(200);
  });

  it('limits logins per client address', async () => {
    const ip = fromIp();
    const answers: number[] = [];
    for (let i = 0; i < 7; i++) answers.push((await login(`someone-${i}@auth.test`, password, ip)).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it('with TRUST_PROXY=true believes one hop: rotating the leftmost X-Forwarded-For entries changes nothing', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 7; i++) {
      // The client writes the left part; the one proxy in front appends the address it saw.
      const forwarded = { 'x-forwarded-for': `10.66.${i}.1, 192.0.2.${i}, 198.51.100.250` };
      answers.push((await login(`rotating-${i}@auth.test`, password, forwarded)).status);
    }
    expect(answers).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const keys = await server.services.dataSource.query(
      `SELECT key FROM rate_limit WHERE key LIKE 'login:ip:10.66.%' OR key LIKE 'login:ip:192.0.2.%'`,
    );
    expect(keys).toEqual([]);
  });

  it('limits email-verification attempts per client address: 429 rate_limited with Retry-After', async () => {
    const headers = fromIp();
    const attempt = () =>
      fetch(`${server.url}/api/v1/auth/verify-email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ token: `${crypto.randomUUID()}.${'A'.repeat(43)}`, password }),
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(400);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
  });

  it('limits registrations per client address and writes nothing for a refused one', async () => {
    const ip = fromIp();
    expect((await register('r1@auth.test', ip)).status).toBe(201);
    expect((await register('r2@auth.test', ip)).status).toBe(201);
    const third = await register('r3@auth.test', ip);
    expect([third.status, third.body.error.code]).toEqual([429, 'rate_limited']);
    const users = await server.services.dataSource.query(`SELECT 1 FROM "user" WHERE email = 'r3@auth.test'`);
    expect(users).toEqual([]);
  });

  it('with REQUIRE_VERIFIED_EMAIL=true refuses sign-in until the address is verified', async () => {
    expect((await register('unverified@auth.test')).status).toBe(201);
    const res = await login('unverified@auth.test', password, fromIp(), replica);
    expect([res.status, res.body.error.code]).toEqual([403, 'email_not_verified']);
    await server.services.dataSource.query(
      `UPDATE "user" SET "emailVerifiedAt" = now() WHERE email = 'unverified@auth.test'`,
    );
    expect((await login('unverified@auth.test', password, fromIp(), replica)).status).toBe(200);
  });
});
