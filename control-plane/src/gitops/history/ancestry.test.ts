import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommitNotFoundError } from '../errors.js';
import { GitRepository } from '../object-store/repository.js';
import { createBareRepo, type TempRepo } from '../test-support/bare-repo.js';
import { bot, change } from '../test-support/changes.js';
import { AncestryCache } from './ancestry.js';
import { IsomorphicGitopsWriter } from './isomorphic-writer.js';

/** The real repository, with one read of a commit failing as the test arms it (a disk error, a pruned object). */
class FlakyRepository extends GitRepository {
  failure: unknown;

  override async readCommit(sha: string) {
    const failure = this.failure;
    this.failure = undefined;
    if (failure) throw failure;
    return super.readCommit(sha);
  }
}

let temp: TempRepo;
let writer: IsomorphicGitopsWriter;
let repo: FlakyRepository;

beforeEach(async () => {
  temp = await createBareRepo();
  writer = new IsomorphicGitopsWriter({ repo: new GitRepository({ gitdir: temp.gitdir }), committer: bot });
  repo = new FlakyRepository({ gitdir: temp.gitdir });
});
afterEach(() => temp.cleanup());

/** Two commits on main, the index built on the first, then a fast-forward it must walk to the second. */
async function fastForward(ancestry: AncestryCache) {
  const seed = (await writer.head()) as string;
  const first = (await writer.applyChange(change('acme', { 'a.yaml': '1\n' })))?.sha as string;
  expect(await ancestry.isAncestor(seed, first)).toBe(true);
  const second = (await writer.applyChange(change('acme', { 'a.yaml': '2\n' })))?.sha as string;
  return { first, second };
}

describe('AncestryCache', () => {
  it('asks git when the chain index meets a commit that is not there', async () => {
    const ancestry = new AncestryCache(repo);
    const { first, second } = await fastForward(ancestry);
    repo.failure = new CommitNotFoundError({ ref: second });
    expect(await ancestry.isAncestor(first, second)).toBe(true);
  });

  it('fails on any other error reading the chain, instead of taking it for "cannot tell"', async () => {
    const ancestry = new AncestryCache(repo);
    const { first, second } = await fastForward(ancestry);
    const io = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    repo.failure = io;
    await expect(ancestry.isAncestor(first, second)).rejects.toBe(io);
  });
});
