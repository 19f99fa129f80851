import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { type CursorPage, usePagedList } from './use-paged-list';

/** A page the test answers by hand, so it decides which read lands first. */
function deferred() {
  let answer!: (page: CursorPage<number>) => void;
  const page = new Promise<CursorPage<number>>((resolve) => {
    answer = resolve;
  });
  return { page, answer };
}

describe('a paged list', () => {
  it('appends the page after the cursor, and reads the first page again on reload', async () => {
    const pages: Record<string, CursorPage<number>> = {
      first: { items: [1, 2], nextCursor: 'c2' },
      c2: { items: [3], nextCursor: null },
    };
    const asked: (string | null)[] = [];
    const list = usePagedList<number>(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? 'first'] as CursorPage<number>;
    });
    await list.reload();
    await list.loadMore();
    expect([list.items.value, list.nextCursor.value]).toEqual([[1, 2, 3], null]);
    await list.loadMore();
    await list.reload();
    expect([asked, list.items.value]).toEqual([
      [null, 'c2', null],
      [1, 2],
    ]);
  });

  it('keeps the newer read when an older one answers last', async () => {
    const slow = deferred();
    const fast = deferred();
    const reads = [slow, fast];
    const list = usePagedList<number>(() => (reads.shift() as ReturnType<typeof deferred>).page);
    const first = list.reload();
    const second = list.reload();
    fast.answer({ items: [2], nextCursor: null });
    await second;
    slow.answer({ items: [1], nextCursor: 'stale' });
    await first;
    expect([list.items.value, list.nextCursor.value, list.loading.value]).toEqual([[2], null, false]);
  });

  it("says the server's refusal and keeps what it had", async () => {
    let fail = false;
    const list = usePagedList<number>(async () => {
      if (fail) throw new ApiError(403, 'forbidden', 'no', 'r1');
      return { items: [1], nextCursor: 'c2' };
    });
    await list.reload();
    fail = true;
    await list.loadMore();
    expect(list.items.value).toEqual([1]);
    expect(list.error.value).toMatch(/\S/);
    expect(list.loading.value).toBe(false);
  });
});
