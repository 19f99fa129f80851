import { GetBucketCorsCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { apiTestEnv, registerAndSignIn } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { createBucketQueue } from './bucket-queue.js';

/** Whether the server's S3 has the bucket, asked over HTTP through the verifying gateway. */
async function bucketExists(server: TestServer, bucket: string): Promise<boolean> {
  const { client } = server.services.storage.connection();
  return client.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    () => false,
  );
}

async function bucketRow(server: TestServer, organizationId: string) {
  const [row] = await server.services.dataSource.query(
    `SELECT bucket, action, state, error, attempts FROM media_bucket WHERE "organizationId" = $1`,
    [organizationId],
  );
  return row;
}

describe('media buckets follow the tenant', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
  }, 60_000);
  afterAll(() => server?.close());

  it('creates the platform bucket at start and an organization bucket after registration', async () => {
    const { organizationId } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Bucket Bakery',
      email: 'owner@bucket-bakery.test',
    });
    await server.services.buckets.kick();
    expect(await bucketRow(server, organizationId)).toMatchObject({
      bucket: 'org-bucket-bakery-media',
      state: 'ready',
      error: null,
    });
    expect(await bucketExists(server, 'org-bucket-bakery-media')).toBe(true);
    expect(await bucketExists(server, 'system-media')).toBe(true);
  });

  it("lets the admin's origin upload from a browser: the port the server listens on, not PORT=0", async () => {
    const { organizationId } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Cors Candles',
      email: 'owner@cors-candles.test',
    });
    await server.services.buckets.kick();
    expect(await bucketRow(server, organizationId)).toMatchObject({ state: 'ready' });
    const { client, publicEndpoint } = server.services.storage.connection();
    const cors = await client.send(new GetBucketCorsCommand({ Bucket: 'org-cors-candles-media' }));
    expect(cors.CORSRules?.[0]?.AllowedOrigins).toEqual([server.url]);
    // The browser's preflight of a presigned PUT, answered through the verifying gateway: allowed
    // from the admin, refused from any other origin.
    const preflight = (origin: string) =>
      fetch(`${publicEndpoint}/org-cors-candles-media/2026/12/a.png`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight(server.url);
    expect([allowed.status, allowed.headers.get('access-control-allow-methods')]).toEqual([
      200,
      'GET, PUT, HEAD',
    ]);
    expect((await preflight('http://elsewhere.test')).status).toBe(403);
  });

  it('keeps the bucket when the tenant is deprovisioned and deletes it, objects included, after a purge commit', async () => {
    const { organizationId } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Purged Pottery',
      email: 'owner@purged-pottery.test',
    });
    await server.services.buckets.kick();
    const { client } = server.services.storage.connection();
    await client.send(
      new PutObjectCommand({ Bucket: 'org-purged-pottery-media', Key: '2026/12/a.txt', Body: 'a' }),
    );
    const [{ id: tenantId }] = await server.services.dataSource.query(
      `SELECT id FROM tenant WHERE "organizationId" = $1`,
      [organizationId],
    );
    await server.services.dataSource.query(`UPDATE tenant SET state = 'deprovisioned' WHERE id = $1`, [
      tenantId,
    ]);
    await server.services.buckets.afterCommit([tenantId]);
    expect(await bucketExists(server, 'org-purged-pottery-media')).toBe(true);

    await server.services.dataSource.query(`UPDATE tenant SET state = 'purging' WHERE id = $1`, [tenantId]);
    await server.services.buckets.afterCommit([tenantId]);
    await server.services.buckets.idle();
    expect(await bucketRow(server, organizationId)).toMatchObject({ action: 'delete', state: 'deleted' });
    expect(await bucketExists(server, 'org-purged-pottery-media')).toBe(false);
  });

  it('retries while S3 is down, showing the reason, and shows failed after several attempts', async () => {
    const { organizationId } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Offline Optics',
      email: 'owner@offline-optics.test',
    });
    // Registration committed before any S3 call: the row is there whatever S3 does.
    const down = new S3Client({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      maxAttempts: 1,
    });
    // The server's own queue creates it after the commit: let it finish before taking the row over.
    await server.services.buckets.idle();
    await server.services.dataSource.query(
      `UPDATE media_bucket SET state = 'pending' WHERE "organizationId" = $1`,
      [organizationId],
    );
    const outage = createBucketQueue({
      dataSource: server.services.dataSource,
      storage: { start: async () => {}, stop: async () => {}, connection: () => ({ client: down }) as never },
      logger: createLogger('silent'),
      prefix: '',
      clock: () => new Date(),
      allowedOrigins: () => ['http://127.0.0.1'],
      failAfter: 2,
      backoffMs: 0,
    });
    await outage.kick();
    expect(await bucketRow(server, organizationId)).toMatchObject({ state: 'pending', attempts: 1 });
    expect((await bucketRow(server, organizationId)).error).toMatch(/ECONNREFUSED|connect/);
    await outage.kick();
    expect(await bucketRow(server, organizationId)).toMatchObject({ state: 'failed', attempts: 2 });
    down.destroy();
    // S3 back: the next pass of the real queue creates it.
    await server.services.buckets.kick();
    expect(await bucketRow(server, organizationId)).toMatchObject({ state: 'ready', error: null });
  });

  it('records what a commit made due without waiting for S3 to answer (the writer answers registrations after it)', async () => {
    const { organizationId } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Slow Sails',
      email: 'owner@slow-sails.test',
    });
    // The server's own queue creates it after the commit: let it finish before taking the row over.
    await server.services.buckets.idle();
    await server.services.dataSource.query(
      `UPDATE media_bucket SET state = 'pending' WHERE "organizationId" = $1`,
      [organizationId],
    );
    // An S3 that takes every request and answers none until the test lets it.
    let answer: (() => void) | undefined;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const sent: string[] = [];
    const hanging = {
      send: async (command: { constructor: { name: string } }) => {
        sent.push(command.constructor.name);
        await answered;
        return {};
      },
    };
    const slow = createBucketQueue({
      dataSource: server.services.dataSource,
      storage: {
        start: async () => {},
        stop: async () => {},
        connection: () => ({ client: hanging }) as never,
      },
      logger: createLogger('silent'),
      prefix: '',
      clock: () => new Date(),
      allowedOrigins: () => ['http://127.0.0.1'],
      backoffMs: 0,
    });
    const [{ id: tenantId }] = await server.services.dataSource.query(
      `SELECT id FROM tenant WHERE "organizationId" = $1`,
      [organizationId],
    );
    await slow.afterCommit([tenantId]);
    // Resolved before S3 answered: the creation reaches S3 after, and waits there.
    await expect.poll(() => sent).toContain('CreateBucketCommand');
    expect(await bucketRow(server, organizationId)).toMatchObject({ state: 'pending' });
    answer?.();
    await slow.idle();
    expect(await bucketRow(server, organizationId)).toMatchObject({ state: 'ready' });
    await slow.stop();
  });
});
