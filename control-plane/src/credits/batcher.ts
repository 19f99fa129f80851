/**
 * What processing did with one item: a result, an error, a result still to come outside the batch
 * (its lane goes on meanwhile), or "not yet" (it goes into the next batch).
 */
export type Settled<R> = { ok: R } | { error: unknown } | { later: Promise<R> } | 'again';

interface Pending<I, R> {
  item: I;
  group: string;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface Lane<I, R> {
  queue: Pending<I, R>[];
  draining: boolean;
  /** Items of the batch being processed. */
  running: number;
}

export interface BatcherOptions<I> {
  /** Items one `process` call takes at most. */
  maxBatch: number;
  /** Batches in flight at once, each in its own lane (each holds a database connection while it runs). */
  lanes: number;
  /**
   * Items of one group stay in one lane while any of them is unanswered, so they share batches
   * instead of spreading over every lane (a hot group then costs one statement per round trip,
   * not one per lane, and its batches never wait on each other's row locks).
   */
  groupOf: (item: I) => string;
}

/**
 * Batching in this process, up to `lanes` batches at a time: while a lane's batch is processed,
 * the items submitted to it wait, and its next batch takes them (up to `maxBatch`) at once.
 * Nothing waits on a timer: an item submitted to an idle lane is processed at once, alone; under
 * load every round trip carries what arrived during the previous one. An item whose group has
 * items unanswered goes to their lane; any other goes to the least loaded lane, so it never waits
 * behind another group's batch while a lane is idle. Items answered "again" go first into their
 * lane's next batch, in their order. `process` answers every item of its batch, in order, and must
 * settle at least one of them.
 */
export function createBatcher<I, R>(
  process: (items: I[]) => Promise<Settled<R>[]>,
  { maxBatch, lanes: laneCount, groupOf }: BatcherOptions<I>,
) {
  const lanes: Lane<I, R>[] = Array.from({ length: laneCount }, () => ({
    queue: [],
    draining: false,
    running: 0,
  }));
  /** Groups with unanswered items: their lane and how many. */
  const groups = new Map<string, { lane: Lane<I, R>; unanswered: number }>();

  function answered(pending: Pending<I, R>) {
    const group = groups.get(pending.group);
    if (group && --group.unanswered === 0) groups.delete(pending.group);
  }

  async function drain(lane: Lane<I, R>) {
    lane.draining = true;
    while (lane.queue.length > 0) {
      const batch = lane.queue.splice(0, maxBatch);
      lane.running = batch.length;
      let settled: Settled<R>[];
      try {
        settled = await process(batch.map((p) => p.item));
      } catch (error) {
        settled = batch.map(() => ({ error }));
      }
      const again: Pending<I, R>[] = [];
      batch.forEach((pending, i) => {
        const s = settled[i];
        if (s === 'again') {
          again.push(pending);
          return;
        }
        if (s && 'later' in s) {
          s.later.then(pending.resolve, pending.reject).finally(() => answered(pending));
          return;
        }
        answered(pending);
        if (s && 'ok' in s) pending.resolve(s.ok);
        else pending.reject(s ? s.error : new Error('batch answered fewer items than it was given'));
      });
      // First in the next batch, in their order: a report that waited keeps its place.
      lane.queue.unshift(...again);
    }
    lane.running = 0;
    lane.draining = false;
  }

  const load = (lane: Lane<I, R>) => lane.queue.length + lane.running;

  return {
    submit(item: I): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        const groupKey = groupOf(item);
        let group = groups.get(groupKey);
        if (!group) {
          const lane = lanes.reduce((best, lane) => (load(lane) < load(best) ? lane : best));
          group = { lane, unanswered: 0 };
          groups.set(groupKey, group);
        }
        group.unanswered += 1;
        const { lane } = group;
        lane.queue.push({ item, group: groupKey, resolve, reject });
        if (!lane.draining) void drain(lane);
      });
    },
  };
}
