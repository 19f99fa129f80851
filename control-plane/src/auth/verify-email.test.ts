import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createDataSource } from '../db/data-source.js';
import { apiTestEnv } from '../test-support/api-client.js';
import { createTestDatabase } from '../test-support/database.js';
import { User } from '../users/users.entities.js';
import type { EmailTokenPurpose } from './auth.entities.js';
import { type AuthService, createAuthService } from './auth.service.js';
import { hashPassword, verifyPassword } from './password.js';
import { createRateLimiter } from './rate-limit.js';

describe('verify-email', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let auth: AuthService;
  /** Every scrypt hash the service asks for. */
  const hashed: string[] = [];
  let n = 0;
  const ip = () => `203.0.113.${++n}`;

  async function tokenFor(purpose: EmailTokenPurpose) {
    const user = await dataSource.manager.save(User, {
      email: `${randomUUID()}@verify.test`,
      name: 'Invited',
      passwordHash: '!',
      emailVerifiedAt: null,
    });
    return { user, token: await auth.createEmailToken(dataSource.manager, { userId: user.id, purpose }) };
  }

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error: { code: string }) => error.code,
    );

  beforeAll(async () => {
    db = await createTestDatabase('verify');
    dataSource = createDataSource(db.url);
    await dataSource.initialize();
    await dataSource.runMigrations();
    const config = loadConfig({ ...apiTestEnv, RATE_LIMIT_VERIFY_EMAIL_PER_IP: '3' });
    auth = createAuthService({
      dataSource,
      config,
      jwtSecret: config.JWT_SECRET as string,
      rateLimiter: createRateLimiter({ dataSource }),
      mailer: { send: async () => undefined },
      passwords: {
        hash: async (password, cost) => {
          hashed.push(password);
          return hashPassword(password, cost);
        },
        verify: verifyPassword,
      },
    });
  }, 60_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('answers an unknown, malformed or spent token without hashing the password', async () => {
    const spent = await tokenFor('invitation');
    expect(await refusal(auth.verifyEmail({ ...spent, password: 'the-first-password', ip: ip() }))).toBe(
      'accepted',
    );
    hashed.length = 0;
    const unknown = `${randomUUID()}.${'A'.repeat(43)}`;
    const wrongSecret = `${spent.token.split('.')[0]}.${'B'.repeat(43)}`;
    for (const token of [unknown, 'not-a-token', spent.token, wrongSecret]) {
      expect(await refusal(auth.verifyEmail({ token, password: 'a-long-password', ip: ip() }))).toBe(
        'invalid_email_token',
      );
    }
    expect(hashed).toEqual([]);
  });

  it('hashes once for a live invitation, and never for a plain verification', async () => {
    hashed.length = 0;
    const verification = await tokenFor('verify_email');
    await auth.verifyEmail({ token: verification.token, password: 'ignored-password', ip: ip() });
    expect(hashed).toEqual([]);
    const invitation = await tokenFor('invitation');
    expect(await refusal(auth.verifyEmail({ token: invitation.token, ip: ip() }))).toBe('password_required');
    expect(hashed).toEqual([]);
    await auth.verifyEmail({ token: invitation.token, password: 'the-chosen-password', ip: ip() });
    expect(hashed).toEqual(['the-chosen-password']);
    const stored = await dataSource.manager.findOneByOrFail(User, { id: invitation.user.id });
    expect(await verifyPassword('the-chosen-password', stored.passwordHash)).toBe(true);
    expect(stored.emailVerifiedAt).not.toBeNull();
  });

  it('limits attempts per client address, before looking at the token', async () => {
    const from = ip();
    const invitation = await tokenFor('invitation');
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) {
      answers.push(await refusal(auth.verifyEmail({ token: `${randomUUID()}.${'C'.repeat(43)}`, ip: from })));
    }
    // Over the limit even a valid invitation waits, and costs no hash.
    hashed.length = 0;
    answers.push(
      await refusal(auth.verifyEmail({ ...invitation, password: 'the-chosen-password', ip: from })),
    );
    expect(answers).toEqual([
      'invalid_email_token',
      'invalid_email_token',
      'invalid_email_token',
      'rate_limited',
    ]);
    expect(hashed).toEqual([]);
    expect(
      await refusal(auth.verifyEmail({ ...invitation, password: 'the-chosen-password', ip: ip() })),
    ).toBe('accepted');
  });
});
