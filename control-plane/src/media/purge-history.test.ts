import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { adminToken, apiTestEnv, client, registerAndSignIn } from '../test-support/api-client.js';
import { postFluxReady } from '../test-support/flux-events.js';
import { addSuperadmin } from '../test-support/reviewed-change.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { createBucketQueue } from './bucket-queue.js';

const FLUX_TOKEN = 'purge-history-flux-token';

describe("a purge's history and the media bucket", () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;

  beforeAll(async () => {
    server = await startTestServer({ ...apiTestEnv, FLUX_WEBHOOK_TOKEN: FLUX_TOKEN });
    admin = client(server, await adminToken(server));
  }, 60_000);
  afterAll(() => server?.close());

  /** A bucket queue of this server's database, S3 reached through `storage`, deletions timed by `clock`. */
  const queue = (storage: TestServer['services']['storage'], clock = () => new Date()) =>
    createBucketQueue({
      dataSource: server.services.dataSource,
      storage,
      logger: createLogger('silent'),
      prefix: '',
      clock,
      allowedOrigins: () => [server.url],
      backoffMs: 0,
    });

  const purgeEntries = async (organizationId: string) =>
    (await admin.get(`/organizations/${organizationId}/history`)).body.items.filter(
      (c: { subject: string }) => c.subject.includes('): purge'),
    );

  it('says the bucket is deleted only once the outbox deleted it, pending with the reason until then', async () => {
    const { organizationId } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Closing Candles',
      email: 'owner@closing-candles.test',
    });
    await server.services.buckets.kick();
    const { client: s3 } = server.services.storage.connection();
    expect(await s3.send(new HeadBucketCommand({ Bucket: 'org-closing-candles-media' }))).toBeTruthy();

    // The server's queue takes no more work: the purge commits, nothing has touched S3 yet.
    await server.services.buckets.stop();
    expect((await admin.post(`/organizations/${organizationId}/deprovision`)).status).toBe(200);
    const requested = await admin.post(`/organizations/${organizationId}/purge`, {
      reason: 'contract ended',
    });
    const second = await addSuperadmin(server, admin, 'reviewer@closing-candles.test');
    expect((await second.post(`/change-requests/${requested.body.change.id}/approve`)).status).toBe(200);
    const merged = await second.post(`/change-requests/${requested.body.change.id}/merge`);
    expect(merged.body).toMatchObject({ state: 'merged', purgeStage: 'released' });

    const pending = { bucket: 'org-closing-candles-media', state: 'pending', error: null, deletedAt: null };
    const [release] = await purgeEntries(organizationId);
    expect(release.mediaBucket).toEqual(pending);
    // Commits that are not the purge's say nothing of the bucket.
    const others = (await admin.get(`/organizations/${organizationId}/history`)).body.items.filter(
      (c: { subject: string }) => !c.subject.includes('): purge'),
    );
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c: { mediaBucket: unknown }) => c.mediaBucket === null)).toBe(true);

    // S3 down: still pending, now with the reason.
    const down = new S3Client({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      maxAttempts: 1,
    });
    await queue({
      start: async () => {},
      stop: async () => {},
      connection: () => ({ client: down }) as never,
    }).kick();
    down.destroy();
    const [failing] = await purgeEntries(organizationId);
    expect(failing.mediaBucket).toMatchObject({ state: 'pending', deletedAt: null });
    expect(failing.mediaBucket.error).toMatch(/ECONNREFUSED|connect/);
    expect(await s3.send(new HeadBucketCommand({ Bucket: 'org-closing-candles-media' }))).toBeTruthy();

    // S3 back: the outbox deletes it, and only now does the history say so, with the time.
    const deletedAt = new Date('2026-03-04T05:06:07.000Z');
    await queue(server.services.storage, () => deletedAt).kick();
    await expect(s3.send(new HeadBucketCommand({ Bucket: 'org-closing-candles-media' }))).rejects.toThrow();
    const [done] = await purgeEntries(organizationId);
    expect(done.mediaBucket).toEqual({ ...pending, state: 'deleted', deletedAt: deletedAt.toISOString() });

    // The second commit (the folder removed) reads the same deletion; GraphQL shows it too.
    expect(await postFluxReady({ url: server.url, token: FLUX_TOKEN }, 'closing-candles', release.sha)).toBe(
      200,
    );
    await server.services.changes.drain();
    const both = await purgeEntries(organizationId);
    expect(both).toHaveLength(2);
    expect(both.map((c: { mediaBucket: { state: string } }) => c.mediaBucket.state)).toEqual([
      'deleted',
      'deleted',
    ]);
    const gql = await admin.graphql(
      `query($id: ID!) { organization(id: $id) { history { subject mediaBucket { bucket state deletedAt } } } }`,
      { id: organizationId },
    );
    expect(gql.data.organization.history[0].mediaBucket).toEqual({
      bucket: 'org-closing-candles-media',
      state: 'deleted',
      deletedAt: deletedAt.toISOString(),
    });
  }, 120_000);
});
