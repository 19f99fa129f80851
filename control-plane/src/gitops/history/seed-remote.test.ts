import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client, git } from '../../test-support/api-client.js';
import { startTestServer, type TestServer } from '../../test-support/server.js';
import { runGit } from '../git-cli.js';
import { type HttpGitRemote, startPlatformRemote } from '../test-support/http-remote.js';

const TOKEN = 'remote-token-for-seed-tests';

describe('a control plane pointed at a remote that already has history', () => {
  let root: string;
  let remote: HttpGitRemote;
  let remoteHead: string;
  let server: TestServer;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'luster-seed-remote-'));
    remote = await startPlatformRemote(root, TOKEN);
    remoteHead = (await runGit(['rev-parse', 'main'], { gitdir: remote.gitdir })).stdout.trim();
    server = await startTestServer({
      ...apiTestEnv,
      GITOPS_REMOTE_URL: remote.url,
      GITOPS_REMOTE_TOKEN: TOKEN,
      RECONCILE_INTERVAL_SECONDS: '0',
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await remote?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('starts from the remote main instead of a second root commit', async () => {
    expect((await git(server, 'rev-parse', 'main')).trim()).toBe(remoteHead);
    expect((await git(server, 'rev-list', '--max-parents=0', 'main')).trim()).toBe(remoteHead);
  });

  it('pushes tenant commits on top of the remote history', async () => {
    const res = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Remote Seeded',
      email: 'owner@remote.test',
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(201);
    await server.services.delivery.idle();
    const pushed = (await runGit(['log', '--format=%s', 'main'], { gitdir: remote.gitdir })).stdout
      .trim()
      .split('\n');
    expect(pushed).toEqual([expect.stringMatching(/^tenant\(remote-seeded\): /), 'platform: bootstrap']);
  });

  it('refuses to start with a token the remote rejects, naming the failure', async () => {
    await expect(
      startTestServer({
        ...apiTestEnv,
        GITOPS_REMOTE_URL: remote.url,
        GITOPS_REMOTE_TOKEN: 'wrong-token-0123456789',
      }),
    ).rejects.toMatchObject({ code: 'remote_auth_failed' });
  });
});
