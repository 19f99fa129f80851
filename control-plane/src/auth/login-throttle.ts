import type { DataSource } from 'typeorm';
import { RateLimitedError } from '../errors/index.js';

export interface ThrottlePolicy {
  /** Attempts per client address and account per window (RATE_LIMIT_LOGIN_PER_IP_ACCOUNT). */
  limit: number;
  windowSeconds: number;
}

export interface ThrottleState {
  attempts: number;
  windowStart: Date;
  lockedUntil: Date | null;
  locks: number;
}

/** The longest lock, however many came before it. */
export const MAX_LOCK_SECONDS = 86_400;

/**
 * One sign-in attempt of an (address, account) pair, decided before the password is checked (so
 * parallel guesses cannot overrun the count). Over the limit the pair is locked for the window,
 * doubled for every lock in a row up to a day; a pair that stayed quiet for a day starts over.
 */
export function decideAttempt(
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy,
): { state: ThrottleState; retryAfterSeconds?: number } {
  const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;
  const current = state ?? { attempts: 0, windowStart: now, lockedUntil: null, locks: 0 };
  if (current.lockedUntil && current.lockedUntil > now) {
    return { state: current, retryAfterSeconds: Math.ceil(seconds(now, current.lockedUntil)) };
  }
  const quiet = current.lockedUntil !== null && seconds(current.lockedUntil, now) >= MAX_LOCK_SECONDS;
  const locks = quiet ? 0 : current.locks;
  const fresh = seconds(current.windowStart, now) >= policy.windowSeconds;
  const attempts = (fresh ? 0 : current.attempts) + 1;
  const windowStart = fresh ? now : current.windowStart;
  if (attempts <= policy.limit) return { state: { attempts, windowStart, lockedUntil: null, locks } };
  const lockSeconds = Math.min(policy.windowSeconds * 2 ** locks, MAX_LOCK_SECONDS);
  return {
    state: {
      attempts: 0,
      windowStart: now,
      lockedUntil: new Date(now.getTime() + lockSeconds * 1000),
      locks: locks + 1,
    },
    retryAfterSeconds: lockSeconds,
  };
}

export interface LoginLock {
  ip: string;
  email: string;
  lockedUntil: Date;
  /** Locks in a row for this pair (the current one included). */
  locks: number;
}

/** The pair's counters in PostgreSQL, shared by every replica; one row lock per attempt. */
export function createLoginThrottle(deps: { dataSource: DataSource; policy: ThrottlePolicy }) {
  return {
    /** Counts an attempt; throws `rate_limited` (429, Retry-After) while the pair is locked. */
    async attempt(input: { ip: string; email: string }): Promise<void> {
      const retryAfterSeconds = await deps.dataSource.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO login_throttle (ip, email, attempts, "windowStart", locks)
           VALUES ($1, $2, 0, now(), 0) ON CONFLICT DO NOTHING`,
          [input.ip, input.email],
        );
        const [row]: (ThrottleState & { now: Date })[] | [] = await tx.query(
          `SELECT attempts, "windowStart", "lockedUntil", locks, now() AS now
             FROM login_throttle WHERE ip = $1 AND email = $2 FOR UPDATE`,
          [input.ip, input.email],
        );
        // No row: a success from the same pair deleted it in between; this attempt starts afresh.
        const decision = decideAttempt(row, row?.now ?? new Date(), deps.policy);
        const next = decision.state;
        await tx.query(
          `UPDATE login_throttle SET attempts = $3, "windowStart" = $4, "lockedUntil" = $5, locks = $6
            WHERE ip = $1 AND email = $2`,
          [input.ip, input.email, next.attempts, next.windowStart, next.lockedUntil, next.locks],
        );
        return decision.retryAfterSeconds;
      });
      if (retryAfterSeconds !== undefined) throw new RateLimitedError({ retryAfterSeconds });
    },

    /** The right password from this pair: its failures and its back-off are forgotten. */
    async succeeded(input: { ip: string; email: string }): Promise<void> {
      await deps.dataSource.query('DELETE FROM login_throttle WHERE ip = $1 AND email = $2', [
        input.ip,
        input.email,
      ]);
    },

    /**
     * Lifts a pair's lock and forgets its back-off (a superadmin who knows the address is the
     * owner's). Whether the pair had a row: false when it was not counted at all.
     */
    async unlock(input: { ip: string; email: string }): Promise<boolean> {
      const [, removed]: [unknown, number] = await deps.dataSource.query(
        'DELETE FROM login_throttle WHERE ip = $1 AND email = $2',
        [input.ip, input.email],
      );
      return removed > 0;
    },

    /** Pairs locked now, newest lock first (for the platform: many addresses on one account = attack). */
    async locks(): Promise<LoginLock[]> {
      return deps.dataSource.query(
        `SELECT ip, email, "lockedUntil", locks FROM login_throttle
          WHERE "lockedUntil" > now() ORDER BY "lockedUntil" DESC, email, ip LIMIT 500`,
      );
    },
  };
}

export type LoginThrottleStore = ReturnType<typeof createLoginThrottle>;
