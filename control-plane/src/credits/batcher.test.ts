import { describe, expect, it } from 'vitest';
import { createBatcher, type Settled } from './batcher.js';

interface Item {
  group: string;
  n: number;
}

/** A `process` whose batches finish only when the test says so, recording what each batch held. */
function heldProcess() {
  const batches: Item[][] = [];
  const release: (() => void)[] = [];
  const process = (items: Item[]) =>
    new Promise<Settled<number>[]>((resolve) => {
      batches.push(items);
      release.push(() => resolve(items.map((item) => ({ ok: item.n }))));
    });
  return { batches, release, process };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the batcher', () => {
  it("keeps a group's items in one lane while any is unanswered, and gives another group an idle lane", async () => {
    const held = heldProcess();
    const batcher = createBatcher(held.process, { maxBatch: 10, lanes: 2, groupOf: (i: Item) => i.group });
    const answers = [
      batcher.submit({ group: 'hot', n: 1 }),
      batcher.submit({ group: 'hot', n: 2 }),
      batcher.submit({ group: 'hot', n: 3 }),
      batcher.submit({ group: 'other', n: 4 }),
    ];
    await tick();
    // 'hot' 1 started lane A alone; 2 and 3 wait for lane A's next batch; 'other' took idle lane B.
    expect(held.batches.map((b) => b.map((i) => i.n))).toEqual([[1], [4]]);
    held.release[0]?.();
    await tick();
    expect(held.batches.map((b) => b.map((i) => i.n))).toEqual([[1], [4], [2, 3]]);
    held.release[1]?.();
    held.release[2]?.();
    expect(await Promise.all(answers)).toEqual([1, 2, 3, 4]);
  });

  it('sends a group with nothing unanswered to the least loaded lane', async () => {
    const held = heldProcess();
    const batcher = createBatcher(held.process, { maxBatch: 10, lanes: 2, groupOf: (i: Item) => i.group });
    const first = batcher.submit({ group: 'a', n: 1 });
    await tick();
    held.release[0]?.();
    await first;
    // 'a' has nothing unanswered: its next item may go anywhere, and both lanes are idle.
    const busy = [batcher.submit({ group: 'b', n: 2 }), batcher.submit({ group: 'b', n: 3 })];
    const next = batcher.submit({ group: 'a', n: 4 });
    await tick();
    expect(held.batches.map((b) => b.map((i) => i.n))).toEqual([[1], [2], [4]]);
    for (const release of held.release.slice(1)) release();
    await tick();
    held.release[3]?.();
    expect(await Promise.all([...busy, next])).toEqual([2, 3, 4]);
  });

  it("answers an item settled later without holding up its lane's next batch", async () => {
    let finishLater: (n: number) => void = () => {};
    const later = new Promise<number>((resolve) => {
      finishLater = resolve;
    });
    const batches: number[][] = [];
    const batcher = createBatcher(
      async (items: Item[]) => {
        batches.push(items.map((i) => i.n));
        return items.map((item): Settled<number> => (item.n === 1 ? { later } : { ok: item.n }));
      },
      { maxBatch: 10, lanes: 1, groupOf: (i: Item) => i.group },
    );
    const slow = batcher.submit({ group: 'g', n: 1 });
    const fast = batcher.submit({ group: 'g', n: 2 });
    expect(await fast).toBe(2);
    expect(batches).toEqual([[1], [2]]);
    finishLater(10);
    expect(await slow).toBe(10);
  });

  it("puts items answered 'again' first into their lane's next batch", async () => {
    const batches: number[][] = [];
    const batcher = createBatcher(
      async (items: Item[]) => {
        batches.push(items.map((i) => i.n));
        return items.map((item, i): Settled<number> => (i === 0 ? { ok: item.n } : 'again'));
      },
      { maxBatch: 10, lanes: 1, groupOf: (i: Item) => i.group },
    );
    const first = batcher.submit({ group: 'g', n: 1 });
    const rest = [2, 3].map((n) => batcher.submit({ group: 'g', n }));
    expect(await Promise.all([first, ...rest])).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1], [2, 3], [3]]);
  });
});
