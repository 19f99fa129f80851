import type { AddressInfo } from 'node:net';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { DataSource, type QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../graphql/format-error.js';
import { createLogger } from '../logger.js';
import { createTestDatabase } from '../test-support/database.js';
import { errorMiddleware } from './error-middleware.js';

// A real PostgreSQL behind a one-connection pool whose only connection is held: the next query
// waits out connectionTimeoutMillis and fails the way a burst on one hot organization does.
describe('a database pool that stays full', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let source: DataSource;
  let holder: QueryRunner;
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    database = await createTestDatabase('pool_full');
    source = new DataSource({
      type: 'postgres',
      url: database.url,
      // Generous while the one connection is opened (a loaded machine can take longer than 50 ms
      // to connect), then short for the queries that wait for it.
      extra: { max: 1, connectionTimeoutMillis: 30_000 },
    });
    await source.initialize();
    holder = source.createQueryRunner();
    await holder.connect();
    (source.driver as PostgresDriver).master.options.connectionTimeoutMillis = 50;
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
    await holder?.release();
    await source?.destroy();
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
