import type { AddressInfo } from 'node:net';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../graphql/format-error.js';
import { createLogger } from '../logger.js';
import { createTestDatabase, openHeldPool } from '../test-support/database.js';
import { errorMiddleware } from './error-middleware.js';

// A real PostgreSQL behind a one-connection pool whose only connection is held: the next query
// waits out its 50 ms and fails the way a burst on one hot organization does.
describe('a database pool that stays full', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let source: DataSource;
  let pool: Awaited<ReturnType<typeof openHeldPool>>;
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    database = await createTestDatabase('pool_full');
    pool = await openHeldPool(database.url, { waitMs: 50 });
    source = pool.source;
    const app = express();
    app.use((req, _res, next) => {
      req.id = 'test-request';
      next();
    });
    app.get('/query', async () => {
      await source.query('SELECT 1');
    });
    app.use(errorMiddleware);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(async () => {
    close?.();
    await pool?.close();
    await database?.drop();
  });

  it('answers 503 unavailable over REST, not a 500', async () => {
    const res = await fetch(`${url}/query`);
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({ code: 'unavailable', requestId: 'test-request' });
  });

  it('answers the same code and status over GraphQL', async () => {
    const error = await source.query('SELECT 1').catch((e: unknown) => e);
    const formatted: GraphQLFormattedError = formatError(createLogger('silent'))({ message: 'x' }, error);
    expect(formatted.extensions).toMatchObject({ code: 'unavailable', status: 503 });
  });
});
