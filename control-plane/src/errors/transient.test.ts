import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnavailableError } from './domain-error.js';
import { asTransientError } from './transient.js';

/** What pg really throws when a server accepts the socket but never answers in time. */
describe('asTransientError', () => {
  let silent: net.Server;
  let port: number;

  beforeAll(async () => {
    silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    port = (silent.address() as net.AddressInfo).port;
  });
  afterAll(() => {
    silent.close();
  });

  it('answers 503 unavailable for a connection that was not established in time', async () => {
    // Through a pool, as the data source connects: pg-pool words the connect timeout.
    const pool = new pg.Pool({ host: '127.0.0.1', port, connectionTimeoutMillis: 100 });
    const error = await pool.query('SELECT 1').then(
      () => null,
      (e: unknown) => e,
    );
    await pool.end();
    expect(error).toBeInstanceOf(Error);
    expect(asTransientError(error)).toBeInstanceOf(UnavailableError);
  });

  it('leaves any other error unknown (a 500)', () => {
    expect(asTransientError(new Error('relation "x" does not exist'))).toBeNull();
  });
});
