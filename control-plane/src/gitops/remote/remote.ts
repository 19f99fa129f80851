import { setTimeout as sleep } from 'node:timers/promises';
import {
  BranchNotFoundError,
  HeadMovedError,
  RemoteRejectedError,
  RemoteUnavailableError,
} from '../errors.js';
import { runGit } from '../git-cli.js';
import type { Overtaken, ReplayResult, Rewritten } from '../history/replay.js';
import type { GitRepository } from '../object-store/repository.js';
import { trackingRef } from '../paths.js';
import type { GitopsLogger, GitopsWriter } from '../port.js';
import { silentLogger } from '../port.js';
import {
  assertCleanRemoteUrl,
  classifyRemoteError,
  displayUrl,
  type RemoteCredentials,
  remoteGitEnv,
} from '../remote-auth.js';

/*
 * Production mode: the local bare repo is where commits are made (fast, and it keeps working when
 * the git host does not), and this pushes them to the real remote. Pushing uses the system git: at
 * 10,000 tenants isomorphic-git's push walks every tree of both commits to decide what to send
 * (seconds), the CLI negotiates in milliseconds (bench/git has the numbers).
 *
 * `main` is never force-pushed. When the remote moved (another replica, or a person committing to
 * the repo), we fetch it, re-apply our commits on top (replay.ts) and push again, with back-off.
 */

/**
 * What pushing needs of the local writer, and nothing more: ancestry from the port, the rebase of
 * unpushed commits onto a moved remote, and the repository's refs — read, moved with
 * compare-and-swap under the branch lock the writer commits under — for the CLI to push from.
 */
export interface RemoteWriter extends Pick<GitopsWriter, 'isAncestor'> {
  readonly repo: Pick<GitRepository, 'gitdir' | 'branchHead' | 'readRefValue' | 'moveRef' | 'withBranchLock'>;
  rebaseOnto(branch: string, base: string, overtaken?: Overtaken): Promise<ReplayResult>;
}

export interface GitRemoteOptions {
  writer: RemoteWriter;
  /** HTTPS URL of the remote repository, without credentials. */
  url: string;
  /** Token for the remote. @default none (anonymous) */
  credentials?: RemoteCredentials;
  /**
   * Failed push attempts per `push` call (an unreachable remote; a refusal is final). Catching up
   * with a remote that moved is not a failure and uses none (up to 50 in a row). @default 5
   */
  attempts?: number;
  /** First back-off delay, doubled per failure, with jitter. @default 250 */
  backoffMs?: number;
  /** Longest back-off delay. @default 30000 */
  maxBackoffMs?: number;
  /** Seconds a transfer may stall (under 1 KB/s) before the attempt is given up. @default 60 */
  stallSeconds?: number;
  /**
   * Told whenever our commits were re-applied on a moved remote: their shas changed, and the audit
   * index (tenant → shas) must follow. @default none
   */
  onMoved?: (event: RemoteMovedEvent) => void | Promise<void>;
  /**
   * Told after each push that left the remote branch at `head` (sent, or the remote had it): what
   * the local repository alone held up to `head` no longer is. Its failure is logged, never the
   * push's. @default none
   */
  onPushed?: (event: { branch: string; head: string }) => void | Promise<void>;
  /**
   * Asked before our commits are re-applied on a moved remote: the ones another writer has
   * overtaken since — it wrote the same tenant later, from a state that holds our change — are
   * dropped, since re-applying their older content would undo that write. @default none dropped
   */
  overtaken?: Overtaken;
  logger?: GitopsLogger;
}

export interface RemoteMovedEvent {
  branch: string;
  /** What the remote had. */
  remoteHead: string;
  /** Where our branch is now. */
  head: string;
  rewritten: Rewritten[];
}

export interface PushResult {
  branch: string;
  /** The sha the remote branch now has. */
  head: string;
  /** False when the remote already had it. */
  updated: boolean;
  /** Tries made, those that found the remote moved included. */
  attempts: number;
  rewritten: Rewritten[];
}

