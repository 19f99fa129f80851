import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runGit } from '../git-cli.js';

/** Identity for commits the tests make with the git CLI (another pusher, the seed). */
export const cliIdentity = {
  GIT_AUTHOR_NAME: 'Other Pusher',
  GIT_AUTHOR_EMAIL: 'other@example.com',
  GIT_COMMITTER_NAME: 'Other Pusher',
  GIT_COMMITTER_EMAIL: 'other@example.com',
};

export interface TempRepo {
  root: string;
  gitdir: string;
  cleanup(): Promise<void>;
}

/** A few files outside `tenants/`, like the template, so tests can check they are never touched. */
export const seedFiles: Record<string, string> = {
  'clusters/prod/flux-system/gotk-sync.yaml': 'kind: GitRepository\n',
  'clusters/prod/tenants.yaml': 'kind: Kustomization\npath: ./tenants/prod\n',
  'infrastructure/controllers/ingress.yaml': 'kind: HelmRelease\n',
  'tenants/prod/README.md': 'Tenant folders are written by the control plane only.\n',
};

/**
 * A bare repository with one initial commit on `main`, made with the git CLI the way the seed does
 * (independent of the real seed so these tests do not depend on it).
 */
export async function createBareRepo(files: Record<string, string> = seedFiles): Promise<TempRepo> {
  const root = await mkdtemp(join(tmpdir(), 'luster-gitops-'));
  const work = join(root, 'seed-work');
  const gitdir = join(root, 'gitops.git');
  await runGit(['init', '-q', '-b', 'main', work]);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(work, path)), { recursive: true });
    await writeFile(join(work, path), content);
  }
  await runGit(['add', '-A'], { cwd: work });
  await runGit(['commit', '-q', '-m', 'Initial commit from the template'], { cwd: work, env: cliIdentity });
  await runGit(['clone', '-q', '--bare', work, gitdir]);
  await rm(work, { recursive: true, force: true });
  return { root, gitdir, cleanup: () => rm(root, { recursive: true, force: true }) };
}
