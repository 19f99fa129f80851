import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git, registerAndSignIn } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

describe('previewing a new client', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let agency: ReturnType<typeof client>;
  let agencyId: string;
  const head = async () => (await git(server, 'rev-parse', 'main')).trim();
  const slugs = async () =>
    ((await admin.get('/organizations')).body.items as { slug: string }[]).map((o) => o.slug).sort();

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    const signedUp = await registerAndSignIn(server, {
      accountType: 'agency',
      organizationName: 'Preview Agency',
      email: 'owner@preview-agency.test',
    });
    agencyId = signedUp.organizationId;
    agency = signedUp.owner;
    const requests = await admin.get('/agency-requests');
    const approved = await admin.post(`/agency-requests/${requests.body.items[0].id}/approve`);
    expect(approved.status).toBe(200);
  }, 60_000);
  afterAll(() => server?.close());

  it('shows the files the client would get, under the agency, and creates nothing', async () => {
    const before = { head: await head(), slugs: await slugs() };
    const res = await agency.post('/organizations/preview', {
      organizationName: 'Corner Bakery',
      projectType: 'ecommerce',
      tier: 'pro',
      seedDemoData: false,
    });
    expect(res.status).toBe(200);
    expect(res.body.baseSha).toBe(before.head);
    const paths = res.body.files.map((f: { path: string }) => f.path);
    expect(paths.length).toBeGreaterThan(3);
    for (const f of res.body.files) {
      // sha256(corner-bakery) starts with a9: the hash shard.
      expect(f.path).toMatch(/^tenants\/production\/a9\/corner-bakery\//);
      expect(f.status).toBe('added');
    }
    const all = res.body.files.map((f: { patch: string }) => f.patch).join('\n');
    expect(all).toContain('luster-ecommerce-starter');
    expect(all).not.toContain('LUSTER_DEMO_CONTENT');
    expect(await head()).toBe(before.head);
    expect(await slugs()).toEqual(before.slugs);

    // What the preview showed is what the creation commits.
    const created = await agency.post('/organizations', {
      organizationName: 'Corner Bakery',
      projectType: 'ecommerce',
      tier: 'pro',
      seedDemoData: false,
    });
    expect(created.status).toBe(201);
    expect(created.body.organization.parentId).toBe(agencyId);
    const committed = await git(server, 'diff', '--name-only', before.head, 'main');
    expect(
      committed
        .trim()
        .split('\n')
        .filter((p) => p.startsWith(`${paths[0].split('/').slice(0, 4).join('/')}/`))
        .sort(),
    ).toEqual([...paths].sort());
  });

  it('refuses a taken slug with the code the creation gives, and leaves no row behind', async () => {
    const body = { organizationName: 'Corner Bakery', projectType: 'website' };
    const res = await agency.post('/organizations/preview', body);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('slug_taken');
    const fresh = await agency.post('/organizations/preview', { ...body, slug: 'corner-bakery-two' });
    expect(fresh.status).toBe(200);
    expect(await slugs()).not.toContain('corner-bakery-two');
  });

  it('is refused to a client admin, who may not create organizations', async () => {
    const { owner, organizationId } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Lone Shop',
      email: 'owner@lone-shop.test',
    });
    const body = { organizationName: 'Sub', projectType: 'website', parentId: organizationId };
    const res = await owner.post('/organizations/preview', body);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe((await owner.post('/organizations', body)).body.error.code);
    expect((await client(server).post('/organizations/preview', {})).status).toBe(401);
  });
});