export class GitRemote {
  private readonly writer: RemoteWriter;
  private readonly url: string;
  private readonly env: Record<string, string>;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly onMoved: GitRemoteOptions['onMoved'];
  private readonly onPushed: GitRemoteOptions['onPushed'];
  private readonly overtaken: GitRemoteOptions['overtaken'];
  private readonly log: GitopsLogger;
  private readonly pushQueues = new Map<string, Promise<unknown>>();
  private readonly background = new Map<string, { requested: boolean; running?: Promise<void> }>();
  private readonly stop = new AbortController();

  constructor(options: GitRemoteOptions) {
    assertCleanRemoteUrl(options.url);
    this.writer = options.writer;
    this.url = options.url;
    this.env = remoteGitEnv(options.url, options.credentials, options.stallSeconds);
    this.attempts = options.attempts ?? 5;
    this.backoffMs = options.backoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.onMoved = options.onMoved;
    this.onPushed = options.onPushed;
    this.overtaken = options.overtaken;
    this.log = (options.logger ?? silentLogger).child({
      component: 'gitops-remote',
      remote: displayUrl(options.url),
    });
  }

  /**
   * Pushes `branch` and resolves when the remote has it (re-applying our commits if the remote
   * moved). Rejects with `remote_unavailable` / `remote_auth_failed` / `remote_rejected` after
   * `attempts`; the commits stay in the local repo and the next push sends them.
   */
  push(branch = 'main'): Promise<PushResult> {
    const previous = this.pushQueues.get(branch) ?? Promise.resolve();
    const run = previous.then(
      () => this.pushNow(branch),
      () => this.pushNow(branch),
    );
    const tail = run.catch(() => {});
    this.pushQueues.set(branch, tail);
    void tail.then(() => {
      if (this.pushQueues.get(branch) === tail) this.pushQueues.delete(branch);
    });
    return run;
  }

  /**
   * Pushes in the background, coalescing requests (one push carries every commit made meanwhile)
   * and retrying with back-off until it succeeds or `close()` — call it after each commit.
   */
  requestPush(branch = 'main'): void {
    if (this.stop.signal.aborted) return;
    const state = this.background.get(branch) ?? { requested: false };
    this.background.set(branch, state);
    state.requested = true;
    if (!state.running) state.running = this.drain(branch, state);
  }

