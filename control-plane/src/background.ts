import type { Logger } from './logger.js';

/** Work that runs beside the requests: a listener, a queue, a timer. */
export interface BackgroundTask {
  name: string;
  start?(): Promise<void> | void;
  /** Finishes what is in flight and lets go of connections and timers. */
  stop(): Promise<void>;
}

/** Starts the tasks one after another, in list order: a task may rely on the ones before it. */
export async function startAll(tasks: readonly BackgroundTask[]): Promise<void> {
  for (const task of tasks) await task.start?.();
}

/**
 * Stops the tasks in reverse order, each bounded by `timeoutMs`: one that hangs or fails is logged
 * and the rest still stop, so shutdown always reaches the database. What a task leaves unfinished
 * stays stored for the next start (queued changes, unsent mail).
 */
export async function stopAll(
  tasks: readonly BackgroundTask[],
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  for (const task of [...tasks].reverse()) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([task.stop().then(() => 'stopped' as const), timedOut]);
      if (outcome === 'timeout')
        logger.warn({ task: task.name, timeoutMs }, 'background task did not stop in time');
    } catch (error) {
      logger.error({ err: error, task: task.name }, 'background task failed to stop');
    } finally {
      clearTimeout(timer);
    }
  }
}
