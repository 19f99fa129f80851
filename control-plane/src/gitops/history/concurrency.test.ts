import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRepository } from '../object-store/repository.js';
import { createBareRepo, type TempRepo } from '../test-support/bare-repo.js';
import { bot, change, git } from '../test-support/changes.js';
import { IsomorphicGitopsWriter } from './isomorphic-writer.js';

let temp: TempRepo;

beforeEach(async () => {
  temp = await createBareRepo();
});
afterEach(() => temp.cleanup());

/**
 * Two writers with their own repository handles (so no shared in-process lock) race on `main`,
 * like two replicas on one volume: only the ref's compare-and-swap keeps them from losing commits.
 */
describe('concurrent writers', () => {
  it('land 2 × 50 changes as 100 commits in a linear history, none lost', async () => {
    const writers = [0, 1].map(
      () => new IsomorphicGitopsWriter({ repo: new GitRepository({ gitdir: temp.gitdir }), committer: bot }),
    );
    const slugs = ['acme', 'globex'];
    const results = await Promise.all(
      writers.map(async (writer, w) => {
        const shas: string[] = [];
        for (let i = 0; i < 50; i++) {
          const result = await writer.applyChange(
            change(slugs[w] as string, { 'state.yaml': `revision: ${i}\n` }),
          );
          shas.push(result?.sha as string);
        }
        return shas;
      }),
    );

    expect((await git(temp.gitdir, 'rev-list', '--count', 'main')).trim()).toBe('101');
    expect(await git(temp.gitdir, 'rev-list', '--merges', 'main')).toBe('');
    const firstParent = (await git(temp.gitdir, 'rev-list', '--first-parent', 'main')).trim().split('\n');
    expect(firstParent).toHaveLength(101);
    // Every returned sha is on main, each writer's commits in its own order.
    for (const shas of results) {
      const positions = shas.map((sha) => firstParent.indexOf(sha));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => b - a)).toEqual(positions);
    }
    expect(await git(temp.gitdir, 'show', 'main:tenants/prod/ac/acme/state.yaml')).toBe('revision: 49\n');
    expect(await git(temp.gitdir, 'show', 'main:tenants/prod/gl/globex/state.yaml')).toBe('revision: 49\n');
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('rebuilds on a head that a git process moved between our read and our write', async () => {
    const writer = new IsomorphicGitopsWriter({
      repo: new GitRepository({ gitdir: temp.gitdir }),
      committer: bot,
    });
    await writer.applyChange(change('acme', { 'a.yaml': 'a\n' }));
    // Another process commits to main with the CLI (the same lock protocol) while we write.
    // It uses the same compare-and-swap, so it too retries when we moved the ref first.
    const foreign = async (i: number): Promise<string> => {
      for (;;) {
        const tree = (await git(temp.gitdir, 'rev-parse', 'main^{tree}')).trim();
        const parent = (await git(temp.gitdir, 'rev-parse', 'main')).trim();
        const sha = (
          await git(
            temp.gitdir,
            '-c',
            'user.name=x',
            '-c',
            'user.email=x@x',
            'commit-tree',
            tree,
            '-p',
            parent,
            '-m',
            `x${i}`,
          )
        ).trim();
        const moved = await git(temp.gitdir, 'update-ref', 'refs/heads/main', sha, parent).then(
          () => true,
          () => false,
        );
        if (moved) return sha;
      }
    };
    const [ours, theirs] = await Promise.all([
      (async () => {
        const results = [];
        for (let i = 0; i < 20; i++)
          results.push(await writer.applyChange(change('globex', { 'g.yaml': `${i}\n` })));
        return results;
      })(),
      (async () => {
        const shas = [];
        for (let i = 0; i < 20; i++) shas.push(await foreign(i));
        return shas;
      })(),
    ]);
    const history = (await git(temp.gitdir, 'rev-list', '--first-parent', 'main')).trim().split('\n');
    for (const sha of [...ours.map((r) => r?.sha as string), ...theirs]) expect(history).toContain(sha);
    expect(history).toHaveLength(2 + 20 + 20);
    expect(await git(temp.gitdir, 'rev-list', '--merges', 'main')).toBe('');
  });
});
