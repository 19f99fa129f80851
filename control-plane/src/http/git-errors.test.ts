import type { AddressInfo } from 'node:net';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BranchExistsError,
  BranchNotFoundError,
  CommitNotFoundError,
  ConcurrentUpdateError,
  HeadMovedError,
  PathConflictError,
  ProtectedBranchError,
  RefLockedError,
  RemoteRejectedError,
  RemoteUnavailableError,
} from '../gitops/errors.js';
import { runGit } from '../gitops/git-cli.js';
import { renderCommitMessage } from '../gitops/history/commit-message.js';
import { MassDeletionError } from '../gitops/history/folder-commit.js';
import { assertBranchName, assertTenantDir, tenantPathComponents } from '../gitops/paths.js';
import { assertCleanRemoteUrl, classifyRemoteError } from '../gitops/remote-auth.js';
import { formatError } from '../graphql/format-error.js';
import { createLogger } from '../logger.js';
import { errorMiddleware } from './error-middleware.js';

/** Each thrower fails the way the git adapter does: real checks and a real git process where one exists. */
const failures: [string, () => Promise<never>, number, string][] = [
  [
    'a tenant folder outside tenants/',
    async () => assertTenantDir('../etc') as never,
    400,
    'tenant_dir_invalid',
  ],
  ['a branch name git refuses', async () => assertBranchName('-rf') as never, 400, 'branch_name_invalid'],
  [
    'a file path that climbs out of the tenant folder',
    async () => tenantPathComponents('../../other-tenant/values.yaml') as never,
    400,
    'tenant_path_invalid',
  ],
  [
    'a commit message without its tenant',
    async () =>
      renderCommitMessage({ tenant: '', summary: 's', organizationId: 'o', requestedBy: 'r' }) as never,
    400,
    'commit_message_invalid',
  ],
  [
    'a head that moved',
    () =>
      Promise.reject(
        new HeadMovedError({ branch: 'main', expected: 'a'.repeat(40), actual: 'b'.repeat(40) }),
      ),
    409,
    'head_moved',
  ],
  [
    'a branch that exists',
    () => Promise.reject(new BranchExistsError({ branch: 'changes/1-x', sha: 'c'.repeat(40) })),
    409,
    'branch_exists',
  ],
  [
    'a file that must become a folder',
    () => Promise.reject(new PathConflictError({ path: 'values.yaml', reason: 'is a file, not a folder' })),
    409,
    'path_conflict',
  ],
  [
    'a branch that kept moving',
    () => Promise.reject(new ConcurrentUpdateError({ branch: 'main', attempts: 5 })),
    409,
    'concurrent_update',
  ],
  [
    'a ref locked by another process',
    () => Promise.reject(new RefLockedError({ ref: 'refs/heads/main', lockPath: 'refs/heads/main.lock' })),
    409,
    'ref_locked',
  ],
  [
    'a push the remote keeps rejecting',
    () =>
      Promise.reject(
        new RemoteRejectedError({
          remote: 'https://git.example',
          branch: 'main',
          detail: 'pre-receive hook',
        }),
      ),
    409,
    'remote_rejected',
  ],
  [
    'a commit removing too many tenant folders',
    () => Promise.reject(new MassDeletionError({ folders: ['a', 'b', 'c'], limit: 2 })),
    409,
    'mass_deletion_refused',
  ],
  [
    'deleting the default branch',
    () => Promise.reject(new ProtectedBranchError({ branch: 'main' })),
    403,
    'branch_protected',
  ],
  [
    'a missing branch',
    () => Promise.reject(new BranchNotFoundError({ branch: 'changes/9-y' })),
    404,
    'branch_not_found',
  ],
  [
    'a missing commit',
    () => Promise.reject(new CommitNotFoundError({ ref: 'deadbeef' })),
    404,
    'commit_not_found',
  ],
  [
    'a remote that is down',
    () =>
      Promise.reject(new RemoteUnavailableError({ remote: 'https://git.example', detail: 'ECONNREFUSED' })),
    503,
    'remote_unavailable',
  ],
  [
    'a remote nothing listens on, reached by a real git process',
    () =>
      runGit(['ls-remote', 'http://127.0.0.1:9/luster.git']).catch((error: unknown) =>
        Promise.reject(classifyRemoteError(error, 'http://127.0.0.1:9/luster.git')),
      ) as Promise<never>,
    503,
    'remote_unavailable',
  ],
  [
    'a remote URL carrying credentials',
    async () => assertCleanRemoteUrl('https://user:secret@git.example/luster.git') as never,
    503,
    'remote_auth_failed',
  ],
  [
    'the git CLI failing on a repository that is not there',
    async () => (await runGit(['rev-parse', 'HEAD'], { gitdir: '/nonexistent/luster.git' })) as never,
    503,
    'git_command_failed',
  ],
];

describe('a git failure at the edge', () => {
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      req.id = 'test-request';
      next();
    });
    failures.forEach(([, fail], i) => {
      app.get(`/fail/${i}`, () => fail());
    });
    app.use(errorMiddleware);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close?.());

  it.each(failures.map((f, i) => [f[0], i, f[2], f[3]] as const))(
    'answers %s with its status and code over REST, never 500',
    async (_what, i, status, code) => {
      const res = await fetch(`${url}/fail/${i}`);
      expect(res.status).toBe(status);
      expect((await res.json()).error).toMatchObject({ code, requestId: 'test-request' });
    },
  );

  it.each(failures.map((f) => [f[0], f[1], f[2], f[3]] as const))(
    'answers %s with the same code and status over GraphQL',
    async (_what, fail, status, code) => {
      const error = await fail().catch((e: unknown) => e);
      const format = formatError(createLogger('silent'));
      const formatted: GraphQLFormattedError = format({ message: 'x', extensions: {} }, error);
      expect(formatted.extensions).toMatchObject({ code, status });
    },
  );
});
