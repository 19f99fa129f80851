import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDataSource } from '../db/data-source.js';
import { createLogger } from '../logger.js';
import { createTestDatabase } from '../test-support/database.js';
import { createAuthHousekeeping } from './auth-housekeeping.js';
import { MAX_LOCK_SECONDS } from './login-throttle.js';

const WINDOW = 900;
const now = new Date('2026-03-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const ahead = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('forgetting spent rate limits and sign-in throttles', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  const housekeeping = () =>
    createAuthHousekeeping({
      dataSource,
      logger: createLogger('silent'),
      windowSeconds: WINDOW,
      clock: () => now,
    });

  beforeAll(async () => {
    db = await createTestDatabase('auth_housekeeping');
    dataSource = createDataSource(db.url);
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });
  beforeEach(async () => {
    await dataSource.query('DELETE FROM rate_limit');
    await dataSource.query('DELETE FROM login_throttle');
  });

  it('deletes the counters whose window has ended and keeps the running ones', async () => {
    for (const [key, start] of [
      ['ended', ago(WINDOW + 1)],
      ['just-ended', ago(WINDOW)],
      ['running', ago(WINDOW - 1)],
      ['fresh', now],
    ] as const) {
      await dataSource.query(`INSERT INTO rate_limit (key, "windowStart", count) VALUES ($1, $2, 7)`, [
        key,
        start,
      ]);
    }
    expect(await housekeeping().prune()).toEqual({ rateLimits: 2, throttles: 0 });
    const left = await dataSource.query('SELECT key FROM rate_limit ORDER BY key');
    expect(left.map((r: { key: string }) => r.key)).toEqual(['fresh', 'running']);
  });

  it('deletes a sign-in pair only once it is unlocked and has been quiet for a day', async () => {
    const day = MAX_LOCK_SECONDS;
    const pairs: [string, Date, Date | null][] = [
      ['quiet, never locked', ago(day + WINDOW), null],
      ['quiet, lock long over', ago(day + WINDOW + 5), ago(day)],
      ['window within the day', ago(day + WINDOW - 1), null],
      ['lock over for less than a day', ago(3 * day), ago(day - 1)],
      ['still locked', ago(3 * day), ahead(60)],
    ];
    for (const [ip, windowStart, lockedUntil] of pairs) {
      await dataSource.query(
        `INSERT INTO login_throttle (ip, email, attempts, "windowStart", "lockedUntil", locks)
         VALUES ($1, 'someone@example.test', 3, $2, $3, 1)`,
        [ip, windowStart, lockedUntil],
      );
    }
    expect(await housekeeping().prune()).toEqual({ rateLimits: 0, throttles: 2 });
    const left = await dataSource.query('SELECT ip FROM login_throttle ORDER BY ip');
    expect(left.map((r: { ip: string }) => r.ip)).toEqual([
      'lock over for less than a day',
      'still locked',
      'window within the day',
    ]);
  });
});
