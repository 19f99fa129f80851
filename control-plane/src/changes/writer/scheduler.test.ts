import { describe, expect, it, vi } from 'vitest';
import { createScheduler, type SchedulerDeps } from './scheduler.js';

/** A round the test releases by hand, to hold the writer busy while requests arrive. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

function harness(overrides: Partial<SchedulerDeps> = {}) {
  const log = { rounds: 0, drains: 0, reconciles: 0, afterRounds: 0, errors: [] as string[] };
  let hold: Promise<void> = Promise.resolve();
  let locked = false;
  const scheduler = createScheduler({
    withLock: async (fn) => {
      log.rounds++;
      await hold;
      locked = true;
      try {
        return await fn();
      } finally {
        locked = false;
      }
    },
    drain: async () => {
      log.drains++;
      return 1;
    },
    reconcile: async () => {
      log.reconciles++;
      return 0;
    },
    afterRound: () => {
      log.afterRounds++;
    },
    onError: (_error, what) => log.errors.push(what),
    ...overrides,
  });
  return { scheduler, log, holdNext: (p: Promise<void>) => (hold = p), isLocked: () => locked };
}

describe('the writer scheduler', () => {
  it('serves a burst of requests made during a round with one more round', async () => {
    const { scheduler, log, holdNext } = harness();
    const busy = gate();
    holdNext(busy.opened);
    const first = scheduler.requestRound();
    const burst = Array.from({ length: 5 }, () => scheduler.requestRound());
    busy.open();
    await Promise.all([first, ...burst]);
    expect(log.rounds).toBe(2);
    expect(log.afterRounds).toBe(2);
  });

  it("runs the queued round after a failed one; the failure is only the failed round's callers'", async () => {
    let calls = 0;
    const { scheduler, log } = harness({
      drain: async () => {
        calls++;
        if (calls === 1) throw new Error('database gone');
        return 0;
      },
    });
    const failing = scheduler.requestRound();
    const next = scheduler.requestRound();
    await expect(failing).rejects.toThrow('database gone');
    await expect(next).resolves.toBeUndefined();
    expect(calls).toBe(2);
    expect(log.afterRounds).toBe(0);
  });

  it('drains again after a reconcile pass that queued changes again', async () => {
    const { scheduler, log } = harness({ reconcile: async () => 2 });
    await scheduler.requestRound(true);
    expect(log.drains).toBe(2);
    await scheduler.requestRound();
    expect(log.drains).toBe(3);
  });

  it('tells nobody after a round that processed nothing', async () => {
    const { scheduler, log } = harness({ drain: async () => 0 });
    await scheduler.requestRound();
    expect(log.afterRounds).toBe(0);
  });

  it("lets a change's caller go once the writer settled it, while the round drains on", async () => {
    const rest = gate();
    let scheduler!: ReturnType<typeof createScheduler>;
    ({ scheduler } = harness({
      drain: async () => {
        scheduler.settled(['a']);
        // The round goes on writing what others queued meanwhile.
        await rest.opened;
        return 2;
      },
    }));
    let roundEnded = false;
    const round = scheduler.requestRound().then(() => {
      roundEnded = true;
    });
    await scheduler.requestChange('a');
    expect(roundEnded).toBe(false);
    rest.open();
    await round;
  });

  it('lets a change the round did not settle go when the round meant for it ends, or fails', async () => {
    let calls = 0;
    const { scheduler, log } = harness({
      drain: async () => {
        calls++;
        if (calls === 2) throw new Error('database gone');
        return 0;
      },
    });
    await scheduler.requestChange('elsewhere');
    expect(log.rounds).toBe(1);
    await expect(scheduler.requestChange('elsewhere')).rejects.toThrow('database gone');
  });

  it('stop waits for the running round and takes no new ones', async () => {
    const { scheduler, log, holdNext } = harness();
    const busy = gate();
    holdNext(busy.opened);
    const running = scheduler.requestRound();
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    busy.open();
    await Promise.all([running, stopping]);
    expect(scheduler.stopped).toBe(true);
    await scheduler.requestRound();
    expect(log.rounds).toBe(1);
  });

  it('takes over what gone replicas left under the lock, before it drains', async () => {
    const order: string[] = [];
    const { scheduler, isLocked } = harness({
      takeOver: async () => {
        order.push(isLocked() ? 'take over (locked)' : 'take over (unlocked)');
      },
      drain: async () => {
        order.push('drain');
        return 0;
      },
    });
    await scheduler.requestRound();
    expect(order).toEqual(['take over (locked)', 'drain']);
  });

  it('runs plain rounds on its own every startRounds seconds, and none after stop', async () => {
    vi.useFakeTimers();
    try {
      const { scheduler, log } = harness();
      scheduler.startRounds(10);
      await vi.advanceTimersByTimeAsync(35_000);
      expect(log.rounds).toBe(3);
      expect(log.reconciles).toBe(0);
      await scheduler.stop();
      await vi.advanceTimersByTimeAsync(30_000);
      expect(log.rounds).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks beforeReconcile outside the lock first, and skips the pass when it says no', async () => {
    const asked: boolean[] = [];
    let answer = false;
    const { scheduler, log, isLocked } = harness({
      beforeReconcile: async () => {
        asked.push(isLocked());
        return answer;
      },
    });
    await scheduler.requestReconcile();
    expect(log.reconciles).toBe(0);
    answer = true;
    await scheduler.requestReconcile();
    expect(log.reconciles).toBe(1);
    expect(asked).toEqual([false, false]);
  });
});
