import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, highestRole, resolveContext } from '../access/access.js';
import { authorizePlatform } from '../access/authorize.js';
import type { OrganizationKind, Role } from '../access/organization.entities.js';
import type { Config } from '../config.js';
import { ForbiddenError, InvalidInputError, UnauthenticatedError } from '../errors/index.js';
import type { Mailer } from '../mail/mailer.js';
import { User } from '../users/users.entities.js';
import { EmailToken, type EmailTokenPurpose, RefreshToken } from './auth.entities.js';
import { createLoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password.js';
import type { RateLimiter } from './rate-limit.js';
import {
  newOpaqueToken,
  parseOpaqueToken,
  secretMatches,
  signAccessToken,
  verifyAccessToken,
} from './tokens.js';

/** The password functions, injectable so a test can count the expensive calls. */
export interface PasswordHasher {
  hash(password: string, log2Cost: number): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export interface AuthDeps {
  dataSource: DataSource;
  config: Config;
  jwtSecret: string;
  rateLimiter: RateLimiter;
  mailer: Mailer;
  /** @default scrypt from password.ts */
  passwords?: PasswordHasher;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  roles: Role[];
  capabilities: string[];
  memberships: {
    organizationId: string;
    organizationName: string;
    slug: string;
    kind: OrganizationKind;
    role: Role;
  }[];
}

// Compared against when the email is unknown, so both answers take as long (no account probing).
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
// A reset link grants the account to whoever reads the mail: it lives an hour, not a week.
const EMAIL_TOKEN_TTL_MS = {
  verify_email: 7 * 86_400_000,
  invitation: 7 * 86_400_000,
  password_reset: 3_600_000,
} as const;

export function createAuthService(deps: AuthDeps) {
  const { dataSource, config } = deps;
  const passwords = deps.passwords ?? { hash: hashPassword, verify: verifyPassword };
  const throttle = createLoginThrottle({
    dataSource,
    policy: {
      limit: config.RATE_LIMIT_LOGIN_PER_IP_ACCOUNT,
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    },
  });

  async function loadMemberships(manager: EntityManager, userId: string) {
    const rows: {
      organizationId: string;
      path: string;
      kind: OrganizationKind;
      role: Role;
      name: string;
      slug: string;
    }[] = await manager.query(
      `SELECT m."organizationId", o.path, o.kind, m.role, o.name, o.slug
         FROM membership m JOIN organization o ON o.id = m."organizationId"
        WHERE m."userId" = $1 AND m."acceptedAt" IS NOT NULL ORDER BY m."createdAt", m.id`,
      [userId],
    );
    return rows;
  }

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

  async function me(manager: EntityManager, userId: string): Promise<Me> {
    const user = await manager.findOneBy(User, { id: userId });
    if (!user)
      throw new UnauthenticatedError({ code: 'invalid_token', message: 'The account no longer exists' });
    const memberships = await loadMemberships(manager, userId);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      emailVerified: user.emailVerifiedAt !== null,
      roles: [...new Set(memberships.map((m) => m.role))],
      capabilities: user.capabilities,
      memberships: memberships.map((m) => ({
        organizationId: m.organizationId,
        organizationName: m.name,
        slug: m.slug,
        kind: m.kind,
        role: m.role,
      })),
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
      const ok = await passwords.verify(input.password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok)
        throw new UnauthenticatedError({ code: 'invalid_credentials', message: 'Wrong email or password' });
      await throttle.succeeded(pair);
      if (config.REQUIRE_VERIFIED_EMAIL && user.emailVerifiedAt === null) {
        throw new ForbiddenError({
          code: 'email_not_verified',
          message: 'Verify your email address before signing in',
        });
      }
      return dataSource.transaction(async (tx) => ({
        ...(await issueTokens(tx, user)),
        user: await me(tx, user.id),
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
        return { tokens: { ...(await issueTokens(tx, user, row.familyId)), user: await me(tx, user.id) } };
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

    me: (input: { actor: Actor }) => me(dataSource.manager, input.actor.userId),

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

    /**
     * `Authorization: Bearer <jwt>` (+ `X-Org-Context`) → the actor, with memberships read from the
     * database on every request so a removed membership takes effect at once. A pending invitation
     * (not yet accepted) is no membership.
     */
    async authenticate(input: { authorization: string | undefined; orgContext: string | undefined }) {
      const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(input.authorization ?? '');
      if (!match) throw new UnauthenticatedError();
      const claims = verifyAccessToken(deps.jwtSecret, match[1] as string);
      // One round trip: the user and every membership with its organization's path.
      const rows: {
        id: string;
        email: string;
        name: string;
        emailVerifiedAt: Date | null;
        capabilities: Actor['capabilities'];
        organizationId: string | null;
        path: string | null;
        kind: OrganizationKind | null;
        role: Role | null;
      }[] = await dataSource.query(
        `SELECT u.id, u.email, u.name, u."emailVerifiedAt", u.capabilities,
                m."organizationId", o.path, o.kind, m.role
           FROM "user" u
           LEFT JOIN membership m ON m."userId" = u.id AND m."acceptedAt" IS NOT NULL
           LEFT JOIN organization o ON o.id = m."organizationId"
          WHERE u.id = $1
          ORDER BY m."createdAt", m.id`,
        [claims.sub],
      );
      const user = rows[0];
      if (!user)
        throw new UnauthenticatedError({ code: 'invalid_token', message: 'The account no longer exists' });
      const actor: Actor = {
        userId: user.id,
        email: user.email,
        name: user.name,
        emailVerified: user.emailVerifiedAt !== null,
        capabilities: user.capabilities,
        memberships: rows
          .filter((r) => r.organizationId !== null)
          .map((r) => ({
            organizationId: r.organizationId as string,
            path: r.path as string,
            kind: r.kind as OrganizationKind,
            role: r.role as Role,
          })),
        context: null,
      };
      actor.context = await resolveContext(dataSource.manager, actor, input.orgContext);
      return actor;
    },

    /** Creates a single-use token for a mail link (inside the caller's transaction). */
    async createEmailToken(manager: EntityManager, input: { userId: string; purpose: EmailTokenPurpose }) {
      const token = newOpaqueToken();
      await manager.insert(EmailToken, {
        id: token.id,
        userId: input.userId,
        purpose: input.purpose,
        tokenHash: token.hash,
        expiresAt: new Date(Date.now() + EMAIL_TOKEN_TTL_MS[input.purpose]),
        usedAt: null,
      });
      return token.token;
    },

    /**
     * Consumes a verification (or invitation) token: marks the email verified; an invitation
     * also sets the first password, so `password` is required for it. Limited per IP, and the
     * password is hashed only once the token proved to be a live invitation: scrypt is the
     * expensive part, and anonymous callers with made-up tokens must not be able to buy it.
     */
    async verifyEmail(input: { token: string; password?: string | undefined; ip: string }) {
      await deps.rateLimiter.hit(
        `verify-email:ip:${input.ip}`,
        config.RATE_LIMIT_VERIFY_EMAIL_PER_IP,
        config.RATE_LIMIT_WINDOW_SECONDS,
      );
      const parsed = parseOpaqueToken(input.token);
      const invalid = () =>
        new InvalidInputError({ code: 'invalid_email_token', message: 'The link is invalid or has expired' });
      if (!parsed) throw invalid();
      return dataSource.transaction(async (tx) => {
        const row = await tx
          .createQueryBuilder(EmailToken, 't')
          .setLock('pessimistic_write')
          .where('t.id = :id', { id: parsed.id })
          .getOne();
        if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) throw invalid();
        // A reset link only sets a password through its own endpoint (which signs everyone out).
        if (row.purpose === 'password_reset') throw invalid();
        if (!secretMatches(parsed.secret, row.tokenHash)) throw invalid();
        let passwordHash: string | undefined;
        if (row.purpose === 'invitation') {
          if (input.password === undefined) {
            throw new InvalidInputError({
              code: 'password_required',
              message: 'Choose a password to accept the invitation',
              issues: [{ path: 'password', message: 'required for an invitation' }],
            });
          }
          // Hashed under the row lock: a token is spent once, so it pays for at most one hash.
          passwordHash = await passwords.hash(input.password, config.PASSWORD_SCRYPT_LOG2_COST);
        }
        await tx.update(EmailToken, { id: row.id }, { usedAt: new Date() });
        await tx.update(
          User,
          { id: row.userId },
          { emailVerifiedAt: new Date(), ...(passwordHash ? { passwordHash } : {}) },
        );
        return me(tx, row.userId);
      });
    },

    /** Tokens for a user without a password check: only for flows that just authenticated them. */
    issueTokensFor: (manager: EntityManager, user: User) => issueTokens(manager, user),
    highestRole,
  };
  return service;
}

export type AuthService = ReturnType<typeof createAuthService>;
