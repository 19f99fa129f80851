import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, highestRole } from '../access/access.js';
import { authorizePlatform } from '../access/authorize.js';
import type { Config } from '../config.js';
import { ForbiddenError, UnauthenticatedError } from '../errors/index.js';
import type { Mailer } from '../mail/mailer.js';
import { User } from '../users/users.entities.js';
import { RefreshToken } from './auth.entities.js';
import { createBearerAuthentication } from './bearer.js';
import { createEmailVerification } from './email-verification.js';
import { createLoginThrottle } from './login-throttle.js';
import { loadMemberships, readMe } from './me.js';
import {
  generatePassword,
  hashPassword,
  needsRehash,
  type PasswordHasher,
  passwordCost,
  verifyPassword,
} from './password.js';
import type { RateLimiter } from './rate-limit.js';
import { newOpaqueToken, parseOpaqueToken, secretMatches, signAccessToken } from './tokens.js';

export interface AuthDeps {
  dataSource: DataSource;
  config: Config;
  jwtSecret: string;
  rateLimiter: RateLimiter;
  mailer: Mailer;
  /** @default argon2id from password.ts */
  passwords?: PasswordHasher;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export function createAuthService(deps: AuthDeps) {
  const { dataSource, config } = deps;
  const passwords = deps.passwords ?? { hash: hashPassword, verify: verifyPassword };
  const cost = passwordCost(config);
  // Compared against when the email is unknown, at the configured cost, so both answers take as
  // long (no account probing). Made once, on the first sign-in that needs it.
  let dummyHash: Promise<string> | null = null;
  const dummy = () => {
    dummyHash ??= hashPassword(generatePassword(), cost);
    return dummyHash;
  };

  /**
   * A password stored as scrypt or at another argon2id cost is re-hashed now that its owner
   * proved it: the only moment the plain password is at hand. Compare-and-set on the old hash, so
   * a password changed meanwhile (reset link, another device) is not overwritten with this one.
   */
  async function upgradeHash(user: User, password: string): Promise<void> {
    if (!needsRehash(user.passwordHash, cost)) return;
    const upgraded = await passwords.hash(password, cost);
    await dataSource.query(`UPDATE "user" SET "passwordHash" = $1 WHERE id = $2 AND "passwordHash" = $3`, [
      upgraded,
      user.id,
      user.passwordHash,
    ]);
  }
  const throttle = createLoginThrottle({
    dataSource,
    policy: {
      limit: config.RATE_LIMIT_LOGIN_PER_IP_ACCOUNT,
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    },
  });

  async function issueTokens(
    manager: EntityManager,
    user: User,
    familyId: string = randomUUID(),
  ): Promise<TokenPair> {
    const memberships = await loadMemberships(manager, user.id);
    const refresh = newOpaqueToken();
    await manager.insert(RefreshToken, {
      id: refresh.id,
      familyId,
      userId: user.id,
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + config.REFRESH_TOKEN_TTL_SECONDS * 1000),
      usedAt: null,
      revokedAt: null,
    });
    const accessToken = signAccessToken(
      deps.jwtSecret,
      {
        sub: user.id,
        roles: [...new Set(memberships.map((m) => m.role))],
        org: memberships[0]?.organizationId ?? null,
        email_verified: user.emailVerifiedAt !== null,
      },
      config.ACCESS_TOKEN_TTL_SECONDS,
    );
    return {
      accessToken,
      refreshToken: refresh.token,
      tokenType: 'Bearer',
      expiresIn: config.ACCESS_TOKEN_TTL_SECONDS,
    };
  }