  /** Resolves when no background push is queued or running. */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.background.values()].map((s) => s.running).filter(Boolean);
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  /** Stops background retries (local commits stay and are pushed by the next process). */
  async close(): Promise<void> {
    this.stop.abort();
    await this.idle();
  }

  private async drain(branch: string, state: { requested: boolean; running?: Promise<void> }): Promise<void> {
    let failures = 0;
    try {
      while (state.requested && !this.stop.signal.aborted) {
        state.requested = false;
        try {
          await this.push(branch);
          failures = 0;
        } catch (error) {
          failures++;
          state.requested = true;
          this.log.warn({ branch, err: error, failures }, 'push failed; commits kept locally, retrying');
          await this.pause(failures);
        }
      }
    } finally {
      state.running = undefined;
    }
  }

  private async pushNow(branch: string): Promise<PushResult> {
    const rewritten: Rewritten[] = [];
    let lastError: unknown;
    let tries = 0;
    let caughtUp = 0;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) await this.pause(attempt - 1);
      tries++;
      const local = await this.writer.repo.branchHead(branch);
      if (!local) throw new BranchNotFoundError({ branch });
      let outcome: PushOutcome;
      try {
        outcome = await this.tryPush(branch, local);
      } catch (error) {
        lastError = classifyRemoteError(error, displayUrl(this.url));
        if (lastError instanceof RemoteUnavailableError) {
          this.log.warn({ branch, attempt, err: lastError }, 'remote unavailable');
          continue;
        }
        throw lastError;
      }
      if (outcome.kind === 'ok') {
        await this.recordRemoteHead(branch, local);
        this.log.info({ branch, sha: local, attempt, updated: outcome.updated }, 'pushed');
        await Promise.resolve(this.onPushed?.({ branch, head: local })).catch((error) =>
          this.log.warn({ branch, err: error }, 'after-push hook failed'),
        );
        return { branch, head: local, updated: outcome.updated, attempts: tries, rewritten };
      }
      if (outcome.kind === 'rejected')
        throw new RemoteRejectedError({ remote: displayUrl(this.url), branch, detail: outcome.detail });
      lastError = new RemoteRejectedError({ remote: displayUrl(this.url), branch, detail: outcome.detail });
      try {
        rewritten.push(...(await this.catchUp(branch)));
      } catch (error) {
        lastError = classifyRemoteError(error, displayUrl(this.url));
        if (lastError instanceof RemoteUnavailableError || lastError instanceof HeadMovedError) continue;
        throw lastError;
      }
      // Another pusher got there first and we are on top of it now: it made progress, nothing
      // failed, so the try is not counted against `attempts` (replicas under a burst lose many
      // such races in a row) — up to MAX_CATCH_UPS, in case a remote never stops moving.
      if (++caughtUp <= MAX_CATCH_UPS) attempt--;
    }
    throw lastError;
  }

  private async tryPush(branch: string, sha: string): Promise<PushOutcome> {
    const ref = `refs/heads/${branch}`;
    const { stdout, stderr } = await runGit(['push', '--porcelain', this.url, `${sha}:${ref}`], {
      gitdir: this.writer.repo.gitdir,
      env: this.env,
      okCodes: [0, 1],
    });
    const line = stdout.split('\n').find((l) => l.split('\t')[1]?.endsWith(`:${ref}`));
    if (!line)
      throw new RemoteUnavailableError({
        remote: displayUrl(this.url),
        detail: stderr.trim() || 'no push status',
      });
    const [flag, , summary = ''] = line.split('\t');
    if (flag === '=' || flag === ' ' || flag === '*') return { kind: 'ok', updated: flag !== '=' };
    if (/fetch first|non-fast-forward|stale info/.test(summary)) return { kind: 'moved', detail: summary };
    // Another pusher (a second replica) moved the ref between our negotiation and the update: the
    // host refuses with "cannot lock ref … is at <sha> but expected <sha>" — the remote moved too.
    if (/is at [0-9a-f]{40} but expected [0-9a-f]{40}/.test(stderr))
      return { kind: 'moved', detail: `${summary} ${stderr.trim()}`.trim() };
    return { kind: 'rejected', detail: `${summary} ${stderr.trim()}`.trim() };
  }

  /** Fetches the moved remote branch and puts our commits on top of it. */
  private async catchUp(branch: string): Promise<Rewritten[]> {
    const tracking = trackingRef(branch);
    await runGit(['fetch', '--quiet', '--no-tags', this.url, `+refs/heads/${branch}:${tracking}`], {
      gitdir: this.writer.repo.gitdir,
      env: this.env,
    });
    const remoteHead = await this.writer.repo.readRefValue(tracking);
    if (!remoteHead) return [];
    const local = await this.writer.repo.branchHead(branch);
    if (!local) throw new BranchNotFoundError({ branch });
    if (await this.writer.isAncestor(local, remoteHead)) {
      // Nothing of ours is missing there (another replica pushed it already): follow the remote.
      await this.writer.repo.withBranchLock(branch, async () => {
        if (!(await this.writer.repo.moveRef(`refs/heads/${branch}`, local, remoteHead))) {
          throw new HeadMovedError({
            branch,
            expected: local,
            actual: await this.writer.repo.branchHead(branch),
          });
        }
      });
      this.log.info({ branch, from: local, to: remoteHead }, 'fast-forwarded to the remote');
      return [];
    }
    const { head, rewritten } = await this.writer.rebaseOnto(branch, remoteHead, this.overtaken);
    this.log.info(
      { branch, remoteHead, head, replayed: rewritten.length },
      're-applied our commits on the moved remote',
    );
    await this.onMoved?.({ branch, remoteHead, head, rewritten });
    return rewritten;
  }

  private async recordRemoteHead(branch: string, sha: string): Promise<void> {
    const tracking = trackingRef(branch);
    const current = await this.writer.repo.readRefValue(tracking);
    if (current !== sha) await this.writer.repo.moveRef(tracking, current, sha);
  }

  private async pause(failures: number): Promise<void> {
    const base = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (failures - 1));
    const delay = base / 2 + Math.random() * (base / 2);
    await sleep(delay, undefined, { signal: this.stop.signal }).catch(() => {});
  }
}

/** Catch-ups with a moved remote one push call makes without counting them as failed attempts. */
const MAX_CATCH_UPS = 50;

type PushOutcome = { kind: 'ok'; updated: boolean } | { kind: 'moved' | 'rejected'; detail: string };
