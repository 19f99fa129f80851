import { type DataSource, IsNull } from 'typeorm';
import type { Actor } from '../access/access.js';
import type { Config } from '../config.js';
import { ConflictError, InvalidInputError } from '../errors/index.js';
import type { MailQueue } from '../mail/mail-queue.js';
import { User } from '../users/users.entities.js';
import { passwordResetMail, verificationMail } from './account-mails.js';
import { EmailToken } from './auth.entities.js';
import type { AuthService } from './auth.service.js';
import { passwordCost, verifyPassword } from './password.js';
import type { RateLimiter } from './rate-limit.js';
import { setPassword } from './set-password.js';
import { newOpaqueToken, parseOpaqueToken, secretMatches } from './tokens.js';

export interface AccountDeps {
  dataSource: DataSource;
  config: Config;
  rateLimiter: RateLimiter;
  mail: Pick<MailQueue, 'enqueue' | 'kick'>;
  auth: AuthService;
  /** What "now" is for reset links (tests pass their own). @default the real clock */
  clock?: () => Date;
}

const RESET_TTL_MS = 3_600_000;

/**
 * A person's own account: forgotten password (a mailed one-time link), password and name
 * changes, and the verification mail again. REST and GraphQL call these same methods.
 */
export function createAccountService(deps: AccountDeps) {
  const { dataSource, config } = deps;
  const clock = deps.clock ?? (() => new Date());
  const window = config.RATE_LIMIT_WINDOW_SECONDS;
  const invalidLink = () =>
    new InvalidInputError({ code: 'invalid_email_token', message: 'The link is invalid or has expired' });
  const passwordFields = { cost: passwordCost(config), dataDir: config.dataDir };

  return {
    /**
     * Mails a reset link when the address has an account, and answers the same either way: the
     * caller learns nothing about who has an account. Counted per IP and per address whether or
     * not it exists, so the limit says nothing either; an earlier link of the account stops working.
     */
    async requestPasswordReset(input: { email: string; ip: string }): Promise<void> {
      const email = input.email.toLowerCase();
      await deps.rateLimiter.hitAll(
        [
          { key: `password-reset:ip:${input.ip}`, limit: config.RATE_LIMIT_PASSWORD_RESET_PER_IP },
          { key: `password-reset:email:${email}`, limit: config.RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS },
        ],
        window,
      );
      const sent = await dataSource.transaction(async (tx) => {
        const user = await tx.findOneBy(User, { email });
        if (!user) return false;
        await tx.update(
          EmailToken,
          { userId: user.id, purpose: 'password_reset', usedAt: IsNull() },
          { usedAt: clock() },
        );
        const token = newOpaqueToken();
        await tx.insert(EmailToken, {
          id: token.id,
          userId: user.id,
          purpose: 'password_reset',
          tokenHash: token.hash,
          expiresAt: new Date(clock().getTime() + RESET_TTL_MS),
          usedAt: null,
        });
        await deps.mail.enqueue(tx, passwordResetMail(config.publicUrl, user.email, token.token));
        return true;
      });
      if (sent) void deps.mail.kick();
    },

    /**
     * Spends a reset link on a new password. Every session of the account ends (whoever knew the
     * old password may be signed in), and the address counts as verified: the link reached it.
     */
    async confirmPasswordReset(input: { token: string; password: string; ip: string }): Promise<void> {
      await deps.rateLimiter.hit(
        `password-reset:ip:${input.ip}`,
        config.RATE_LIMIT_PASSWORD_RESET_PER_IP,
        window,
      );
      const parsed = parseOpaqueToken(input.token);
      if (!parsed) throw invalidLink();
      const found = await dataSource.manager.findOneBy(EmailToken, { id: parsed.id });
      if (found?.purpose !== 'password_reset') throw invalidLink();
      await setPassword(dataSource, {
        ...passwordFields,
        userId: found.userId,
        password: input.password,
        // Checked again under the lock: two confirmations of one link cannot both pass.
        check: async (user, tx) => {
          const row = await tx
            .createQueryBuilder(EmailToken, 't')
            .setLock('pessimistic_write')
            .where('t.id = :id', { id: parsed.id })
            .getOne();
          if (!row || row.usedAt || row.expiresAt.getTime() <= clock().getTime()) throw invalidLink();
          if (!secretMatches(parsed.secret, row.tokenHash)) throw invalidLink();
          await tx.update(EmailToken, { id: row.id }, { usedAt: clock() });
          if (user.emailVerifiedAt === null)
            await tx.update(User, { id: user.id }, { emailVerifiedAt: clock() });
        },
      });
    },

    /**
     * A signed-in password change: the current password is proved first (limited per account, so
     * a stolen session cannot guess it), every other session ends, and this one gets new tokens.
     */
    async changePassword(input: { actor: Actor; currentPassword: string; newPassword: string }) {
      await deps.rateLimiter.hit(
        `change-password:user:${input.actor.userId}`,
        config.RATE_LIMIT_LOGIN_PER_IP_ACCOUNT,
        window,
      );
      const user = await setPassword(dataSource, {
        ...passwordFields,
        userId: input.actor.userId,
        password: input.newPassword,
        check: async (row) => {
          if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
            throw new InvalidInputError({
              code: 'wrong_password',
              message: 'The current password is wrong',
              issues: [{ path: 'currentPassword', message: 'is wrong' }],
            });
          }
        },
      });
      return dataSource.transaction(async (tx) => ({
        ...(await deps.auth.issueTokensFor(tx, user)),
        user: await deps.auth.me({ actor: input.actor }),
      }));
    },

    /** The display name others see in member lists and commit trailers. */
    async updateMe(input: { actor: Actor; name: string }) {
      await dataSource.manager.update(User, { id: input.actor.userId }, { name: input.name });
      return deps.auth.me({ actor: input.actor });
    },

    /** The verification mail again, with a fresh link (limited per account: it mails someone). */
    async resendVerification(input: { actor: Actor }): Promise<void> {
      await deps.rateLimiter.hit(
        `verify-resend:user:${input.actor.userId}`,
        config.RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS,
        window,
      );
      await dataSource.transaction(async (tx) => {
        const user = await tx.findOneByOrFail(User, { id: input.actor.userId });
        if (user.emailVerifiedAt !== null) {
          throw new ConflictError({
            code: 'email_already_verified',
            message: 'Your email address is already verified',
          });
        }
        const token = await deps.auth.createEmailToken(tx, { userId: user.id, purpose: 'verify_email' });
        await deps.mail.enqueue(tx, verificationMail(config.publicUrl, user.email, token));
      });
      void deps.mail.kick();
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
