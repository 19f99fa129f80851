import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adminToken, apiTestEnv, client, git } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

describe('white-label branding', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let orgId: string;
  let configMapPath: string;
  const head = async () => (await git(server, 'rev-parse', 'main')).trim();
  /** What the theme reads: LUSTER_BRANDING of the committed ConfigMap. */
  const committedBranding = async () =>
    JSON.parse(parse(await git(server, 'show', `main:${configMapPath}`)).data.LUSTER_BRANDING);

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Brand Co',
      email: 'owner@brand.test',
      password: 'a-long-enough-password',
    });
    orgId = reg.body.organization.id;
    configMapPath = 'tenants/production/eb/brand-co/app/config-map-theme-config.yaml';
  }, 60_000);
  afterAll(() => server?.close());

  it('starts without branding, served on its platform subdomain', async () => {
    const org = (await admin.get(`/organizations/${orgId}`)).body;
    expect(org.branding).toEqual({});
    expect(org.domains).toEqual(['brand-co.luster.localhost']);
  });

  it('is set with one commit that hands it to the theme', async () => {
    const branding = { appName: 'BrandCMS', primaryColor: '#112233', supportEmail: 'help@brand.test' };
    const res = await admin.patch(`/organizations/${orgId}`, { branding });
    expect(res.status).toBe(200);
    expect(res.body.organization.branding).toEqual(branding);
    expect(await git(server, 'log', '-1', '--format=%s', 'main')).toMatch(
      /^tenant\(brand-co\): branding appName, primaryColor, supportEmail/,
    );
    expect(await committedBranding()).toEqual(branding);
  });

  it('commits nothing when the same branding is sent again in another key order', async () => {
    const before = await head();
    const res = await admin.patch(`/organizations/${orgId}`, {
      branding: { supportEmail: 'help@brand.test', primaryColor: '#112233', appName: 'BrandCMS' },
    });
    expect(res.status).toBe(200);
    expect(res.body.change).toBeNull();
    expect(await head()).toBe(before);
  });

  it.each([
    [{ primaryColor: 'red' }, 'body.branding.primaryColor'],
    [{ logoUrl: 'http://insecure.example.com/logo.png' }, 'body.branding.logoUrl'],
    [{ favicon: 'x' }, 'body.branding'],
  ])('refuses %j with 400 naming the field, and commits nothing', async (branding, path) => {
    const before = await head();
    const res = await admin.patch(`/organizations/${orgId}`, { branding });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await head()).toBe(before);
  });

  it('is set and read through GraphQL too', async () => {
    const res = await admin.graphql(
      'mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { organization { branding { appName accentColor } } } }',
      { id: orgId, input: { branding: { appName: 'GraphCMS', accentColor: '#abc' } } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateOrganization.organization.branding).toEqual({
      appName: 'GraphCMS',
      accentColor: '#abc',
    });
    const bad = await admin.graphql(
      'mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { organization { id } } }',
      { id: orgId, input: { branding: { primaryColor: 'red' } } },
    );
    expect(bad.errors?.[0]?.extensions.code).toBe('invalid_input');
  });

  it('is removed by an empty object', async () => {
    const res = await admin.patch(`/organizations/${orgId}`, { branding: {} });
    expect(res.body.organization.branding).toEqual({});
    expect(await committedBranding()).toEqual({});
  });
});
