import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { changeKinds } from '@luster/contract';
import { z } from 'zod';

/**
 * The one typed configuration of the control plane (STYLE §7): a defaults table,
 * the environment on top, and `<NAME>_FILE` for every secret so that values can
 * come from mounted files instead of the process environment. Parsed once at
 * start-up; a bad value stops the process with the variable's name.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v));
// 0 asks the kernel for a free port (tests; printed at start-up).
const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z.url().optional();
const nonEmpty = z.string().min(1);
/** proxy-addr's names for address ranges, accepted in a TRUST_PROXY list as Express accepts them. */
const proxyRanges = ['loopback', 'linklocal', 'uniquelocal'];
function isProxyAddress(entry: string): boolean {
  if (proxyRanges.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
/**
 * Express's 'trust proxy' as a value it cannot misread: `true` was "trust every hop", which let a
 * client choose its own address by prepending to X-Forwarded-For; here it means one hop (the
 * proxy in front of us). A number is a hop count; a list names the proxies' addresses or CIDRs.
 */
const trustProxy = z.string().transform((raw, ctx): false | number | string[] => {
  const value = raw.trim();
  if (['false', 'no', '0'].includes(value)) return false;
  if (['true', 'yes'].includes(value)) return 1;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.every(isProxyAddress)) return entries;
  ctx.addIssue({
    code: 'custom',
    message:
      'must be true, false, a hop count, or comma-separated proxy addresses/CIDRs (loopback, linklocal, uniquelocal allowed)',
  });
  return z.NEVER;
});

/** Every variable, its parser and its default. Secrets are marked so `<NAME>_FILE` works for them. */
export const configVariables = {
  PORT: { schema: port, default: '8080', doc: 'HTTP port the control plane listens on' },
  HOST: { schema: nonEmpty, default: '0.0.0.0', doc: 'Interface to bind' },
  PUBLIC_URL: {
    schema: optionalUrl,
    doc: 'URL people and Flux reach the control plane at (default http://127.0.0.1:<PORT>); only an https URL sends HSTS and CSP upgrade-insecure-requests',
  },
  LUSTER_DATA_DIR: {
    schema: nonEmpty,
    default: './.luster',
    doc: 'Data directory: embedded database, GitOps repo, mail outbox',
  },
  DATABASE_URL: {
    schema: optionalUrl,
    secret: true,
    doc: 'PostgreSQL URL; unset starts an embedded PostgreSQL under the data directory',
  },
  LUSTER_ADMIN_EMAIL: {
    schema: z.email(),
    default: 'admin@luster.local',
    doc: 'Email of the first superadmin, seeded on first start',
  },
  LUSTER_ADMIN_PASSWORD: {
    schema: z.string().min(12, 'must be at least 12 characters').optional(),
    secret: true,
    doc: 'Password of the first superadmin; unset generates one, printed on first start and kept (0600) in `<data dir>/initial-admin-password` until changed',
  },
  LUSTER_BASE_DOMAIN: {
    schema: z
      .string()
      .regex(
        /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
        'must be a DNS name',
      ),
    default: 'luster.localhost',
    doc: 'Tenants get <slug>.<base domain>',
  },
  LUSTER_CLUSTER: {
    schema: z.string().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a DNS label'),
    default: 'production',
    doc: 'Cluster new tenants are assigned to (tenants/<cluster>/ in the GitOps repo)',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    doc: 'pino log level',
  },
  JWT_SECRET: {
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
    secret: true,
    doc: 'HMAC key for access tokens; unset generates one kept in the data directory',
  },
  GITOPS_READ_TOKEN: {
    schema: z.string().min(16, 'must be at least 16 characters').optional(),
    secret: true,
    doc: 'Password (any username) of HTTP basic auth to read /git; unset generates one kept in the data directory',
  },
  GIT_BOT_NAME: { schema: nonEmpty, default: 'Luster', doc: 'Committer name of the control plane' },
  GITOPS_PACK_EVERY_COMMITS: {
    schema: z.coerce.number().int().min(1),
    default: '100',
    doc: 'Pack the loose objects isomorphic-git writes after this many commits (in the background)',
  },
  GIT_SIGNING_KEY: {
    schema: z
      .string()
      .includes('BEGIN PGP PRIVATE KEY BLOCK', { message: 'must be an ASCII-armored OpenPGP private key' })
      .optional(),
    secret: true,
    doc: 'Armored OpenPGP private key: every commit is signed, for Flux GitRepository.spec.verify',
  },
  GIT_SIGNING_KEY_PASSPHRASE: {
    schema: z.string().optional(),
    secret: true,
    doc: 'Passphrase of GIT_SIGNING_KEY, when it is encrypted',
  },
  GIT_BOT_EMAIL: {
    schema: z.email(),
    default: 'bot@luster.local',
    doc: 'Committer email of the control plane',
  },
  SHUTDOWN_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(0).max(600_000),
    default: '10000',
    doc: 'How long SIGTERM waits for in-flight requests and git writes',
  },
  GRAPHQL_INTROSPECTION: {
    schema: z.enum(['anyone', 'signed-in']).optional(),
    doc: 'Who may read the GraphQL schema by introspection: anyone, or signed-in callers; unset: signed-in when NODE_ENV=production, else anyone',
  },
  REQUEST_BODY_LIMIT: { schema: nonEmpty, default: '1mb', doc: 'Largest JSON body accepted' },
  TRUST_PROXY: {
    schema: trustProxy,
    default: 'false',
    doc: "Which X-Forwarded-For hops to believe: false, true (= 1: one reverse proxy in front), a hop count, or the proxies' addresses/CIDRs (10.0.0.0/8,loopback); the client IP is the first untrusted hop from the right",
  },
  METRICS_TOKEN: {
    schema: z.string().min(16, 'must be at least 16 characters').optional(),
    secret: true,
    doc: 'Bearer token Prometheus sends to /metrics; unset, /metrics answers only requests from loopback that came through no proxy',
  },
  FLUX_WEBHOOK_TOKEN: {
    schema: z.string().min(16, 'must be at least 16 characters').optional(),
    secret: true,
    doc: 'HMAC key of the Flux generic-hmac Provider posting to /hooks/flux; unset disables the hook',
  },
  ARGOCD_WEBHOOK_TOKEN: {
    schema: z.string().min(16, 'must be at least 16 characters').optional(),
    secret: true,
    doc: 'Shared secret Argo CD notifications send in X-Luster-Token to /hooks/argocd; unset disables the hook',
  },
  FLUX_RECEIVER_URL: {
    schema: optionalUrl,
    doc: "The Flux Receiver's URL (its status.webhookPath on the receiver host): called after each commit so Flux pulls at once",
  },
  FLUX_RECEIVER_TOKEN: {
    schema: z.string().min(16, 'must be at least 16 characters').optional(),
    secret: true,
    doc: 'HMAC key of the Flux Receiver (the token of its Secret)',
  },
  CHANGE_REVIEW_KINDS: {
    schema: z
      .string()
      .regex(/^[a-z_]+(,[a-z_]+)*$|^$/, 'must be a comma-separated list of change kinds')
      .transform((v) => [...new Set(v.split(',').filter(Boolean))])
      .refine((kinds) => kinds.every((k) => (changeKinds as readonly string[]).includes(k)), {
        message: `every kind must be one of ${changeKinds.join(', ')}`,
      }),
    default: 'purge,bulk_delete',
    doc: 'Change kinds committed on a review branch and merged after approval; purge and bulk_delete are reviewed even when left out (changes/README.md)',
  },
  CHANGE_MAX_FOLDER_REMOVALS: {
    schema: z.coerce.number().int().min(0),
    default: '3',
    doc: 'A commit removing more tenant folders is refused unless it is a bulk_delete approved by two different superadmins',
  },
  RECONCILE_INTERVAL_SECONDS: {
    schema: z.coerce.number().int().min(0),
    default: '300',
    doc: 'Period of the reconcile pass (commit what the DB has and git lacks, report hand edits as drift); 0 turns it off',
  },
  GITOPS_REMOTE_URL: {
    schema: optionalUrl,
    doc: 'HTTPS URL of the GitOps remote; set, every commit to main is pushed there (batched, retried) and review branches too',
  },
  GITOPS_REMOTE_TOKEN: {
    schema: z.string().min(1).optional(),
    secret: true,
    doc: 'Token for GITOPS_REMOTE_URL (sent in an Authorization header, never in the URL)',
  },
  GITHUB_API_URL: {
    schema: z.url(),
    default: 'https://api.github.com',
    doc: 'GitHub REST API base (GitHub Enterprise: https://<host>/api/v3)',
  },
  GITHUB_REPOSITORY: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be owner/name')
      .optional(),
    doc: 'owner/name of the GitOps repository on GitHub; set (with GITHUB_TOKEN and GITOPS_REMOTE_URL), reviewed changes become pull requests',
  },
  GITHUB_TOKEN: {
    schema: z.string().min(1).optional(),
    secret: true,
    doc: 'GitHub token allowed to open and close pull requests on GITHUB_REPOSITORY and read their reviews',
  },
  GITHUB_LOGINS: {
    schema: z
      .string()
      .regex(
        /^[A-Za-z0-9-]+=[^\s,=]+@[^\s,=]+(,[A-Za-z0-9-]+=[^\s,=]+@[^\s,=]+)*$/,
        'must be login=email pairs, comma-separated',
      )
      // GitHub logins and email addresses compare case-insensitively.
      .transform(
        (v) => new Map(v.split(',').map((pair) => pair.toLowerCase().split('=') as [string, string])),
      )
      .optional(),
    doc: "GitHub logins of the people who review on GitHub, as login=email pairs naming their Luster account: a pull request's merger or approving reviewers count as approvals only when listed here, allowed to approve and not the requester; required with GITHUB_REPOSITORY",
  },
  GITHUB_WEBHOOK_SECRET: {
    schema: z.string().min(16, 'must be at least 16 characters').optional(),
    secret: true,
    doc: 'Secret of the pull_request webhook posting to /hooks/github (X-Hub-Signature-256); unset disables the hook',
  },
  SYNC_STALE_AFTER_SECONDS: {
    schema: z.coerce.number().int().min(10),
    default: '900',
    doc: 'A committed change with no report from the cluster after this long shows as Stale',
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
  PASSWORD_SCRYPT_LOG2_COST: {
    schema: z.coerce.number().int().min(10).max(20),
    default: '15',
    doc: 'scrypt cost of new password hashes as log2(N); existing hashes keep their own',
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
    doc: 'Password-reset mails per email address, and verification-mail resends per account, per window',
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
  S3_ENDPOINT: {
    schema: optionalUrl,
    doc: 'S3 API endpoint (MinIO, AWS S3, Cloudflare R2 — README); unset runs an embedded S3 under the data directory behind a signature-verifying gateway',
  },
  S3_REGION: {
    schema: nonEmpty,
    default: 'us-east-1',
    doc: 'Region the S3 requests are signed for (R2: auto)',
  },
  S3_ACCESS_KEY_ID: {
    schema: z.string().min(1).optional(),
    secret: true,
    doc: 'Access key of S3_ENDPOINT; required with it (embedded: generated once, kept in the data directory)',
  },
  S3_SECRET_ACCESS_KEY: {
    schema: z.string().min(1).optional(),
    secret: true,
    doc: 'Secret key of S3_ACCESS_KEY_ID; required with it',
  },
  S3_FORCE_PATH_STYLE: {
    schema: bool,
    default: 'false',
    doc: 'Address buckets as <endpoint>/<bucket> instead of <bucket>.<endpoint> (MinIO: true); the embedded S3 always does',
  },
  S3_BUCKET_PREFIX: {
    schema: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,18}-$/, 'must be lowercase letters, digits and dashes ending in a dash')
      .optional(),
    doc: 'Put before every bucket name (org-<slug>-media, system-media), so several platforms can share one S3 account',
  },
  MEDIA_PUBLIC_BASE_URL: {
    schema: optionalUrl,
    doc: 'Base URL of a CDN in front of public media (<base>/<bucket>/<key>); unset, every media link is a presigned GET',
  },
  MEDIA_MAX_UPLOAD_BYTES: {
    schema: z.coerce.number().int().min(1),
    default: '104857600',
    doc: 'Largest single media upload, in bytes (100 MiB); the presigned URL is bound to the declared size',
  },
  S3_EMBEDDED_PORT: {
    schema: port,
    default: '9000',
    doc: 'Port of the embedded S3 gateway (bound to HOST, so browsers upload to it directly); ignored when S3_ENDPOINT is set',
  },
} as const satisfies Record<string, VariableSpec>;

