/** One submitted item and the answer its caller awaits. */
export interface Pending<I, O> {
  item: I;
  resolve(answer: O): void;
  reject(error: unknown): void;
}

export interface MicroBatchOptions<I, O> {
  /**
   * Handles one batch and settles every item's answer, possibly later than it returns (an answer
   * may wait for work that need not hold up the next batch). An item it did not settle when it
   * throws is rejected with that error.
   */
  run(batch: Pending<I, O>[]): Promise<void>;
  /** Most items in one batch; the rest wait for the next. @default 256 */
  maxSize?: number;
}

/**
 * Groups items submitted within one turn of the event loop into one batch, with one batch in flight
 * at a time: what arrives while a batch runs is the next batch. Batches therefore grow with the load
 * (one database round trip is shared by more items the busier it gets) and stay at one item when
 * items come one at a time, so a quiet server answers as fast as without batching.
 */
export function createMicroBatcher<I, O>(options: MicroBatchOptions<I, O>) {
  const maxSize = options.maxSize ?? 256;
  let queue: Pending<I, O>[] = [];
  let scheduled = false;
  let running: Promise<void> | null = null;

  function schedule() {
    if (scheduled || running || queue.length === 0) return;
    scheduled = true;
    // setImmediate runs after the I/O callbacks of this turn: every request whose body arrived
    // in it has been submitted by then.
    setImmediate(flush);
  }

  function flush() {
    scheduled = false;
    const batch = queue.slice(0, maxSize);
    queue = queue.slice(batch.length);
    running = options
      .run(batch)
      .catch((error) => {
        for (const pending of batch) pending.reject(error);
      })
      .finally(() => {
        running = null;
        schedule();
      });
  }

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },

    /** Resolves once nothing is queued or running. */
    async idle(): Promise<void> {
      while (running || queue.length > 0) {
        await (running ?? new Promise<void>((resolve) => setImmediate(resolve)));
      }
    },
  };
}
