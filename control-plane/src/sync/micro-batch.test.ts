import { describe, expect, it, vi } from 'vitest';
import { createMicroBatcher, type Pending } from './micro-batch.js';

/** A batcher whose batches are recorded and finish only when the test says so. */
function gated(maxSize?: number) {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const batcher = createMicroBatcher<number, number>({
    ...(maxSize ? { maxSize } : {}),
    async run(batch: Pending<number, number>[]) {
      batches.push(batch.map((p) => p.item));
      await new Promise<void>((resolve) => releases.push(resolve));
      for (const p of batch) p.resolve(p.item * 10);
    },
  });
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  /** Lets the running batch finish, once one is running. */
  async function release() {
    await vi.waitFor(() => expect(releases.length).toBeGreaterThan(0));
    releases.shift()?.();
  }
  return { batcher, batches, release, turn };
}

describe('micro-batching', () => {
  it('puts what is submitted within one turn of the event loop into one batch', async () => {
    const { batcher, batches, release } = gated();
    const answers = Promise.all([1, 2, 3].map((n) => batcher.submit(n)));
    await release();
    expect(await answers).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('runs one batch at a time: what arrives meanwhile is the next batch', async () => {
    const { batcher, batches, release, turn } = gated();
    const first = batcher.submit(1);
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    const later = [batcher.submit(2), batcher.submit(3)];
    await turn();
    await turn();
    expect(batches).toEqual([[1]]);
    await release();
    expect(await first).toBe(10);
    await release();
    expect(await Promise.all(later)).toEqual([20, 30]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('splits a crowd into batches of at most maxSize, in arrival order', async () => {
    const { batcher, batches, release } = gated(2);
    const answers = Promise.all([1, 2, 3, 4, 5].map((n) => batcher.submit(n)));
    for (let i = 0; i < 3; i++) await release();
    expect(await answers).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('rejects every answer of a batch whose run throws, and carries on with the next', async () => {
    let calls = 0;
    const batcher = createMicroBatcher<number, number>({
      async run(batch) {
        calls++;
        if (calls === 1) throw new Error('database down');
        for (const p of batch) p.resolve(p.item);
      },
    });
    const failed = [batcher.submit(1), batcher.submit(2)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual(['database down', 'database down']);
    expect(await batcher.submit(3)).toBe(3);
  });

  it('keeps the answers a run settled before it threw', async () => {
    const batcher = createMicroBatcher<number, number>({
      async run(batch) {
        batch[0]?.resolve(1);
        throw new Error('after the first');
      },
    });
    const answers = [batcher.submit(1), batcher.submit(2)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(answers)).toEqual([1, 'after the first']);
  });

  it('is idle only once every queued and running batch is done', async () => {
    const { batcher, release, turn } = gated();
    let idle = false;
    void batcher.submit(1);
    const waiting = batcher.idle().then(() => {
      idle = true;
    });
    await turn();
    await turn();
    expect(idle).toBe(false);
    await release();
    await waiting;
    expect(idle).toBe(true);
  });
});
