/*
 * When the single writer runs: rounds under the writer lock, one at a time per process. Callers
 * arriving while a round runs share the next one, so a burst of N submissions costs at most two
 * waits, and one DB connection per process waits for the lock however many requests are waiting.
 * A caller waiting for one change (`requestChange`) is let go as soon as the writer has settled
 * it: a round drains until nothing is queued, so under a steady stream of submissions it runs on
 * for as long as they keep coming, and waiting for its end made every answer wait for the stream.
 * A reconcile pass runs every `startReconciling` seconds; with several replicas, a plain round runs
 * every `startRounds` seconds, so that what a gone replica left is taken over (takeover.ts) when no
 * request comes; `stop` takes no new rounds and waits for the running one (graceful shutdown).
 */

export interface SchedulerDeps {
  /** Runs `fn` holding the writer lock (the Postgres advisory lock: one writer across replicas). */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  /** Queues again what gone replicas committed and never pushed (takeover.ts); never throws. */
  takeOver?: (() => Promise<void>) | undefined;
  /** Writes what is queued; returns how many changes it processed. */
  drain(isStopped: () => boolean): Promise<number>;
  /** The reconcile pass (drift, lost commits); returns how many changes it queued again. */
  reconcile(): Promise<number>;
  /**
   * Runs before a reconcile round is asked for, outside the lock and the round (rounds go on
   * meanwhile): false skips the pass. @default nothing to do
   */
  beforeReconcile?: (() => Promise<boolean>) | undefined;
  /** Told after a round that processed something, and when changes were settled mid-round (push, Flux receiver). */
  afterRound?: (() => void) | undefined;
  onError(error: unknown, what: string): void;
}

export function createScheduler(deps: SchedulerDeps) {
  let running: Promise<void> | null = null;
  let pending: Promise<void> | null = null;
  let stopped = false;
  /** The periodic passes by name (startReconciling, startRounds), cleared by stop. */
  const timers = new Map<string, NodeJS.Timeout>();
  /** Callers of requestChange by change id, let go by `settled` or by the end of their round. */
  const waiting = new Map<string, Set<() => void>>();

  /** Whether `waiter` was still waiting (and is not any more). */
  function forget(changeId: string, waiter: () => void): boolean {
    const set = waiting.get(changeId);
    if (!set?.delete(waiter)) return false;
    if (set.size === 0) waiting.delete(changeId);
    return true;
  }

  async function round(reconcile: boolean): Promise<void> {
    const processed = await deps.withLock(async () => {
      await deps.takeOver?.();
      let n = await deps.drain(() => stopped);
      if (reconcile && !stopped && (await deps.reconcile()) > 0) n += await deps.drain(() => stopped);
      return n;
    });
    if (processed > 0) deps.afterRound?.();
  }

  /** A round that starts after this call (see the header). */
  function requestRound(reconcile = false): Promise<void> {
    if (stopped) return Promise.resolve();
    if (!running) {
      running = round(reconcile).finally(() => {
        running = null;
      });
      return running;
    }
    // The next round starts once the running one has ended, whatever its outcome: that round's
    // error belongs to the callers waiting on it, not to the ones queued behind.
    const next = () => {
      pending = null;
      return requestRound(reconcile);
    };
    pending ??= running.then(next, next);
    return pending;
  }

  /**
   * Resolves once the writer has settled the change (committed, pending review or failed: the
   * caller reads which), or once a round that started after this call has ended without it —
   * then it is still queued, as after `requestRound`. Rejects with that round's error only.
   */
  function requestChange(changeId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter = () => resolve();
      waiting.set(changeId, (waiting.get(changeId) ?? new Set()).add(waiter));
      requestRound().then(
        () => forget(changeId, waiter) && resolve(),
        (error) => forget(changeId, waiter) && reject(error),
      );
    });
  }

  /** Runs `pass` every `seconds` (0: never) until stop; once per name, its failure reported under it. */
  function every(name: string, seconds: number, pass: () => Promise<void>): void {
    if (seconds <= 0 || timers.has(name)) return;
    const timer = setInterval(() => {
      pass().catch((error) => deps.onError(error, `${name} failed`));
    }, seconds * 1000);
    timer.unref();
    timers.set(name, timer);
  }

  /** A round with the reconcile pass, once `beforeReconcile` has let it (see SchedulerDeps). */
  async function requestReconcile(): Promise<void> {
    if (stopped || (deps.beforeReconcile && !(await deps.beforeReconcile()))) return;
    await requestRound(true);
  }

  return {
    requestRound,
    requestReconcile,
    requestChange,
    /**
     * Told by the writer which changes it has just settled (recorded committed, for review or
     * failed). Delivery (push, Flux) is asked for before their callers go, as at a round's end: an
     * answer means its commit is on its way, whatever else the round still writes.
     */
    settled(changeIds: readonly string[]): void {
      if (changeIds.length === 0) return;
      deps.afterRound?.();
      for (const id of changeIds) {
        const waiters = waiting.get(id);
        waiting.delete(id);
        for (const waiter of waiters ?? []) waiter();
      }
    },
    get stopped() {
      return stopped;
    },
    /** Runs the reconcile pass every `seconds` (0: never) until `stop()`. */
    startReconciling: (seconds: number) => every('reconcile pass', seconds, requestReconcile),
    /** Runs a plain round every `seconds` (0: never) until `stop()`. */
    startRounds: (seconds: number) => every('writer round', seconds, () => requestRound()),
    /** Takes no new rounds; waits for the running one (its git writes finish, bounded by the caller). */
    async stop(): Promise<void> {
      stopped = true;
      for (const timer of timers.values()) clearInterval(timer);
      await Promise.allSettled([running, pending].filter(Boolean));
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
