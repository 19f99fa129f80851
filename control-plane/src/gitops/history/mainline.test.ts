import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRepository } from '../object-store/repository.js';
import { createBareRepo, type TempRepo } from '../test-support/bare-repo.js';
import { bot, change, git } from '../test-support/changes.js';
import { AncestryCache } from './ancestry.js';
import { IsomorphicGitopsWriter } from './isomorphic-writer.js';
import { MainlineIndex } from './mainline.js';

let temp: TempRepo;
let writer: IsomorphicGitopsWriter;

beforeEach(async () => {
  temp = await createBareRepo();
  writer = new IsomorphicGitopsWriter({ repo: new GitRepository({ gitdir: temp.gitdir }), committer: bot });
});
afterEach(() => temp.cleanup());

/** What git itself says. */
async function gitSays(ancestor: string, descendant: string): Promise<boolean> {
  return git(temp.gitdir, 'merge-base', '--is-ancestor', ancestor, descendant).then(
    () => true,
    () => false,
  );
}

async function commits(n: number, slug = 'acme'): Promise<string[]> {
  const shas: string[] = [];
  for (let i = 0; i < n; i++) {
    shas.push(
      (await writer.applyChange(change(slug, { 'n.yaml': `n: ${i} ${Math.random()}\n` })))?.sha as string,
    );
  }
  return shas;
}

describe('MainlineIndex', () => {
  it('answers like git merge-base for every pair of commits on the chain', async () => {
    const chain = [(await writer.head()) as string, ...(await commits(12))];
    const index = new MainlineIndex(writer.repo, 'main');
    for (const a of chain) {
      for (const d of chain) expect(await index.isAncestor(a, d)).toBe(await gitSays(a, d));
    }
  });

  it('follows a fast-forward, also one made by another writer on the same repository', async () => {
    const index = new MainlineIndex(writer.repo, 'main');
    const [first] = await commits(1);
    expect(await index.isAncestor(first as string, (await writer.head()) as string)).toBe(true);
    const other = new IsomorphicGitopsWriter({
      repo: new GitRepository({ gitdir: temp.gitdir }),
      committer: bot,
    });
    const later = (await other.applyChange(change('globex', { 'g.yaml': 'g\n' })))?.sha as string;
    expect(await index.isAncestor(first as string, later)).toBe(true);
    expect(await index.isAncestor(later, first as string)).toBe(false);
  });

  it('cannot tell for commits off the chain; AncestryCache then asks git', async () => {
    const [base] = await commits(1);
    await writer.createBranch('changes/review', base as string);
    const onBranch = (
      await writer.applyChange(change('acme', { 'b.yaml': 'b\n' }, { branch: 'changes/review' }))
    )?.sha as string;
    const [onMain] = await commits(1);
    const index = new MainlineIndex(writer.repo, 'main');
    expect(await index.isAncestor(base as string, onBranch)).toBeUndefined();
    const ancestry = new AncestryCache(writer.repo);
    expect(await ancestry.isAncestor(base as string, onBranch)).toBe(true);
    expect(await ancestry.isAncestor(onBranch, onMain as string)).toBe(false);
    expect(await ancestry.isAncestor(base as string, onMain as string)).toBe(true);
  });

  it('renumbers when the branch is rewritten: a dropped commit is no longer an ancestor', async () => {
    const [kept, dropped] = await commits(2);
    const index = new MainlineIndex(writer.repo, 'main');
    expect(await index.isAncestor(dropped as string, (await writer.head()) as string)).toBe(true);
    // Someone resets main behind our back and commits anew on top of the older commit.
    await git(temp.gitdir, 'update-ref', 'refs/heads/main', kept as string);
    const [replacement] = await commits(1, 'globex');
    // Off the new chain: the index does not know it any more, and git says no.
    expect(await index.isAncestor(dropped as string, replacement as string)).toBeUndefined();
    expect(await new AncestryCache(writer.repo).isAncestor(dropped as string, replacement as string)).toBe(
      false,
    );
    expect(await index.isAncestor(kept as string, replacement as string)).toBe(true);
  });

  it('leaves commits older than its window to git', async () => {
    const chain = await commits(6);
    const index = new MainlineIndex(writer.repo, 'main', 3);
    expect(await index.isAncestor(chain[0] as string, chain[5] as string)).toBeUndefined();
    expect(await index.isAncestor(chain[3] as string, chain[5] as string)).toBe(true);
  });
});