  const service = {
    /**
     * Email + password → tokens. Limited per client IP (every attempt) and per client IP and
     * account (the pair locks, with back-off). Never per account alone: that would let anyone
     * lock the superadmin out by guessing wrong from elsewhere.
     */
    async login(input: { email: string; password: string; ip: string }) {
      const email = input.email.toLowerCase();
      await deps.rateLimiter.hit(
        `login:ip:${input.ip}`,
        config.RATE_LIMIT_LOGIN_PER_IP,
        config.RATE_LIMIT_WINDOW_SECONDS,
      );
      const pair = { ip: input.ip, email };
      await throttle.attempt(pair);
      const user = await dataSource.manager.findOneBy(User, { email });
      const ok = await passwords.verify(input.password, user?.passwordHash ?? (await dummy()));
      if (!user || !ok)
        throw new UnauthenticatedError({ code: 'invalid_credentials', message: 'Wrong email or password' });
      await throttle.succeeded(pair);
      await upgradeHash(user, input.password);
      if (config.REQUIRE_VERIFIED_EMAIL && user.emailVerifiedAt === null) {
        throw new ForbiddenError({
          code: 'email_not_verified',
          message: 'Verify your email address before signing in',
        });
      }
      return dataSource.transaction(async (tx) => ({
        ...(await issueTokens(tx, user)),
        user: await readMe(tx, user.id),
      }));
    },

    /**
     * Rotates a refresh token. A token that was already used (or revoked) means someone else has
     * it: the whole family is revoked and both holders must sign in again.
     */
    async refresh(input: { refreshToken: string }) {
      const parsed = parseOpaqueToken(input.refreshToken);
      if (!parsed)
        throw new UnauthenticatedError({
          code: 'invalid_refresh_token',
          message: 'The refresh token is invalid',
        });
      const outcome = await dataSource.transaction(async (tx) => {
        const row = await tx
          .createQueryBuilder(RefreshToken, 't')
          .setLock('pessimistic_write')
          .where('t.id = :id', { id: parsed.id })
          .getOne();
        if (!row || !secretMatches(parsed.secret, row.tokenHash)) return { error: 'invalid' as const };
        if (row.usedAt || row.revokedAt) {
          await tx.query(
            `UPDATE refresh_token SET "revokedAt" = now() WHERE "familyId" = $1 AND "revokedAt" IS NULL`,
            [row.familyId],
          );
          return { error: 'reused' as const };
        }
        if (row.expiresAt.getTime() <= Date.now()) return { error: 'expired' as const };
        await tx.update(RefreshToken, { id: row.id }, { usedAt: new Date() });
        const user = await tx.findOneByOrFail(User, { id: row.userId });
        return {
          tokens: { ...(await issueTokens(tx, user, row.familyId)), user: await readMe(tx, user.id) },
        };
      });
      if ('tokens' in outcome) return outcome.tokens;
      if (outcome.error === 'reused') {
        throw new UnauthenticatedError({
          code: 'refresh_token_reused',
          message: 'This refresh token was already used; every session of its family is revoked',
        });
      }
      if (outcome.error === 'expired') {
        throw new UnauthenticatedError({
          code: 'refresh_token_expired',
          message: 'The refresh token has expired',
        });
      }
      throw new UnauthenticatedError({
        code: 'invalid_refresh_token',
        message: 'The refresh token is invalid',
      });
    },

    /** Revokes the refresh token's whole family (this sign-in on this device). Idempotent. */
    async logout(input: { refreshToken: string }): Promise<void> {
      const parsed = parseOpaqueToken(input.refreshToken);
      if (!parsed)
        throw new UnauthenticatedError({
          code: 'invalid_refresh_token',
          message: 'The refresh token is invalid',
        });
      const row = await dataSource.manager.findOneBy(RefreshToken, { id: parsed.id });
      if (!row || !secretMatches(parsed.secret, row.tokenHash)) return;
      await dataSource.query(
        `UPDATE refresh_token SET "revokedAt" = now() WHERE "familyId" = $1 AND "revokedAt" IS NULL`,
        [row.familyId],
      );
    },

    me: (input: { actor: Actor }) => readMe(dataSource.manager, input.actor.userId),

    /** Client address + account pairs locked now by failed sign-ins (platform only). */
    async locks(input: { actor: Actor }) {
      authorizePlatform(input.actor, 'auth.locks');
      const locks = await throttle.locks();
      return { locks: locks.map((l) => ({ ...l, lockedUntil: l.lockedUntil.toISOString() })) };
    },

    /** Lifts the lock of one client address + account pair (platform only); idempotent. */
    async unlock(input: { actor: Actor; ip: string; email: string }) {
      authorizePlatform(input.actor, 'auth.locks');
      return { unlocked: await throttle.unlock({ ip: input.ip, email: input.email.toLowerCase() }) };
    },

    authenticate: createBearerAuthentication({ dataSource, jwtSecret: deps.jwtSecret }),
    ...createEmailVerification({ dataSource, config, rateLimiter: deps.rateLimiter, passwords }),

    /** Tokens for a user without a password check: only for flows that just authenticated them. */
    issueTokensFor: (manager: EntityManager, user: User) => issueTokens(manager, user),
    highestRole,
  };
  return service;
}

export type AuthService = ReturnType<typeof createAuthService>;
