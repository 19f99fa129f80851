import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adminToken, apiTestEnv, client, git } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const digest = `sha256:${'a'.repeat(64)}`;
const STARTER_150 =
  'registry.luster.io/themes/luster-starter:1.5.0@sha256:0c56c508a59eae3fb074740a1d795c4205d65b8c004e1bfa77491d9618facb55';

describe('the theme catalog', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  const sql = (query: string, params: unknown[] = []) => server.services.dataSource.query(query, params);
  const head = async () => (await git(server, 'rev-parse', 'main')).trim();
  const register = (name: string, email: string) =>
    client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: name,
      email,
      password: 'a-long-enough-password',
    });

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
  }, 60_000);
  afterAll(() => server?.close());

  it.each([
    ['registry.luster.io/themes/aurora:latest', 'image_not_pinned'],
    ['registry.luster.io/themes/aurora', 'image_not_pinned'],
    ['docker.io/library/nginx:1.27.0', 'image_registry_not_allowed'],
    [`ghcr.io/someone/aurora@${digest}`, 'image_registry_not_allowed'],
    ['registry.luster.io.evil.test/themes/aurora:1.0.0', 'image_registry_not_allowed'],
    ['nginx:1.27.0', 'image_invalid'],
  ])('refuses to save %s (%s) and saves nothing', async (image, code) => {
    const res = await admin.put('/catalog/themes/aurora/1.0.0', {
      displayName: 'Aurora',
      image,
      projectTypes: ['website'],
    });
    expect([res.status, res.body.error?.code]).toEqual([400, code]);
    expect(await sql(`SELECT 1 FROM theme_version WHERE name = 'aurora'`)).toEqual([]);
  });

  it.each(['registry.luster.io/themes/aurora:1.0.0', `registry.luster.io/themes/aurora@${digest}`])(
    'saves a pinned image from an allowed registry: %s',
    async (image) => {
      const res = await admin.put('/catalog/themes/aurora/1.0.0', {
        displayName: 'Aurora',
        image,
        projectTypes: ['website'],
      });
      expect(res.status).toBe(200);
      expect(res.body.image).toBe(image);
    },
  );

  it('refuses a registration (not 201) when the default theme saved earlier cannot render; nothing is created', async () => {
    // Saved before the catalog checked images: the API refuses it now, so it goes in directly.
    await sql(`UPDATE theme_version SET image = $1 WHERE name = 'luster-starter' AND version = '1.5.0'`, [
      'registry.luster.io/themes/luster-starter:latest',
    ]);
    try {
      const before = await head();
      const res = await register('Doomed Co', 'doomed@catalog.test');
      expect([res.status, res.body.error?.code]).toEqual([503, 'provision_failed']);
      expect(await sql(`SELECT 1 FROM "user" WHERE email = 'doomed@catalog.test'`)).toEqual([]);
      expect(await sql(`SELECT 1 FROM organization WHERE name = 'Doomed Co'`)).toEqual([]);
      expect(await head()).toBe(before);
    } finally {
      await sql(`UPDATE theme_version SET image = $1 WHERE name = 'luster-starter' AND version = '1.5.0'`, [
        STARTER_150,
      ]);
    }
  });

  describe('a revert', () => {
    let orgId: string;
    let provisioned: string;
    const org = async () => (await admin.get(`/organizations/${orgId}`)).body;

    beforeAll(async () => {
      const reg = await register('Revert Co', 'owner@revert.test');
      orgId = reg.body.organization.id;
      provisioned = reg.body.change.id;
    });

    it('passes the catalog checks of an update: a theme version withdrawn since is refused', async () => {
      expect((await org()).theme).toEqual({ name: 'luster-starter', version: '1.5.0' });
      const moved = await admin.patch(`/organizations/${orgId}`, {
        theme: { name: 'luster-starter', version: '1.4.0' },
      });
      expect(moved.status).toBe(200);
      const withdrawn = await admin.put('/catalog/themes/luster-starter/1.5.0', {
        displayName: 'Luster Starter',
        image: STARTER_150,
        projectTypes: ['website', 'ecommerce'],
        defaultFor: ['website'],
        available: false,
      });
      expect(withdrawn.status).toBe(200);
      const before = await head();
      const res = await admin.post(`/organizations/${orgId}/revert`, { changeId: provisioned });
      expect([res.status, res.body.error?.code]).toEqual([400, 'unknown_theme']);
      expect((await org()).theme).toEqual({ name: 'luster-starter', version: '1.4.0' });
      expect(await head()).toBe(before);
    });

    it('restores the branding of the change it returns to', async () => {
      const first = await admin.patch(`/organizations/${orgId}`, { branding: { appName: 'First' } });
      expect(first.status).toBe(200);
      expect((await admin.patch(`/organizations/${orgId}`, { branding: { appName: 'Second' } })).status).toBe(
        200,
      );
      const res = await admin.post(`/organizations/${orgId}/revert`, { changeId: first.body.change.id });
      expect(res.status).toBe(200);
      expect((await org()).branding).toEqual({ appName: 'First' });
      const configMap = parse(
        await git(server, 'show', 'main:tenants/production/1e/revert-co/app/config-map-theme-config.yaml'),
      );
      expect(JSON.parse(configMap.data.LUSTER_BRANDING)).toEqual({ appName: 'First' });
    });
  });
});
