import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit } from '../git-cli.js';
import type { GitopsLogger } from '../port.js';
import { silentLogger } from '../port.js';
import type { GitRepository } from './repository.js';

/*
 * isomorphic-git writes every object as a loose file: ~7 per tenant commit, so 10,000 commits leave
 * 70,000 small files, tens of times the size of the same history packed. This packs them in the
 * background with the git CLI, at most one run at a time, at the lowest CPU priority:
 *
 * - every `everyCommits` commits, `git pack-objects --revs` packs what the branch heads reach and the
 *   heads of the previous run did not (git's sparse walk makes that cost the new commits, not the
 *   history; `git repack` would walk all of history every time, which at 10,000 commits took
 *   seconds per run and halved the writer's throughput on two cores). Walking from the heads gives
 *   pack-objects the path of every object, so versions of the same tree are deltified against each
 *   other — packing a plain list of loose objects made packs 7× larger. Then `git prune-packed`
 *   removes the loose copies. Readers are unaffected: the pack is complete before any loose file
 *   goes, and isomorphic-git looks in packs when a loose file is gone.
 * - when packs pile up (more than `maxPacks`; writer rounds store their chains as packs), first
 *   `git repack --geometric=2`, which merges the small packs into a size progression at the cost
 *   of what it merges; if that leaves too many, `git gc`: one pack with deltas across history,
 *   bitmaps, the commit-graph that `merge-base --is-ancestor` uses, packed refs. Unreachable objects
 *   (a commit that lost a compare-and-swap race, say) are pruned only after git's default two
 *   weeks, so nothing a writer is about to reference can disappear — never `--prune=now` here.
 */

export interface RepoMaintenanceOptions {
  repo: GitRepository;
  /** Pack loose objects after this many commits (~7 loose files each, 4 KiB on disk apiece). @default 100 */
  everyCommits?: number;
  /** At `start()`, pack when git counts more loose objects than this (commits of an earlier run). @default 2000 */
  looseObjectLimit?: number;
  /** Consolidate with `git gc` once there are more packs than this (git's own `gc.autoPackLimit`). @default 50 */
  maxPacks?: number;
  logger?: GitopsLogger;
}

export interface MaintenanceReport {
  looseBefore: number;
  looseAfter: number;
  packsAfter: number;
  /** How the run merged packs once there were too many: small ones only, or everything with `git gc`. */
  consolidated: false | 'geometric' | 'gc';
}

export class RepoMaintenance {
  private readonly repo: GitRepository;
  private readonly everyCommits: number;
  private readonly looseObjectLimit: number;
  private readonly maxPacks: number;
  private readonly log: GitopsLogger;
  private commitsSinceRun = 0;
  private running: Promise<MaintenanceReport> | undefined;
  /** The ref tips the last run packed up to. */
  private packedTips: string[] = [];

  constructor(options: RepoMaintenanceOptions) {
    this.repo = options.repo;
    this.everyCommits = options.everyCommits ?? 100;
    this.looseObjectLimit = options.looseObjectLimit ?? 2000;
    this.maxPacks = options.maxPacks ?? 50;
    this.log = (options.logger ?? silentLogger).child({ component: 'gitops-maintenance' });
  }

  /** Called by the writer after every commit; starts a background run every `everyCommits`. */
  noteCommit(): void {
    this.commitsSinceRun++;
    if (this.commitsSinceRun >= this.everyCommits && !this.running) this.runInBackground();
  }

  /**
   * Call once at start-up. With many loose objects left by an earlier process, packs them now (a
   * walk of all history, once). Otherwise takes the current ref tips as already packed, so the first
   * run walks only what is committed from here on; the few loose objects they reach wait for the
   * next `git gc`.
   */
  async start(): Promise<void> {
    const { loose } = await this.countObjects();
    if (loose > this.looseObjectLimit) this.runInBackground();
    else if (!this.running) this.packedTips = await this.refTips();
  }

  /** Runs now (or joins the run in progress). */
  run(): Promise<MaintenanceReport> {
    if (!this.running) {
      this.commitsSinceRun = 0;
      this.running = this.pack().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  /** Resolves when no run is in progress. */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => {});
  }

  private runInBackground(): void {
    this.run().catch((error: unknown) => this.log.error({ err: error }, 'repository maintenance failed'));
  }

  private async pack(): Promise<MaintenanceReport> {
    const started = Date.now();
    const before = await this.countObjects();
    const heads = await this.refTips();
    // Negative tips: what the previous run packed. The first run of a process walks everything.
    // They are forgotten if this fails (say, a gc run by hand pruned one), so the next run walks
    // everything once instead of failing forever.
    const packedTips = this.packedTips;
    this.packedTips = [];
    const input = [...heads, ...packedTips.map((sha) => `^${sha}`)].join('\n');
    await runGit(
      [
        'pack-objects',
        '--revs',
        '--incremental',
        '--non-empty',
        '-q',
        join(this.repo.gitdir, 'objects', 'pack', 'pack'),
      ],
      {
        gitdir: this.repo.gitdir,
        input: `${input}\n`,
        lowPriority: true,
      },
    );
    await runGit(['prune-packed', '-q'], { gitdir: this.repo.gitdir, lowPriority: true });
    this.packedTips = heads;
    let packs = await this.countPacks();
    let consolidated: MaintenanceReport['consolidated'] = false;
    if (packs > this.maxPacks) {
      // Writer rounds store their chains as packs of their own, so packs pile up with load. First
      // merge the small ones (git repack --geometric: the cost is that of the packs merged, not of
      // the whole history); only if that is not enough, a full `git gc`.
      await runGit(['repack', '-d', '-q', '--geometric=2'], { gitdir: this.repo.gitdir, lowPriority: true });
      consolidated = 'geometric';
      packs = await this.countPacks();
      if (packs > this.maxPacks) {
        await runGit(['gc', '--quiet'], { gitdir: this.repo.gitdir, lowPriority: true });
        consolidated = 'gc';
        this.packedTips = await this.refTips();
        packs = await this.countPacks();
      }
      // Both deleted packs isomorphic-git may hold in memory; let it load the new ones.
      this.repo.resetCache();
    }
    const after = await this.countObjects();
    const report: MaintenanceReport = {
      looseBefore: before.loose,
      looseAfter: after.loose,
      packsAfter: packs,
      consolidated,
    };
    this.log.info({ ...report, ms: Date.now() - started }, 'repository packed');
    return report;
  }

  /** Every ref's commit: branches, and remote-tracking refs after a catch-up fetch. */
  private async refTips(): Promise<string[]> {
    const { stdout } = await runGit(['for-each-ref', '--format=%(objectname)', 'refs/'], {
      gitdir: this.repo.gitdir,
    });
    return [...new Set(stdout.split('\n').filter(Boolean))];
  }

  private async countObjects(): Promise<{ loose: number }> {
    const { stdout } = await runGit(['count-objects', '-v'], { gitdir: this.repo.gitdir });
    const loose = /^count: (\d+)$/m.exec(stdout)?.[1];
    return { loose: Number(loose ?? 0) };
  }

  private async countPacks(): Promise<number> {
    const files = await readdir(join(this.repo.gitdir, 'objects', 'pack'));
    return files.filter((f) => f.endsWith('.pack')).length;
  }
}
