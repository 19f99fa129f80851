import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../../../test/support/require-tool.js';
import { runGit } from '../gitops/git-cli.js';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

describe('with GIT_SIGNING_KEY configured', () => {
  let server: TestServer;
  let gnupgHome: string;

  beforeAll(async () => {
    gnupgHome = await mkdtemp(path.join(tmpdir(), 'luster-gnupg-'));
    const key = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: 'Luster', email: 'bot@luster.local' }],
      format: 'armored',
    });
    const keyFile = path.join(gnupgHome, 'signing.asc');
    await writeFile(keyFile, key.privateKey);
    await writeFile(path.join(gnupgHome, 'bot.asc'), key.publicKey);
    await new Promise<void>((resolve, reject) => {
      const gpg = spawn(
        requireTool('gpg'),
        ['--batch', '--quiet', '--import', path.join(gnupgHome, 'bot.asc')],
        {
          env: { ...process.env, GNUPGHOME: gnupgHome },
          stdio: 'ignore',
        },
      );
      gpg.on('error', reject);
      gpg.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`gpg --import exited ${code}`))));
    });
    // The key arrives as a mounted file, as a Kubernetes secret would (GIT_SIGNING_KEY_FILE).
    server = await startTestServer({ ...apiTestEnv, GIT_SIGNING_KEY_FILE: keyFile });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await rm(gnupgHome, { recursive: true, force: true });
  });

  it('signs the seed commit, so that Flux with spec.verify accepts a fresh repository', async () => {
    const gitdir = path.join(server.dataDir, 'gitops.git');
    const root = (await runGit(['rev-list', '--max-parents=0', 'main'], { gitdir })).stdout.trim();
    expect((await runGit(['log', '-1', '--format=%s', root], { gitdir })).stdout).toMatch(/^platform: seed/);
    const verify = await runGit(['verify-commit', '--raw', root], {
      gitdir,
      env: { GNUPGHOME: gnupgHome },
      okCodes: [0, 1],
    });
    expect(verify.stderr).toMatch(/GOODSIG/);
    expect(verify.code).toBe(0);
  });

  it("signs the commits of tenant changes so that git verify-commit accepts them with the bot's public key", async () => {
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Signed Site',
      email: 'owner@signed.test',
      password: 'a-long-enough-password',
    });
    expect(reg.status).toBe(201);
    const verify = await runGit(['verify-commit', '--raw', 'main'], {
      gitdir: path.join(server.dataDir, 'gitops.git'),
      env: { GNUPGHOME: gnupgHome },
      okCodes: [0, 1],
    });
    expect(verify.code).toBe(0);
    expect(verify.stderr).toMatch(/GOODSIG/);
    const subject = await runGit(['log', '-1', '--format=%s', 'main'], {
      gitdir: path.join(server.dataDir, 'gitops.git'),
    });
    expect(subject.stdout.trim()).toMatch(/^tenant\(signed-site\): /);
  });

  it('refuses to start with something that is not a private key', async () => {
    await expect(startTestServer({ GIT_SIGNING_KEY: 'not a key' })).rejects.toThrow(/GIT_SIGNING_KEY/);
  });
});
