import { CommitNotFoundError, GitCommandError } from '../errors.js';
import { runGit } from '../git-cli.js';
import type { GitRepository } from '../object-store/repository.js';
import { MainlineIndex } from './mainline.js';

const SHA = /^[0-9a-f]{40}$/;

/**
 * "Does the revision Flux reports contain this tenant's last change?" — asked for nearly every
 * event of every tenant. Two commits of the default branch's first-parent chain are compared by
 * their place on it, in memory (mainline.ts). Anything else is answered by
 * `git merge-base --is-ancestor` (the CLI uses the commit-graph that `git gc` writes, so it stays
 * fast on long histories) and remembered: commits are immutable, so the answer for a pair of shas
 * never changes, yes or no.
 */
export class AncestryCache {
  private readonly answers = new Map<string, boolean>();
  private readonly mainline: MainlineIndex;

  constructor(
    private readonly repo: GitRepository,
    /** The branch whose chain is indexed. @default 'main' */
    branch = 'main',
    /** How many answers to remember. @default 10000 */
    private readonly maxEntries = 10_000,
  ) {
    this.mainline = new MainlineIndex(repo, branch);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    for (const sha of [ancestor, descendant]) if (!SHA.test(sha)) throw new CommitNotFoundError({ ref: sha });
    if (ancestor === descendant) {
      await this.repo.readCommit(ancestor);
      return true;
    }
    const onChain = await this.chainSays(ancestor, descendant);
    if (onChain !== undefined) return onChain;
    const key = `${ancestor}..${descendant}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    let answer: boolean;
    try {
      const { code } = await runGit(['merge-base', '--is-ancestor', ancestor, descendant], {
        gitdir: this.repo.gitdir,
        okCodes: [0, 1],
      });
      answer = code === 0;
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
      // Exit 128: one of them is not a commit here; say which.
      await this.repo.readCommit(ancestor);
      await this.repo.readCommit(descendant);
      throw error;
    }
    if (this.answers.size >= this.maxEntries) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    this.answers.set(key, answer);
    return answer;
  }

  /**
   * The chain index's answer. A commit missing under it (pruned, a history rewritten meanwhile)
   * only costs the fast path: git answers instead. Any other failure — a disk error, a corrupt
   * object — is thrown, never taken for "cannot tell", which would hide it behind a slower answer.
   */
  private async chainSays(ancestor: string, descendant: string): Promise<boolean | undefined> {
    try {
      return await this.mainline.isAncestor(ancestor, descendant);
    } catch (error) {
      if (error instanceof CommitNotFoundError) return undefined;
      throw error;
    }
  }
}
