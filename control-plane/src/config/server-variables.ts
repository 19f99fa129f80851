import { z } from 'zod';
import { nonEmpty, optionalUrl, port, trustProxy, type VariableSpec } from './atoms.js';

/** Where and how the control plane runs: listening, data, the first superadmin, logs, the HTTP edge. */
export const serverVariables = {
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
    schema: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a DNS label')
      // As for clusters added through the API: `--` ends the cluster in Argo CD Application names.
      .refine((name) => !name.includes('--'), 'must not hold two dashes in a row'),
    default: 'production',
    doc: 'Name of the first cluster, seeded on a start that finds none (tenants/<cluster>/ in the GitOps repo); later clusters are added through the API',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    doc: 'pino log level',
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
} as const satisfies Record<string, VariableSpec>;
