import { runGit } from '../git-cli.js';
import type { GitRepository } from '../object-store/repository.js';

/**
 * The commits on a branch's first-parent chain, numbered oldest first. Every commit on that chain
 * is an ancestor of every later one, so "is C an ancestor of R?" for two commits of the chain is a
 * comparison of numbers — what the sync status asks for nearly every report from the cluster (a
 * tenant's last change against the revision Flux applied, both usually on `main`), without a git
 * process per question.
 *
 * Kept current by reading the branch head: a fast-forward is walked back to the known head (the
 * writer's commits are in the repository's commit cache); anything else — a rewind, a rewritten
 * history, a first use — rebuilds the numbering from `git rev-list --first-parent`. Only the newest
 * `window` commits are numbered; older ones are left to git.
 */
export class MainlineIndex {
  private head: string | null = null;
  private readonly position = new Map<string, number>();
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly repo: GitRepository,
    private readonly branch: string,
    /** How many of the newest commits to number. @default 100,000 */
    private readonly window = 100_000,
    /** Longest fast-forward walked commit by commit before rebuilding instead. @default 1,000 */
    private readonly maxWalk = 1_000,
  ) {}

  /**
   * Whether `ancestor` is `descendant` or one of its ancestors, when both are on the chain;
   * `undefined` when the chain cannot tell (either is elsewhere, or older than the window).
   */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    await this.refresh();
    const a = this.position.get(ancestor);
    const d = this.position.get(descendant);
    return a === undefined || d === undefined ? undefined : a <= d;
  }

  private async refresh(): Promise<void> {
    // One refresh at a time: a question asked meanwhile waits for it, then reads the head again.
    for (;;) {
      if (this.refreshing) {
        await this.refreshing;
        continue;
      }
      const head = await this.repo.branchHead(this.branch);
      if (head === this.head) return;
      if (this.refreshing) continue;
      this.refreshing = this.moveTo(head).finally(() => {
        this.refreshing = null;
      });
      await this.refreshing;
      return;
    }
  }

  private async moveTo(head: string | null): Promise<void> {
    const known = this.head === null ? undefined : this.position.get(this.head);
    if (head && known !== undefined && this.position.size < 2 * this.window) {
      const added: string[] = [];
      let sha: string | undefined = head;
      while (sha && sha !== this.head && added.length < this.maxWalk) {
        added.push(sha);
        sha = (await this.repo.readCommit(sha)).commit.parent[0];
      }
      if (sha === this.head) {
        for (const [i, commit] of added.reverse().entries()) this.position.set(commit, known + 1 + i);
        this.head = head;
        return;
      }
    }
    await this.rebuild(head);
  }

  private async rebuild(head: string | null): Promise<void> {
    this.position.clear();
    this.head = head;
    if (!head) return;
    const { stdout } = await runGit(['rev-list', '--first-parent', `--max-count=${this.window}`, head], {
      gitdir: this.repo.gitdir,
    });
    const newestFirst = stdout.split('\n').filter(Boolean);
    for (const [i, sha] of newestFirst.entries()) this.position.set(sha, newestFirst.length - i);
  }
}
