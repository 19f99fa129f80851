import { describe, expect, it } from 'vitest';
import { change } from '../../gitops/test-support/changes.js';
import { FakeGitopsWriter } from '../../gitops/test-support/fake-writer.js';
import { createLogger } from '../../logger.js';
import type { GitHost } from '../git-host.js';
import { ensureReviewBranch, openPullRequest } from './review-branch.js';

/** A git host in memory: remembers what it was asked. */
function fakeHost() {
  const opened: Parameters<GitHost['openPullRequest']>[0][] = [];
  const host: GitHost = {
    openPullRequest: async (input) => {
      opened.push(input);
      return { number: 7, url: 'https://github.example/acme/gitops/pull/7' };
    },
    closePullRequest: async () => {},
    approvers: async () => [],
  };
  return { host, opened };
}

describe('the review branch', () => {
  it('is cut once: after a crash the branch that exists is used as it is', async () => {
    const writer = new FakeGitopsWriter();
    const base = (await writer.head()) as string;
    await ensureReviewBranch(writer, 'changes/1-acme', base);
    const later = await writer.applyChange(change('acme', { 'a.yaml': 'a\n' }));
    await ensureReviewBranch(writer, 'changes/1-acme', later?.sha as string);
    expect(await writer.head('changes/1-acme')).toBe(base);
  });

  it('fails on anything but an existing branch, e.g. a base that is not a commit', async () => {
    const writer = new FakeGitopsWriter();
    await expect(ensureReviewBranch(writer, 'changes/1-acme', 'c'.repeat(40))).rejects.toMatchObject({
      code: 'commit_not_found',
    });
  });
});

describe('the pull request of a reviewed change', () => {
  const log = createLogger('silent');
  const message = 'tenant(acme): tier pro\n\nTenant: acme\nChange-Request: cr-1\n';

  it('pushes the branch first, then opens the pull request titled by the commit subject', async () => {
    const { host, opened } = fakeHost();
    const pushed: string[] = [];
    const pushBranch = async (branch: string) => {
      pushed.push(branch);
      expect(opened).toHaveLength(0);
    };
    const pr = await openPullRequest(
      { gitHost: host, pushBranch, mainBranch: 'main', log },
      { id: 'cr-1', pullRequest: null },
      'changes/1-acme',
      message,
    );
    expect(pr?.number).toBe(7);
    expect(pushed).toEqual(['changes/1-acme']);
    expect(opened).toEqual([
      {
        head: 'changes/1-acme',
        base: 'main',
        title: 'tenant(acme): tier pro',
        body: expect.stringMatching(
          /^Tenant: acme\nChange-Request: cr-1\n\nOpened by Luster for change request cr-1\./,
        ),
      },
    ]);
  });

  it('opens none without a git host, nor a second one for a change that has one', async () => {
    const { host, opened } = fakeHost();
    const existing = { number: 3, url: 'https://github.example/acme/gitops/pull/3' };
    expect(
      await openPullRequest({ mainBranch: 'main', log }, { id: 'cr-1', pullRequest: null }, 'b', message),
    ).toBeUndefined();
    expect(
      await openPullRequest(
        { gitHost: host, mainBranch: 'main', log },
        { id: 'cr-1', pullRequest: existing },
        'b',
        message,
      ),
    ).toBeUndefined();
    expect(opened).toHaveLength(0);
  });
});
