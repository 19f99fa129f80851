import type { DataSource } from 'typeorm';
import type { Logger } from '../logger.js';
import { MAX_LOCK_SECONDS } from './login-throttle.js';

export interface AuthHousekeepingOptions {
  dataSource: DataSource;
  logger: Logger;
  /** The rate-limit and sign-in window (RATE_LIMIT_WINDOW_SECONDS). */
  windowSeconds: number;
  /** What "now" is (tests pass their own). @default the real clock */
  clock?: () => Date;
  /** How often the pass runs once started. @default 1 h */
  everyMs?: number;
}

/**
 * Forgets the rate-limit counters and sign-in throttles that no longer decide anything: every
 * address that ever knocked leaves a row, and without this pass the tables only grow. A row goes
 * only once it no longer holds anyone back: a counter whose window has ended (the next hit would
 * start a new one), a sign-in pair unlocked and quiet for a day after its window (the back-off of
 * login-throttle.ts forgives earlier locks after a quiet day).
 */
export function createAuthHousekeeping(options: AuthHousekeepingOptions) {
  const { dataSource } = options;
  const clock = options.clock ?? (() => new Date());
  const log = options.logger.child({ component: 'auth housekeeping' });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  const housekeeping = {
    async prune(): Promise<{ rateLimits: number; throttles: number }> {
      const now = clock();
      const windowEnded = new Date(now.getTime() - options.windowSeconds * 1000);
      const [, rateLimits] = await dataSource.query(`DELETE FROM rate_limit WHERE "windowStart" <= $1`, [
        windowEnded,
      ]);
      const quietSince = new Date(now.getTime() - (MAX_LOCK_SECONDS + options.windowSeconds) * 1000);
      const lockForgotten = new Date(now.getTime() - MAX_LOCK_SECONDS * 1000);
      const [, throttles] = await dataSource.query(
        `DELETE FROM login_throttle
          WHERE "windowStart" <= $1 AND ("lockedUntil" IS NULL OR "lockedUntil" <= $2)`,
        [quietSince, lockForgotten],
      );
      return { rateLimits: Number(rateLimits ?? 0), throttles: Number(throttles ?? 0) };
    },

    start(): void {
      if (timer) return;
      timer = setInterval(() => {
        // A slow pass is not overtaken by the next one.
        running ??= housekeeping
          .prune()
          .catch((error) => log.warn({ err: error }, 'pruning rate limits and sign-in throttles failed'))
          .finally(() => {
            running = undefined;
          });
      }, options.everyMs ?? 3_600_000);
      timer.unref();
    },

    /** No new passes; waits for the running one, which still uses the database. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
  return housekeeping;
}
