import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit } from './git-cli.js';
import type { GitopsLogger } from './port.js';
import { silentLogger } from './port.js';
import type { GitRepository } from './repository.js';

/*
 * isomorphic-git writes every object as a loose file: ~7 per tenant commit, so 10,000 commits leave
 * 70,000 small files, tens of times the size of the same history packed. This packs them in the
 * background with the git CLI, at most one run at a time, at the lowest CPU priority:
 *
 * - every `everyCommits` commits, the loose objects are listed (a readdir of the 256 fan-out
 *   folders) and handed to `git pack-objects`, then `git prune-packed` removes the loose copies.
 *   Its cost is the batch, not the history: `git repack` would first walk every commit and tree to
 *   find what is reachable, which at 10,000 commits made each run take seconds and halved the
 *   writer's throughput on two cores. Readers are unaffected: the pack is complete before any loose
 *   file goes, and isomorphic-git looks in packs when a loose file is gone.
 * - when packs pile up (more than `maxPacks`), `git gc`: one pack with deltas across history,
 *   bitmaps, the commit-graph that `merge-base --is-ancestor` uses, packed refs. Unreachable objects
 *   (a commit that lost a compare-and-swap race, say) are pruned only after git's default two
 *   weeks, so nothing a writer is about to reference can disappear — never `--prune=now` here.
 */

export interface RepoMaintenanceOptions {
  repo: GitRepository;
  /** Pack loose objects after this many commits. @default 250 */
  everyCommits?: number;
  /** At `start()`, pack when git counts more loose objects than this (commits of an earlier run). @default 2000 */
  looseObjectLimit?: number;
  /** Consolidate with `git gc` once there are more packs than this. @default 16 */
  maxPacks?: number;
  logger?: GitopsLogger;
}

export interface MaintenanceReport {
  looseBefore: number;
  looseAfter: number;
  packsAfter: number;
  /** Whether the run consolidated everything with `git gc`. */
  consolidated: boolean;
}

export class RepoMaintenance {
  private readonly repo: GitRepository;
  private readonly everyCommits: number;
  private readonly looseObjectLimit: number;
  private readonly maxPacks: number;
  private readonly log: GitopsLogger;
  private commitsSinceRun = 0;
  private running: Promise<MaintenanceReport> | undefined;

  constructor(options: RepoMaintenanceOptions) {
    this.repo = options.repo;
    this.everyCommits = options.everyCommits ?? 250;
    this.looseObjectLimit = options.looseObjectLimit ?? 2000;
    this.maxPacks = options.maxPacks ?? 16;
    this.log = (options.logger ?? silentLogger).child({ component: 'gitops-maintenance' });
  }

  /** Called by the writer after every commit; starts a background run every `everyCommits`. */
  noteCommit(): void {
    this.commitsSinceRun++;
    if (this.commitsSinceRun >= this.everyCommits && !this.running) this.runInBackground();
  }

  /** Checks once at start-up for loose objects left by an earlier process. */
  async start(): Promise<void> {
    const { loose } = await this.countObjects();
    if (loose > this.looseObjectLimit) this.runInBackground();
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
    const loose = await listLooseObjects(this.repo.gitdir);
    if (loose.length > 0) {
      await runGit(['pack-objects', '-q', '--non-empty', join(this.repo.gitdir, 'objects', 'pack', 'pack')], {
        gitdir: this.repo.gitdir,
        input: `${loose.join('\n')}\n`,
        lowPriority: true,
      });
      await runGit(['prune-packed', '-q'], { gitdir: this.repo.gitdir, lowPriority: true });
    }
    let packs = await this.countPacks();
    const consolidated = packs > this.maxPacks;
    if (consolidated) {
      await runGit(['gc', '--quiet'], { gitdir: this.repo.gitdir, lowPriority: true });
      // gc deleted the packs isomorphic-git may hold in memory; let it load the new one.
      this.repo.resetCache();
      packs = await this.countPacks();
    }
    const after = await this.countObjects();
    const report = { looseBefore: loose.length, looseAfter: after.loose, packsAfter: packs, consolidated };
    this.log.info({ ...report, ms: Date.now() - started }, 'repository packed');
    return report;
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

const FANOUT = /^[0-9a-f]{2}$/;
const REST = /^[0-9a-f]{38}$/;

/** Ids of the loose objects, skipping temporary files that writers have not renamed into place yet. */
async function listLooseObjects(gitdir: string): Promise<string[]> {
  const objects = join(gitdir, 'objects');
  const oids: string[] = [];
  for (const dir of await readdir(objects)) {
    if (!FANOUT.test(dir)) continue;
    const names = await readdir(join(objects, dir)).catch(() => [] as string[]);
    for (const name of names) if (REST.test(name)) oids.push(dir + name);
  }
  return oids;
}
