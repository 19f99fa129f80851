import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config.js';
import { InvalidInputError } from '../errors/index.js';
import { User } from '../users/users.entities.js';
import { EmailToken, type EmailTokenPurpose } from './auth.entities.js';
import { readMe } from './me.js';
import { type PasswordHasher, passwordCost } from './password.js';
import type { RateLimiter } from './rate-limit.js';
import { newOpaqueToken, parseOpaqueToken, secretMatches } from './tokens.js';

// A reset link grants the account to whoever reads the mail: it lives an hour, not a week.
const EMAIL_TOKEN_TTL_MS = {
  verify_email: 7 * 86_400_000,
  invitation: 7 * 86_400_000,
  password_reset: 3_600_000,
} as const;

/** The single-use tokens of mail links, and spending one to verify an address or accept an invitation. */
export function createEmailVerification(deps: {
  dataSource: DataSource;
  config: Config;
  rateLimiter: RateLimiter;
  passwords: PasswordHasher;
}) {
  const { dataSource, config, passwords } = deps;
  return {
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
     * password is hashed only once the token proved to be a live invitation: hashing is the
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
          passwordHash = await passwords.hash(input.password, passwordCost(config));
        }
        await tx.update(EmailToken, { id: row.id }, { usedAt: new Date() });
        await tx.update(
          User,
          { id: row.userId },
          { emailVerifiedAt: new Date(), ...(passwordHash ? { passwordHash } : {}) },
        );
        return readMe(tx, row.userId);
      });
    },
  };
}
