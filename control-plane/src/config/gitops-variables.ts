import { changeKinds } from '@luster/contract';
import { z } from 'zod';
import { nonEmpty, optionalUrl, type VariableSpec } from './atoms.js';

/** The GitOps repository, its commits and remote, review, Flux and Argo CD, sync. */
export const gitopsVariables = {
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
  GITOPS_TAKEOVER_SECONDS: {
    schema: z.coerce.number().int().min(0),
    default: '10',
    doc: 'With GITOPS_REMOTE_URL: how often a replica looks for changes a replica gone since (killed, its volume lost) committed and never pushed, and writes them again — every writer round looks too; 0 leaves it to the rounds',
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
} as const satisfies Record<string, VariableSpec>;
