/** What processing did with one item: a result, an error, or "not yet" (it goes into the next batch). */
export type Settled<R> = { ok: R } | { error: unknown } | 'again';

interface Pending<I, R> {
  item: I;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Batching in this process, one batch at a time: while a batch is processed, the items submitted
 * wait, and the next batch takes them (up to `maxBatch`) at once. Nothing waits on a timer: an
 * item submitted while nothing runs is processed at once, alone; under load every round trip
 * carries what arrived during the previous one. Items answered "again" go first into the next
 * batch, in their order. `process` answers every item of its batch, in order, and must settle at
 * least one of them.
 */
export function createBatcher<I, R>(process: (items: I[]) => Promise<Settled<R>[]>, maxBatch: number) {
  const queue: Pending<I, R>[] = [];
  let running = false;

  async function drain() {
    running = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      let settled: Settled<R>[];
      try {
        settled = await process(batch.map((p) => p.item));
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
    running = false;
  }

  return {
    submit(item: I): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!running) void drain();
      });
    },
  };
}
