/** What processing did with one item: a result, an error, or "not yet" (it goes into the next batch). */
export type Settled<R> = { ok: R } | { error: unknown } | 'again';

interface Pending<I, R> {
  item: I;
  dedupe: string;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Per-key batching in this process: while one batch of a key is processed, the items submitted
 * for that key wait, and the next batch takes all of them (up to `maxBatch`) at once. Nothing
 * waits on a timer: an idle key's item is processed at once, alone; a hot key's items share one
 * round trip. Two items with the same `dedupe` never share a batch (the second one must see what
 * the first one did). `process` answers every item of its batch, in order.
 */
export function createKeyedBatcher<I, R>(
  process: (key: string, items: I[]) => Promise<Settled<R>[]>,
  maxBatch: number,
) {
  const queues = new Map<string, Pending<I, R>[]>();

  async function drain(key: string, queue: Pending<I, R>[]) {
    while (queue.length > 0) {
      const batch: Pending<I, R>[] = [];
      const taken = new Set<string>();
      for (let i = 0; i < queue.length && batch.length < maxBatch; ) {
        const pending = queue[i] as Pending<I, R>;
        if (taken.has(pending.dedupe)) {
          i++;
          continue;
        }
        taken.add(pending.dedupe);
        batch.push(pending);
        queue.splice(i, 1);
      }
      let settled: Settled<R>[];
      try {
        settled = await process(
          key,
          batch.map((p) => p.item),
        );
      } catch (error) {
        settled = batch.map(() => ({ error }));
      }
      const again: Pending<I, R>[] = [];
      batch.forEach((pending, i) => {
        const s = settled[i];
        if (s === 'again') again.push(pending);
        else if (s && 'ok' in s) pending.resolve(s.ok);
        else pending.reject(s ? s.error : new Error('batch answered fewer items than it was given'));
      });
      // First in the next batch, in their order: a report that waited keeps its place.
      queue.unshift(...again);
    }
    queues.delete(key);
  }

  return {
    submit(key: string, item: I, dedupe: string): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        const queue = queues.get(key);
        if (queue) {
          queue.push({ item, dedupe, resolve, reject });
          return;
        }
        const fresh = [{ item, dedupe, resolve, reject }];
        queues.set(key, fresh);
        void drain(key, fresh);
      });
    },
  };
}
