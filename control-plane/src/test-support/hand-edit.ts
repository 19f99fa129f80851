import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * What an SRE's push leaves on main of the bare repository at `gitDir`: a commit by someone else
 * changing one file, with `message`. Written with the git CLI's plumbing straight into the bare
 * repository (the control plane keeps no hooks there, so a push would do no more): a clone checks
 * out every tenant's folder to edit one file, 9 s on a busy machine. Returns the new main.
 */
export async function handEdit(
  gitDir: string,
  file: string,
  edit: (text: string) => string,
  message = `hand edit of ${path.basename(file)}`,
): Promise<string> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'luster-hand-edit-'));
  const env = {
    ...process.env,
    GIT_INDEX_FILE: path.join(work, 'index'),
    GIT_AUTHOR_NAME: 'SRE',
    GIT_AUTHOR_EMAIL: 'sre@example.test',
    GIT_COMMITTER_NAME: 'SRE',
    GIT_COMMITTER_EMAIL: 'sre@example.test',
  };
  const git = async (...args: string[]) =>
    (await run('git', ['--git-dir', gitDir, ...args], { env, maxBuffer: 64 * 1024 * 1024 })).stdout;
  try {
    const parent = (await git('rev-parse', 'main')).trim();
    const edited = path.join(work, 'edited');
    await writeFile(edited, edit(await git('cat-file', 'blob', `main:${file}`)));
    const blob = (await git('hash-object', '-w', edited)).trim();
    await git('read-tree', 'main');
    await git('update-index', '--cacheinfo', `100644,${blob},${file}`);
    const tree = (await git('write-tree')).trim();
    const commit = (await git('commit-tree', tree, '-p', parent, '-m', message)).trim();
    // Only over the main it read: a commit the server made meanwhile is not lost.
    await git('update-ref', 'refs/heads/main', commit, parent);
    return commit;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
