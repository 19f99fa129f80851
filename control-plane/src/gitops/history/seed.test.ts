import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGitopsRepo } from './seed.js';

const templateDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../gitops-repo-template',
);
const bot = { name: 'Luster', email: 'bot@luster.local' };

describe('seeding the GitOps repository', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'luster-seed-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('leaves an existing main alone, and refuses rather than re-seeds when main cannot be read', async () => {
    const gitdir = path.join(root, 'gitops.git');
    const first = await seedGitopsRepo({ gitdir, templateDir, bot });
    expect(first.created).toBe(true);
    expect(await seedGitopsRepo({ gitdir, templateDir, bot })).toEqual({ sha: first.sha, created: false });

    // A ref file that is not a sha is damage to look at, not "no main yet": seeding over it would
    // point main at a new root commit and drop the whole history from the branch.
    const ref = path.join(gitdir, 'refs', 'heads', 'main');
    await writeFile(ref, 'not a sha\n');
    await expect(seedGitopsRepo({ gitdir, templateDir, bot })).rejects.toThrow(
      /Unexpected content in ref file/,
    );
    expect(await readFile(ref, 'utf8')).toBe('not a sha\n');
  });
});
