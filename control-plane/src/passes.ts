/**
 * One pass of a queue at a time: a kick during a pass makes it look once more when that pass
 * ends, so nothing kicked is missed and passes never overlap (the mail and media-bucket queues).
 */
export function createPasses(pass: () => Promise<void>, onError: (error: unknown) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const passes = {
    /** Set by `stop()`: a pass in progress should end its loop. */
    get stopped() {
      return stopped;
    },

    kick(): Promise<void> {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await pass().catch(onError);
        } while (again && !stopped);
      })().finally(() => {
        running = null;
      });
      return running;
    },

    /** Resolves when no pass is running (tests; shutdown). */
    async idle(): Promise<void> {
      while (running) await running;
    },

    /** Takes no new passes and waits for the running one. */
    async stop(): Promise<void> {
      stopped = true;
      await passes.idle();
    },
  };
  return passes;
}
