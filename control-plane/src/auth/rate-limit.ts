import type { DataSource } from 'typeorm';
import { RateLimitedError } from '../errors/index.js';

/**
 * Fixed-window counters in PostgreSQL (one upsert per hit), so the limit holds across replicas
 * and restarts. Counting happens before the work; `refund` takes a hit back (a successful login
 * does not count against the account's failure budget).
 */
export function createRateLimiter(deps: { dataSource: DataSource }) {
  return {
    /** Counts one hit on `key`; throws `rate_limited` (429, Retry-After) once `limit` is exceeded. */
    async hit(key: string, limit: number, windowSeconds: number): Promise<void> {
      const rows: { count: number; retry: number }[] = await deps.dataSource.query(
        `INSERT INTO "rate_limit" ("key", "windowStart", "count") VALUES ($1, now(), 1)
         ON CONFLICT ("key") DO UPDATE SET
           "count" = CASE WHEN "rate_limit"."windowStart" <= now() - make_interval(secs => $2)
                          THEN 1 ELSE "rate_limit"."count" + 1 END,
           "windowStart" = CASE WHEN "rate_limit"."windowStart" <= now() - make_interval(secs => $2)
                          THEN now() ELSE "rate_limit"."windowStart" END
         RETURNING "count",
           CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => $2) - now())))::int AS "retry"`,
        [key, windowSeconds],
      );
      const row = rows[0];
      if (row && row.count > limit) throw new RateLimitedError(Math.max(1, row.retry));
    },

    async refund(key: string): Promise<void> {
      await deps.dataSource.query(
        `UPDATE "rate_limit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = $1`,
        [key],
      );
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
