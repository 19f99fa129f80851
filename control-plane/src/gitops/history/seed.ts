import fs from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import git, { type TreeEntry } from 'isomorphic-git';
import { runGit } from '../git-cli.js';
import { buildCommit } from '../object-store/commit-object.js';
import { encodeTree, hashObject } from '../object-store/object-codec.js';
import { type PackObject, writePack } from '../object-store/pack-writer.js';
import { readRef } from '../object-store/refs.js';
import type { CommitSigner } from '../object-store/signing.js';
import {
  assertCleanRemoteUrl,
  classifyRemoteError,
  displayUrl,
  type RemoteCredentials,
  remoteGitEnv,
} from '../remote-auth.js';

export interface Identity {
  name: string;
  email: string;
}

export interface SeedResult {
  /** The sha of `main` after seeding; `created` says whether this call made it. */
  sha: string;
  created: boolean;
  /** Where `main` came from when this call created it. */
  source?: 'template' | 'remote';
}

/**
 * The template folder as git objects, gathered in `objects` (stored as one pack by the caller);
 * returns the folder's tree oid. One pack instead of a loose file per object: the template's ~640
 * objects through isomorphic-git's encoder were seconds of every first start (and of every test
 * server's start).
 */
async function gatherDirTree(dir: string, objects: PackObject[]): Promise<string> {
  const names = await readdir(dir);
  const found = await Promise.all(
    names.map(async (name): Promise<TreeEntry | undefined> => {
      const full = path.join(dir, name);
      const info = await stat(full);
      if (info.isDirectory())
        return { mode: '040000', path: name, oid: await gatherDirTree(full, objects), type: 'tree' };
      if (!info.isFile()) return undefined;
      const content = await readFile(full);
      const oid = hashObject('blob', content);
      objects.push({ type: 'blob', oid, content });
      return { mode: info.mode & 0o111 ? '100755' : '100644', path: name, oid, type: 'blob' };
    }),
  );
  // encodeTree puts the entries in git's order, whatever order they were read in.
  const entries = found.filter((entry) => entry !== undefined);
  const content = encodeTree(entries);
  const oid = hashObject('tree', content);
  objects.push({ type: 'tree', oid, content });
  return oid;
}

/**
 * Creates the bare GitOps repository on first start and commits the template as
 * the first commit of `main`, authored and committed by the control plane's bot.
 * Safe to call on every start: an existing `main` is left untouched.
 *
 * Signed like every later commit when a signer is given: with Flux's `spec.verify` on, an unsigned
 * seed is a HEAD Flux refuses, so not even the infrastructure would be applied before the first
 * tenant commit.
 */
export async function seedGitopsRepo(input: {
  gitdir: string;
  templateDir: string;
  bot: Identity;
  now?: Date;
  /**
   * The production remote (GITOPS_REMOTE_URL). When it already has a `main`, the local repository
   * starts from it, so local commits build on the remote's history instead of a second root.
   */
  remote?: { url: string; credentials?: RemoteCredentials };
  /** Signs the seed commit (GIT_SIGNING_KEY). @default unsigned */
  signer?: CommitSigner | undefined;
}): Promise<SeedResult> {
  const { gitdir, templateDir, bot } = input;
  // Only a missing main means "seed": an unreadable or damaged ref is thrown, never seeded over.
  const existing = await readRef(gitdir, 'refs/heads/main');
  if (existing) return { sha: existing, created: false };

  await git.init({ fs, gitdir, bare: true, defaultBranch: 'main' });
  // Served read-only over smart HTTP: refuse pushes even if a proxy sets REMOTE_USER.
  await git.setConfig({ fs, gitdir, path: 'http.receivepack', value: false });
  await git.setConfig({ fs, gitdir, path: 'http.uploadpack', value: true });
  if (input.remote) {
    const fromRemote = await fetchRemoteMain(gitdir, input.remote);
    if (fromRemote) return { sha: fromRemote, created: true, source: 'remote' };
  }
  const objects: PackObject[] = [];
  const tree = await gatherDirTree(templateDir, objects);
  await writePack(gitdir, objects);
  const commit = await buildCommit(
    {
      tree,
      parents: [],
      author: bot,
      committer: bot,
      message:
        'platform: seed the GitOps repository from gitops-repo-template\n\nCreated by the Luster control plane on first start.\n',
      ...(input.now ? { time: input.now } : {}),
    },
    input.signer,
  );
  const sha = await git.writeCommit({ fs, gitdir, commit });
  await git.writeRef({ fs, gitdir, ref: 'refs/heads/main', value: sha });
  return { sha, created: true, source: 'template' };
}

/** Fetches the remote's `main` into the new repository; `null` when the remote has none yet. */
async function fetchRemoteMain(
  gitdir: string,
  remote: { url: string; credentials?: RemoteCredentials },
): Promise<string | null> {
  assertCleanRemoteUrl(remote.url);
  const env = remoteGitEnv(remote.url, remote.credentials);
  const heads = await runGit(['ls-remote', '--heads', remote.url, 'main'], { gitdir, env }).catch((error) => {
    throw classifyRemoteError(error, displayUrl(remote.url));
  });
  if (!heads.stdout.trim()) return null;
  await runGit(['fetch', '-q', remote.url, '+refs/heads/main:refs/heads/main'], { gitdir, env }).catch(
    (error) => {
      throw classifyRemoteError(error, displayUrl(remote.url));
    },
  );
  return git.resolveRef({ fs, gitdir, ref: 'refs/heads/main' });
}
