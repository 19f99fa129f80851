import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, type client, registerAndSignIn } from '../test-support/api-client.js';
import { uploadMedia } from '../test-support/media-upload.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

/** Where the CDN is said to be; it maps `<base>/<bucket>/<key>` onto the S3 endpoint, path-style. */
const CDN = 'http://cdn.media.test/assets';

describe('public media through MEDIA_PUBLIC_BASE_URL', () => {
  let server: TestServer;
  let owner: ReturnType<typeof client>;
  let organizationId: string;

  beforeAll(async () => {
    server = await startTestServer({ ...apiTestEnv, MEDIA_PUBLIC_BASE_URL: `${CDN}/` });
    const signedIn = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Open Orchard',
      email: 'owner@open-orchard.test',
    });
    organizationId = signedIn.organizationId;
    owner = signedIn.owner;
    await server.services.buckets.kick();
  }, 60_000);
  afterAll(() => server?.close());

  const upload = (name: string, body: string, isPublic: boolean) =>
    uploadMedia(owner, organizationId, name, body, { public: isPublic });

  it('keys a public upload under public/ and lists it with its CDN URL; private ones stay presigned', async () => {
    const shared = await upload('logo.txt', 'public logo', true);
    expect(shared).toMatchObject({ public: true });
    expect(shared.key).toMatch(/^public\/\d{4}\/\d{2}\/logo\.txt$/);
    const hidden = await upload('logo.txt', 'private logo', false);
    // Same name, another folder: no collision suffix.
    expect(hidden).toMatchObject({ public: false, key: shared.key.replace('public/', '') });

    const { items } = (await owner.get(`/organizations/${organizationId}/media`)).body;
    const listed = (key: string) => items.find((i: { key: string }) => i.key === key);
    expect(listed(shared.key)).toMatchObject({
      public: true,
      url: `${CDN}/org-open-orchard-media/${shared.key}`,
    });
    expect(listed(hidden.key).public).toBe(false);
    expect(listed(hidden.key).url).toContain('X-Amz-Signature=');

    // The CDN's mapping, with the embedded gateway as its origin: the public object answers
    // unsigned at <endpoint>/<bucket>/<key>; the private one does not.
    const { publicEndpoint } = server.services.storage.connection();
    const origin = (url: string) => url.replace(CDN, publicEndpoint);
    const served = await fetch(origin(listed(shared.key).url));
    expect([served.status, await served.text()]).toEqual([200, 'public logo']);
    expect((await fetch(`${publicEndpoint}/org-open-orchard-media/${hidden.key}`)).status).toBe(403);

    // The same through GraphQL.
    const gql = await owner.graphql(
      `query($id: ID!) { media(organizationId: $id) { items { key public url } } }`,
      {
        id: organizationId,
      },
    );
    expect(gql.data.media.items).toContainEqual({
      key: shared.key,
      public: true,
      url: `${CDN}/org-open-orchard-media/${shared.key}`,
    });
  });

  it('downloads and deletes a public object like any other', async () => {
    const shared = await upload('flyer.txt', 'flyer', true);
    const q = `key=${encodeURIComponent(shared.key)}`;
    const download = await owner.get(`/organizations/${organizationId}/media/download?${q}`);
    expect(await (await fetch(download.body.url)).text()).toBe('flyer');
    expect((await owner.delete(`/organizations/${organizationId}/media?${q}`)).status).toBe(204);
    const { publicEndpoint } = server.services.storage.connection();
    expect((await fetch(`${publicEndpoint}/org-open-orchard-media/${shared.key}`)).status).not.toBe(200);
  });
});
