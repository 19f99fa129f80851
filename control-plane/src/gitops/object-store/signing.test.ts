import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../../../../test/support/require-tool.js';
import { runGit } from '../git-cli.js';
import { IsomorphicGitopsWriter } from '../history/isomorphic-writer.js';
import { createBareRepo, type TempRepo } from '../test-support/bare-repo.js';
import { bot, change } from '../test-support/changes.js';
import { GitRepository } from './repository.js';
import { createOpenPgpSigner } from './signing.js';

let temp: TempRepo;
let gnupgHome: string;
let armoredPrivateKey: string;

/** `git verify-commit` against a keyring that holds only the control plane's public key. */
function verify(sha: string) {
  return runGit(['verify-commit', '--raw', sha], {
    gitdir: temp.gitdir,
    env: { GNUPGHOME: gnupgHome },
    okCodes: [0, 1],
  });
}

beforeAll(async () => {
  temp = await createBareRepo();
  gnupgHome = await mkdtemp(join(tmpdir(), 'luster-gnupg-'));
  // v4 ed25519 key: what gpg 2.2 (and Flux's verifier) understand.
  const key = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name: bot.name, email: bot.email }],
    format: 'armored',
  });
  armoredPrivateKey = key.privateKey;
  await writeFile(join(gnupgHome, 'bot.asc'), key.publicKey);
  await new Promise<void>((resolve, reject) => {
    const gpg = spawn(requireTool('gpg'), ['--batch', '--quiet', '--import', join(gnupgHome, 'bot.asc')], {
      env: { ...process.env, GNUPGHOME: gnupgHome },
      stdio: 'ignore',
    });
    gpg.on('error', reject);
    gpg.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`gpg --import exited ${code}`))));
  });
});
afterAll(async () => {
  await temp.cleanup();
  await rm(gnupgHome, { recursive: true, force: true });
});

describe('signed commits', () => {
  it('are verified by git verify-commit with the public key', async () => {
    const writer = new IsomorphicGitopsWriter({
      repo: new GitRepository({ gitdir: temp.gitdir }),
      committer: bot,
      signer: await createOpenPgpSigner({ armoredPrivateKey }),
    });
    const result = await writer.applyChange(
      change(
        'acme',
        { 'a.yaml': 'a\n' },
        { message: { body: 'Signed.\n\nTwo paragraphs.', reason: 'audit' } },
      ),
    );
    const { code, stderr } = await verify(result?.sha as string);
    expect(stderr).toContain('[GNUPG:] GOODSIG');
    expect(code).toBe(0);
    expect((await writer.commitInfo(result?.sha as string)).signed).toBe(true);
    await runGit(['fsck', '--strict', '--no-dangling'], { gitdir: temp.gitdir });
  });

  it('fail verification when unsigned, so Flux would refuse them', async () => {
    const writer = new IsomorphicGitopsWriter({
      repo: new GitRepository({ gitdir: temp.gitdir }),
      committer: bot,
    });
    const result = await writer.applyChange(change('globex', { 'a.yaml': 'a\n' }));
    expect((await verify(result?.sha as string)).code).toBe(1);
  });

  it('refuse an encrypted key without its passphrase at start-up', async () => {
    const encrypted = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: 'x' }],
      passphrase: 'secret',
      format: 'armored',
    });
    await expect(createOpenPgpSigner({ armoredPrivateKey: encrypted.privateKey })).rejects.toThrow(
      /passphrase/,
    );
    await expect(
      createOpenPgpSigner({ armoredPrivateKey: encrypted.privateKey, passphrase: 'secret' }),
    ).resolves.toBeTypeOf('function');
  });
});