interface VariableSpec {
  schema: z.ZodType;
  default?: string;
  secret?: boolean;
  doc: string;
}

type Variables = typeof configVariables;
type RawConfig = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

export interface Config extends RawConfig {
  dataDir: string;
  publicUrl: string;
  /** GRAPHQL_INTROSPECTION, its default resolved from NODE_ENV. */
  graphqlIntrospection: 'anyone' | 'signed-in';
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function rawValue(name: string, spec: VariableSpec, env: NodeJS.ProcessEnv): string | undefined {
  const fileVar = `${name}_FILE`;
  if (spec.secret && env[fileVar]) {
    try {
      return readFileSync(env[fileVar], 'utf8').trim();
    } catch (error) {
      throw new ConfigError([
        { variable: fileVar, message: `cannot read ${env[fileVar]}: ${(error as Error).message}` },
      ]);
    }
  }
  const value = env[name];
  return value === undefined || value === '' ? spec.default : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: { variable: string; message: string }[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(configVariables) as [string, VariableSpec][]) {
    const raw = rawValue(name, spec, env);
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else {
      const shown = spec.secret ? '' : ` (got ${JSON.stringify(raw)})`;
      problems.push({ variable: name, message: `${parsed.error.issues[0]?.message}${shown}` });
    }
  }
  if (problems.length === 0) problems.push(...crossChecks(values as RawConfig));
  if (problems.length > 0) throw new ConfigError(problems);
  const raw = values as RawConfig;
  return {
    ...raw,
    dataDir: path.resolve(raw.LUSTER_DATA_DIR),
    publicUrl: (raw.PUBLIC_URL ?? `http://127.0.0.1:${raw.PORT}`).replace(/\/$/, ''),
    graphqlIntrospection:
      raw.GRAPHQL_INTROSPECTION ?? (env.NODE_ENV === 'production' ? 'signed-in' : 'anyone'),
  };
}

/** Settings that only make sense together. */
function crossChecks(raw: RawConfig): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  if (raw.GITHUB_REPOSITORY && !raw.GITHUB_TOKEN) {
    problems.push({ variable: 'GITHUB_TOKEN', message: 'is required when GITHUB_REPOSITORY is set' });
  }
  if (raw.GITHUB_REPOSITORY && !raw.GITOPS_REMOTE_URL) {
    problems.push({
      variable: 'GITOPS_REMOTE_URL',
      message: 'is required when GITHUB_REPOSITORY is set (review branches are pushed there)',
    });
  }
  if (raw.GITHUB_REPOSITORY && !raw.GITHUB_LOGINS) {
    problems.push({
      variable: 'GITHUB_LOGINS',
      message: 'is required when GITHUB_REPOSITORY is set (without it no merge on GitHub counts as approval)',
    });
  }
  if (raw.FLUX_RECEIVER_URL && !raw.FLUX_RECEIVER_TOKEN) {
    problems.push({ variable: 'FLUX_RECEIVER_TOKEN', message: 'is required when FLUX_RECEIVER_URL is set' });
  }
  if (raw.S3_ENDPOINT && !(raw.S3_ACCESS_KEY_ID && raw.S3_SECRET_ACCESS_KEY)) {
    problems.push({
      variable: raw.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID',
      message: 'is required when S3_ENDPOINT is set',
    });
  }
  if (!raw.S3_ENDPOINT && (raw.S3_ACCESS_KEY_ID || raw.S3_SECRET_ACCESS_KEY)) {
    problems.push({
      variable: 'S3_ENDPOINT',
      message: 'is required when S3 keys are set (without it the embedded S3 uses its own)',
    });
  }
  return problems;
}
