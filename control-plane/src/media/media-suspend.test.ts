import { HeadBucketCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, registerAndSignIn } from '../test-support/api-client.js';
import { uploadMedia } from '../test-support/media-upload.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

type Client = ReturnType<typeof client>;

/*
 * A suspension stops the tenant, not its data: the bucket and its objects stay (issue 14 — kept on
 * suspend and deprovision, deleted only by an approved purge), the media can still be listed and
 * downloaded (`media.read` has no approval gate), uploads and deletions are refused while it is
 * suspended (`media.write` is gated: 409 invalid_state), and resuming finds everything where it was.
 * Against the embedded S3 over HTTP, through the real suspend and resume endpoints.
 */
describe('media of a suspended tenant', () => {
  let server: TestServer;
  let admin: Client;
  let owner: Client;
  let organizationId: string;
  const bucket = 'org-paused-prints-media';
  let key: string;

  const presign = (name: string, body: string) =>
    owner.post(`/organizations/${organizationId}/media/uploads`, {
      name,
      contentType: 'text/plain',
      size: Buffer.byteLength(body),
    });
  const upload = async (name: string, body: string) =>
    (await uploadMedia(owner, organizationId, name, body)).key;
  const listed = async () =>
    (await owner.get(`/organizations/${organizationId}/media`)).body.items.map((i: { key: string }) => i.key);
  const stored = async (objectKey: string) => {
    const { client: s3 } = server.services.storage.connection();
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return s3.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey })).then(
      (head) => head.ContentLength,
      () => null,
    );
  };
  /** Runs what the writer runs after a commit, and the bucket queue, as after any tenant change. */
  const settle = async () => {
    const [{ id }] = await server.services.dataSource.query(
      `SELECT id FROM tenant WHERE "organizationId" = $1`,
      [organizationId],
    );
    await server.services.buckets.afterCommit([id]);
    await server.services.buckets.kick();
  };

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    ({ organizationId, owner } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Paused Prints',
      email: 'owner@paused-prints.test',
    }));
    await server.services.buckets.kick();
    key = await upload('poster.txt', 'kept through a suspension');
  }, 120_000);
  afterAll(() => server?.close());

  it('keeps the bucket and its objects, readable, and refuses uploads and deletions while suspended', async () => {
    const suspended = await admin.post(`/organizations/${organizationId}/suspend`, {
      reason: 'unpaid invoice',
    });
    expect([suspended.status, suspended.body.organization.state]).toEqual([200, 'suspended']);
    await settle();

    expect(await stored(key)).toBe(Buffer.byteLength('kept through a suspension'));
    const [row] = await server.services.dataSource.query(
      `SELECT action, state FROM media_bucket WHERE "organizationId" = $1`,
      [organizationId],
    );
    expect(row).toEqual({ action: 'create', state: 'ready' });
    expect(await listed()).toEqual([key]);
    const download = await owner.get(
      `/organizations/${organizationId}/media/download?key=${encodeURIComponent(key)}`,
    );
    expect(await (await fetch(download.body.url)).text()).toBe('kept through a suspension');

    const refusedUpload = await presign('new.txt', 'not now');
    expect([refusedUpload.status, refusedUpload.body.error.code]).toEqual([409, 'invalid_state']);
    const refusedDelete = await owner.delete(
      `/organizations/${organizationId}/media?key=${encodeURIComponent(key)}`,
    );
    expect([refusedDelete.status, refusedDelete.body.error.code]).toEqual([409, 'invalid_state']);
    expect(await stored(key)).not.toBeNull();
  });

  it('finds everything on resume, and takes uploads again', async () => {
    const resumed = await admin.post(`/organizations/${organizationId}/resume`);
    expect(resumed.status).toBe(200);
    await settle();
    expect(await listed()).toEqual([key]);
    expect(await stored(key)).not.toBeNull();
    const second = await upload('second.txt', 'after the resume');
    expect((await listed()).sort()).toEqual([key, second].sort());
  });
});
