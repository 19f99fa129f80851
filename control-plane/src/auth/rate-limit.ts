import type { DataSource } from 'typeorm';
import { RateLimitedError } from '../errors/index.js';
import { RELAXED_COMMIT } from '../relaxed-commit.js';

/**
 * Fixed-window counters in PostgreSQL (one upsert per hit), so the limit holds across replicas
 * and restarts. Counting happens before the work.
 *
 * A count commits without waiting for its WAL flush (relaxed-commit.ts): a crash may forget the
 * last fraction of a second of hits, which only lets a few more requests through once, while every
 * sign-up and sign-in stops paying a disk flush before its real work starts.
 */
export function createRateLimiter(deps: { dataSource: DataSource }) {
  /**
   * Counts one hit on each key in one statement (a request limited per IP and per account pays
   * one round trip); throws `rate_limited` when any of them is over its limit, with the longest
   * wait among those.
   */
  async function hitAll(
    limits: readonly { key: string; limit: number }[],
    windowSeconds: number,
  ): Promise<void> {
    const rows: { key: string; count: number; retry: number }[] = await deps.dataSource.query(
      `WITH ${RELAXED_COMMIT}
       INSERT INTO "rate_limit" ("key", "windowStart", "count")
         SELECT k, now(), 1 FROM unnest($1::text[]) AS k, relaxed_commit ORDER BY k
       ON CONFLICT ("key") DO UPDATE SET
         "count" = CASE WHEN "rate_limit"."windowStart" <= now() - make_interval(secs => $2)
                        THEN 1 ELSE "rate_limit"."count" + 1 END,
         "windowStart" = CASE WHEN "rate_limit"."windowStart" <= now() - make_interval(secs => $2)
                        THEN now() ELSE "rate_limit"."windowStart" END
       RETURNING "key", "count",
         CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => $2) - now())))::int AS "retry"`,
      [limits.map((l) => l.key), windowSeconds],
    );
    const limitOf = new Map(limits.map((l) => [l.key, l.limit]));
    const over = rows.filter((row) => row.count > (limitOf.get(row.key) ?? Number.POSITIVE_INFINITY));
    if (over.length)
      throw new RateLimitedError({ retryAfterSeconds: Math.max(1, ...over.map((row) => row.retry)) });
  }

  return {
    /** Counts one hit on `key`; throws `rate_limited` (429, Retry-After) once `limit` is exceeded. */
    async hit(key: string, limit: number, windowSeconds: number): Promise<void> {
      await hitAll([{ key, limit }], windowSeconds);
    },

    hitAll,
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
