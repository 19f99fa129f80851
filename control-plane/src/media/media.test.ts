import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../access/organization.entities.js';
import { adminToken, apiTestEnv, client, tokenFor } from '../test-support/api-client.js';
import { uploadMedia } from '../test-support/media-upload.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

type Client = ReturnType<typeof client>;

describe('the media API', () => {
  let server: TestServer;
  let admin: Client;
  const org: Record<'A' | 'A1' | 'A2' | 'B' | 'B1' | 'platform', string> = {
    A: '',
    A1: '',
    A2: '',
    B: '',
    B1: '',
    platform: '',
  };

  async function agency(name: string, email: string): Promise<{ id: string; api: Client }> {
    const password = 'a-long-enough-password';
    const reg = await client(server).post('/registrations', {
      accountType: 'agency',
      projectType: 'website',
      organizationName: name,
      email,
      password,
    });
    const requests = await admin.get('/agency-requests');
    const request = requests.body.items.find(
      (r: { organization: { id: string } }) => r.organization.id === reg.body.organization.id,
    );
    await admin.post(`/agency-requests/${request.id}/approve`);
    const login = await client(server).post('/auth/login', { email, password });
    return { id: reg.body.organization.id, api: client(server, login.body.accessToken) };
  }

  async function userWithRole(organizationId: string, role: Role): Promise<Client> {
    const [user] = await server.services.dataSource.query(
      `INSERT INTO "user" (email, name, "passwordHash") VALUES ($1, 'Media', '!') RETURNING id`,
      [`${randomUUID()}@media.test`],
    );
    await server.services.dataSource.query(
      `INSERT INTO membership ("userId", "organizationId", role) VALUES ($1, $2, $3)`,
      [user.id, organizationId, role],
    );
    return client(server, tokenFor(server, user.id));
  }

  /** Uploads `body` through a presigned URL as `api` and completes it: the recorded key. */
  const upload = async (api: Client, organizationId: string, name: string, body = 'hello media') =>
    (await uploadMedia(api, organizationId, name, body)).key;

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    const a = await agency('Media Agency A', 'a@media-a.test');
    const b = await agency('Media Agency B', 'b@media-b.test');
    org.A = a.id;
    org.B = b.id;
    org.A1 = (
      await a.api.post('/organizations', { organizationName: 'Media Client A1', projectType: 'website' })
    ).body.organization.id;
    org.A2 = (
      await a.api.post('/organizations', { organizationName: 'Media Client A2', projectType: 'website' })
    ).body.organization.id;
    org.B1 = (
      await b.api.post('/organizations', { organizationName: 'Media Client B1', projectType: 'website' })
    ).body.organization.id;
    const [platform] = await server.services.dataSource.query(
      `SELECT id FROM organization WHERE kind = 'platform'`,
    );
    org.platform = platform.id;
    await server.services.buckets.kick();
  }, 120_000);
  afterAll(() => server?.close());

  it('uploads straight to the bucket, records what S3 stored, lists and downloads it', async () => {
    const key = await upload(admin, org.A1, 'Été report.txt', 'twelve bytes');
    expect(key).toMatch(/^\d{4}\/\d{2}\/Ete-report\.txt$/);
    const list = await admin.get(`/organizations/${org.A1}/media`);
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ key, size: 12, contentType: 'text/plain', organizationId: org.A1 }),
    );
    // The listing links each object, so the admin shows thumbnails without a call per object.
    const listed = list.body.items.find((i: { key: string }) => i.key === key);
    expect(await (await fetch(listed.url)).text()).toBe('twelve bytes');
    const download = await admin.get(
      `/organizations/${org.A1}/media/download?key=${encodeURIComponent(key)}`,
    );
    expect(await (await fetch(download.body.url)).text()).toBe('twelve bytes');
    // The same name again gets the next free key.
    expect(await upload(admin, org.A1, 'Été report.txt')).toBe(key.replace('.txt', '-2.txt'));
  });

  it('shows the bucket state and quota use', async () => {
    const status = await admin.get(`/organizations/${org.A1}/media/status`);
    expect(status.body).toMatchObject({ bucket: 'org-media-client-a1-media', state: 'ready', error: null });
    expect(status.body.usedBytes).toBeGreaterThan(0);
    expect(status.body.quotaBytes).toBe(1073741824);
    // The organization view carries the same, REST and GraphQL alike.
    expect((await admin.get(`/organizations/${org.A1}`)).body.media).toEqual(status.body);
    const gql = await admin.graphql(
      `query($id: ID!) { organization(id: $id) { media { bucket state error usedBytes quotaBytes } } }`,
      { id: org.A1 },
    );
    expect(gql.data.organization.media).toEqual(status.body);
  });

  it('lists organizations with their media in one query for the whole page', async () => {
    const { dataSource } = server.services;
    const query = vi.spyOn(dataSource, 'query');
    try {
      const list = await admin.get('/organizations?limit=500');
      const byId = new Map(list.body.items.map((o: { id: string; media: unknown }) => [o.id, o.media]));
      expect(byId.get(org.A1)).toMatchObject({ bucket: 'org-media-client-a1-media', state: 'ready' });
      expect(byId.get(org.B1)).toMatchObject({ bucket: 'org-media-client-b1-media', state: 'ready' });
      // The platform's bucket (system-media) is no organization's.
      expect(byId.get(org.platform)).toBeNull();
      // The statuses' query (the bucket queue may poll media_bucket meanwhile: not counted).
      const mediaQueries = query.mock.calls.filter(([sql]) => String(sql).includes('FROM media_bucket b'));
      expect(mediaQueries).toHaveLength(1);
    } finally {
      query.mockRestore();
    }
  });

  it.each([
    [{ name: '../../etc/passwd', contentType: 'text/plain', size: 3 }, 'media_name_invalid'],
    [{ name: '.hidden', contentType: 'text/plain', size: 3 }, 'media_name_invalid'],
    [{ name: 'page.html', contentType: 'text/html', size: 3 }, 'media_type_not_allowed'],
    [{ name: 'huge.mp4', contentType: 'video/mp4', size: 104857601 }, 'media_too_large'],
    [{ name: 'a.txt', contentType: 'text/plain', size: 0 }, 'invalid_input'],
    // This server has no MEDIA_PUBLIC_BASE_URL: a public object would have no URL to be served at.
    [{ name: 'a.txt', contentType: 'text/plain', size: 3, public: true }, 'media_public_not_configured'],
  ])('refuses an upload of %j with 400 %s', async (body, code) => {
    const res = await admin.post(`/organizations/${org.A1}/media/uploads`, body);
    expect([res.status, res.body.error.code]).toEqual([400, code]);
  });

  it("refuses an upload past the tier's quota before presigning", async () => {
    await server.services.dataSource.query(`UPDATE tier SET "mediaQuotaBytes" = 30 WHERE name = 'starter'`);
    try {
      const res = await admin.post(`/organizations/${org.A1}/media/uploads`, {
        name: 'big.txt',
        contentType: 'text/plain',
        size: 30,
      });
      expect([res.status, res.body.error.code]).toEqual([400, 'media_quota_exceeded']);
    } finally {
      await server.services.dataSource.query(
        `UPDATE tier SET "mediaQuotaBytes" = 1073741824 WHERE name = 'starter'`,
      );
    }
  });

  it('refuses to record an upload that never reached S3, and a key of another organization', async () => {
    const missing = await admin.post(`/organizations/${org.A1}/media/complete`, { key: '2026/01/never.txt' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'media_not_found']);
    const key = await upload(admin, org.B1, 'b-only.txt');
    const elsewhere = await admin.get(
      `/organizations/${org.A1}/media/download?key=${encodeURIComponent(key)}`,
    );
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, 'media_not_found']);
  });

  it('answers 503 storage_unavailable and records nothing while S3 is down', async () => {
    const key = await upload(admin, org.A2, 'kept.txt');
    const before = await server.services.dataSource.query(`SELECT key FROM media_object ORDER BY key`);
    await server.services.storage.stop();
    try {
      const remove = await admin.delete(`/organizations/${org.A2}/media?key=${encodeURIComponent(key)}`);
      expect([remove.status, remove.body.error.code]).toEqual([503, 'storage_unavailable']);
      const complete = await admin.post(`/organizations/${org.A2}/media/complete`, { key });
      expect([complete.status, complete.body.error.code]).toEqual([503, 'storage_unavailable']);
      expect(await server.services.dataSource.query(`SELECT key FROM media_object ORDER BY key`)).toEqual(
        before,
      );
    } finally {
      await server.services.storage.start();
    }
  });

  it('lists agency-wide: an agency admin sees its clients’ media, never another agency’s', async () => {
    const agencyAdmin = await userWithRole(org.A, 'agency_admin');
    const a1 = await upload(admin, org.A1, 'agency-view.txt');
    const b1 = await upload(admin, org.B1, 'agency-view.txt');
    const page = await agencyAdmin.get('/media?limit=500');
    const seen = page.body.items.map(
      (i: { organizationId: string; key: string }) => `${i.organizationId}:${i.key}`,
    );
    expect(seen).toContain(`${org.A1}:${a1}`);
    expect(seen).not.toContain(`${org.B1}:${b1}`);
    const gql = await agencyAdmin.graphql('{ allMedia(limit: 500) { items { organizationId key } } }');
    expect(gql.data.allMedia.items.map((i: { organizationId: string }) => i.organizationId)).not.toContain(
      org.B1,
    );
  });

  it('filters by month and by kind of file', async () => {
    const key = await upload(admin, org.A1, 'kinds.txt');
    const [year, month] = key.split('/').map(Number);
    const keys = async (query: string) =>
      (await admin.get(`/organizations/${org.A1}/media?limit=500&${query}`)).body.items.map(
        (i: { key: string }) => i.key,
      );
    expect(await keys(`type=document&year=${year}&month=${month}`)).toContain(key);
    expect(await keys('type=image')).not.toContain(key);
    expect(await keys(`year=${year}&month=${(month ?? 1) === 12 ? 1 : (month ?? 1) + 1}`)).not.toContain(key);
    expect((await admin.get(`/organizations/${org.A1}/media?type=spreadsheet`)).status).toBe(400);
  });

  it('pages with the cursor it hands out and refuses one it did not', async () => {
    const first = await admin.get(`/organizations/${org.A1}/media?limit=1`);
    expect(first.body.items).toHaveLength(1);
    const second = await admin.get(`/organizations/${org.A1}/media?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].key < first.body.items[0].key).toBe(true);
    const junk = await admin.get(`/organizations/${org.A1}/media?cursor=not-a-cursor`);
    expect(junk.status).toBe(400);
  });

  it('repairs the rows from the bucket listing: an upload never completed appears, a vanished object goes', async () => {
    const { client: s3 } = server.services.storage.connection();
    const bucket = 'org-media-client-a2-media';
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: '2025/07/orphan.pdf',
        Body: 'pdf bytes',
        ContentType: 'application/pdf',
      }),
    );
    const gone = await upload(admin, org.A2, 'vanishing.txt');
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: gone }));
    await server.services.mediaReconcile.run();
    const keys = (await admin.get(`/organizations/${org.A2}/media?limit=500`)).body.items;
    expect(keys).toContainEqual(
      expect.objectContaining({
        key: '2025/07/orphan.pdf',
        size: 9,
        contentType: 'application/pdf',
        uploadedBy: null,
      }),
    );
    expect(keys.map((i: { key: string }) => i.key)).not.toContain(gone);
  });

  // The golden rule over every endpoint: roles × where the organization lies from where the role is held.
  const cases: [
    Role,
    'A' | 'A1',
    'A' | 'A1' | 'A2' | 'B' | 'B1' | 'platform',
    'own' | 'child' | 'parent' | 'sibling' | 'other agency',
  ][] = [
    ['agency_admin', 'A', 'A', 'own'],
    ['agency_admin', 'A', 'A1', 'child'],
    ['agency_admin', 'A', 'platform', 'parent'],
    ['agency_admin', 'A', 'B', 'sibling'],
    ['agency_admin', 'A', 'B1', 'other agency'],
    ['client_admin', 'A1', 'A1', 'own'],
    ['client_admin', 'A1', 'A', 'parent'],
    ['client_admin', 'A1', 'A2', 'sibling'],
    ['client_admin', 'A1', 'B1', 'other agency'],
    ['editor', 'A1', 'A1', 'own'],
    ['editor', 'A1', 'A', 'parent'],
    ['editor', 'A1', 'A2', 'sibling'],
    ['viewer', 'A1', 'A1', 'own'],
    ['viewer', 'A1', 'A', 'parent'],
    ['viewer', 'A1', 'B1', 'other agency'],
  ];

  it.each(cases)('%s of %s on %s (%s): every endpoint, REST and GraphQL', async (role, at, on, _relation) => {
    const api = await userWithRole(org[at], role);
    const id = org[on];
    const visible = on === at || (role === 'agency_admin' && (on === 'A1' || on === 'A2'));
    const writes = visible && role !== 'viewer';
    const read = visible ? 200 : 404;
    const write = (ok: number) => (writes ? ok : visible ? 403 : 404);
    // An object of the target organization, put there by the platform.
    const key = on === 'platform' ? '2026/01/none.txt' : await upload(admin, id, `${role}-${on}.txt`);
    const q = `key=${encodeURIComponent(key)}`;

    expect((await api.get(`/organizations/${id}/media`)).status).toBe(read);
    expect((await api.get(`/organizations/${id}/media/status`)).status).toBe(read);
    expect((await api.get(`/organizations/${id}/media/download?${q}`)).status).toBe(
      on === 'platform' ? 404 : read,
    );
    const presign = await api.post(`/organizations/${id}/media/uploads`, {
      name: 'x.txt',
      contentType: 'text/plain',
      size: 1,
    });
    expect(presign.status).toBe(on === 'platform' && writes ? 503 : write(201));
    expect((await api.post(`/organizations/${id}/media/complete`, { key })).status).toBe(
      on === 'platform' && writes ? 503 : write(200),
    );

    const gql = await api.graphql(`query($id: ID!) { media(organizationId: $id) { items { key } } }`, { id });
    expect(gql.errors?.[0]?.extensions.code ?? 'ok').toBe(visible ? 'ok' : 'organization_not_found');
    const gqlDelete = await api.graphql(
      `mutation($id: ID!, $key: String!) { deleteMedia(organizationId: $id, key: $key) }`,
      { id, key },
    );
    const deleteCode = writes
      ? on === 'platform'
        ? 'media_not_found'
        : 'ok'
      : visible
        ? 'forbidden'
        : 'organization_not_found';
    expect(gqlDelete.errors?.[0]?.extensions.code ?? 'ok').toBe(deleteCode);
    if (!writes && on !== 'platform') {
      expect((await api.delete(`/organizations/${id}/media?${q}`)).status).toBe(write(204));
      expect((await admin.delete(`/organizations/${id}/media?${q}`)).status).toBe(204);
    }
  });
});
