import { z } from 'zod';
import { bool, nonEmpty, optionalUrl, type VariableSpec } from './atoms.js';

/** Sign-in, tokens, passwords, rate limits and the mail that accounts receive. */
export const accountVariables = {
  JWT_SECRET: {
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
    secret: true,
    doc: 'HMAC key for access tokens; unset generates one kept in the data directory',
  },
  ACCESS_TOKEN_TTL_SECONDS: {
    schema: z.coerce.number().int().min(30).max(86_400),
    default: '900',
    doc: 'Lifetime of a JWT access token (short: roles are re-read on refresh)',
  },
  REFRESH_TOKEN_TTL_SECONDS: {
    schema: z.coerce.number().int().min(60).max(31_536_000),
    default: '2592000',
    doc: 'Lifetime of a refresh token family member (rotated on every use)',
  },
  REQUIRE_VERIFIED_EMAIL: {
    schema: bool,
    default: 'false',
    doc: 'Refuse sign-in until the email address is verified (otherwise the admin shows a reminder)',
  },
  PASSWORD_ARGON2_MEMORY_KIB: {
    schema: z.coerce.number().int().min(1024).max(4_194_304),
    default: '19456',
    doc: "argon2id memory cost of password hashes in KiB (OWASP's 19 MiB); a sign-in re-hashes a password stored at another cost",
  },
  PASSWORD_ARGON2_TIME_COST: {
    schema: z.coerce.number().int().min(1).max(20),
    default: '2',
    doc: 'argon2id passes over that memory per password hash (OWASP: 2 at 19 MiB)',
  },
  RATE_LIMIT_WINDOW_SECONDS: {
    schema: z.coerce.number().int().min(1).max(86_400),
    default: '300',
    doc: 'Fixed window of the login/registration rate limits (state in PostgreSQL, shared by replicas)',
  },
  RATE_LIMIT_LOGIN_PER_IP: {
    schema: z.coerce.number().int().min(1),
    default: '50',
    doc: 'Login attempts per client IP per window, whatever the account',
  },
  RATE_LIMIT_LOGIN_PER_IP_ACCOUNT: {
    schema: z.coerce.number().int().min(1),
    default: '10',
    doc: 'Login attempts for one account from one client IP per window; more lock that pair (not the account) for a window, doubling per lock in a row up to 24 h',
  },
  RATE_LIMIT_VERIFY_EMAIL_PER_IP: {
    schema: z.coerce.number().int().min(1),
    default: '20',
    doc: 'Email-verification and invitation-acceptance attempts per client IP per window',
  },
  RATE_LIMIT_PASSWORD_RESET_PER_IP: {
    schema: z.coerce.number().int().min(1),
    default: '10',
    doc: 'Password-reset requests and confirmations per client IP per window',
  },
  RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS: {
    schema: z.coerce.number().int().min(1),
    default: '3',
    doc: 'Password-reset mails per email address, verification-mail resends per account, and invitation resends per invited address, per window',
  },
  RATE_LIMIT_REGISTRATION_PER_IP: {
    schema: z.coerce.number().int().min(1),
    default: '10',
    doc: 'Registrations per client IP per window',
  },
  RATE_LIMIT_REGISTRATION_PER_ACCOUNT: {
    schema: z.coerce.number().int().min(1),
    default: '3',
    doc: 'Registration attempts per email address per window',
  },
  SMTP_URL: {
    schema: optionalUrl,
    secret: true,
    doc: 'smtp(s)://user:pass@host:port for outgoing mail; unset writes mail to <data dir>/outbox',
  },
  MAIL_FROM: {
    schema: nonEmpty,
    default: 'Luster <no-reply@luster.local>',
    doc: 'From header of every email the control plane sends',
  },
} as const satisfies Record<string, VariableSpec>;
