import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server.js';
import { loadGitReadToken } from './read-token.js';

const run = promisify(execFile);
// A refused clone must fail, not wait at a password prompt.
const noPrompt = { env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '' } };
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('the /git read token', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'luster-read-token-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('is generated once, kept 0600 in the data directory and reused on the next start', async () => {
    const dataDir = path.join(work, 'data');
    const first = loadGitReadToken({ dataDir, GITOPS_READ_TOKEN: undefined });
    expect(first.source).toBe('generated');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.file).toBe(path.join(dataDir, 'git-read-token'));
    expect((await readFile(first.file, 'utf8')).trim()).toBe(first.token);
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    expect(loadGitReadToken({ dataDir, GITOPS_READ_TOKEN: undefined })).toEqual({
      ...first,
      source: 'file',
    });
  });

  it('is GITOPS_READ_TOKEN when set, and then nothing is written', async () => {
    const dataDir = path.join(work, 'configured');
    const read = loadGitReadToken({ dataDir, GITOPS_READ_TOKEN: 'a-configured-read-token' });
    expect(read).toMatchObject({ token: 'a-configured-read-token', source: 'config' });
    await expect(stat(read.file)).rejects.toThrow(/ENOENT/);
  });

  describe('on a running control plane', () => {
    let server: TestServer;
    const token = 'the-read-token-of-this-test';
    beforeAll(async () => {
      server = await startTestServer({ GITOPS_READ_TOKEN: token });
    });
    afterAll(() => server?.close());

    it.each([
      ['no credential', undefined, 'git_auth_required'],
      ['a wrong token', basic('luster', `${token}x`), 'git_auth_invalid'],
      ['a prefix of the token', basic('luster', token.slice(0, -1)), 'git_auth_invalid'],
      ['the token as username', basic(token, ''), 'git_auth_invalid'],
      ['a bearer token', `Bearer ${token}`, 'git_auth_required'],
    ])('answers %s with 401, a Basic challenge and a code', async (_name, authorization, code) => {
      const res = await fetch(`${server.url}/git/gitops.git/info/refs?service=git-upload-pack`, {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="luster-gitops"');
      expect((await res.json()).error.code).toBe(code);
    });

    it('asks for the credential before anything else, even for a repository that does not exist', async () => {
      const res = await fetch(`${server.url}/git/other.git/info/refs?service=git-upload-pack`);
      expect(res.status).toBe(401);
    });

    it('refuses a git clone without the token and lets one with it in, whatever the username', async () => {
      await expect(
        run('git', ['clone', '-q', `${server.url}/git/gitops.git`, path.join(work, 'anonymous')], noPrompt),
      ).rejects.toThrow(/Authentication failed|401|could not read Username/);
      const url = new URL(`${server.url}/git/gitops.git`);
      url.username = 'flux';
      url.password = token;
      await run('git', ['clone', '-q', url.toString(), path.join(work, 'flux')], noPrompt);
      const { stdout } = await run('git', ['-C', path.join(work, 'flux'), 'log', '--format=%s']);
      expect(stdout).toContain('platform: seed the GitOps repository');
    });

    it('takes the token from an http.extraHeader as well', async () => {
      await run(
        'git',
        [
          '-c',
          `http.extraHeader=Authorization: ${basic('x', token)}`,
          'clone',
          '-q',
          `${server.url}/git/gitops.git`,
          path.join(work, 'header'),
        ],
        noPrompt,
      );
    });
  });
});
