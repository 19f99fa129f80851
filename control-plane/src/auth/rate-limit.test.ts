import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../db/data-source.js';
import { RateLimitedError } from '../errors/index.js';
import { createTestDatabase } from '../test-support/database.js';
import { createRateLimiter } from './rate-limit.js';

describe('rate limiter', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('rate_limit');
    // One connection: every statement below runs in the session the counts ran in.
    dataSource = new DataSource({ ...createDataSource(db.url).options, extra: { max: 1 } });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('counts each key in its window and refuses past the limit with the wait left', async () => {
    const limiter = createRateLimiter({ dataSource });
    const limits = [
      { key: 'register:ip:192.0.2.1', limit: 3 },
      { key: 'register:account:a@b.test', limit: 2 },
    ];
    await limiter.hitAll(limits, 900);
    await limiter.hitAll(limits, 900);
    const refused = await limiter.hitAll(limits, 900).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    const wait = (refused as RateLimitedError).data?.retryAfterSeconds as number;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(900);
    const rows = await dataSource.query('SELECT key, count FROM rate_limit ORDER BY key');
    expect(rows).toEqual([
      { key: 'register:account:a@b.test', count: 3 },
      { key: 'register:ip:192.0.2.1', count: 3 },
    ]);
  });

  it("relaxes the commit of its own statement only: the pooled session's next transactions are durable", async () => {
    const limiter = createRateLimiter({ dataSource });
    // Durable in this session whatever the test server's default (it runs without synchronous commit).
    await dataSource.query('SET synchronous_commit = on');
    await limiter.hit('login:ip:192.0.2.9', 100, 900);
    const [{ synchronous_commit: setting }] = await dataSource.query('SHOW synchronous_commit');
    expect(setting).toBe('on');
    await dataSource.query('RESET synchronous_commit');
  });
});
