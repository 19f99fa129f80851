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

  describe('deleting an entry', () => {
    const nimbus = `registry.luster.io/themes/nimbus@${digest}`;
    let orgId: string;
    let owner: ReturnType<typeof client>;
    const themeNames = async () =>
      ((await admin.get('/catalog/themes')).body.items as { name: string; version: string }[]).map(
        (t) => `${t.name}@${t.version}`,
      );

    beforeAll(async () => {
      for (const version of ['1.0.0', '1.1.0', '2.0.0']) {
        const put = await admin.put(`/catalog/themes/nimbus/${version}`, {
          displayName: 'Nimbus',
          image: nimbus,
          projectTypes: ['website'],
        });
        expect(put.status).toBe(200);
      }
      for (const key of ['guestbook', 'sketchpad'])
        expect((await admin.put(`/catalog/plugins/${key}`, { name: key })).status).toBe(200);
      const reg = await register('Nimbus Co', 'owner@nimbus.test');
      orgId = reg.body.organization.id;
      const login = await client(server).post('/auth/login', {
        email: 'owner@nimbus.test',
        password: 'a-long-enough-password',
      });
      owner = client(server, login.body.accessToken);
      const moved = await admin.patch(`/organizations/${orgId}`, {
        theme: { name: 'nimbus', version: '1.0.0' },
        plugins: ['guestbook'],
      });
      expect(moved.status).toBe(200);
    });

    it('is for superadmins only', async () => {
      const res = await owner.delete('/catalog/themes/nimbus/2.0.0');
      expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
      const plugin = await owner.delete('/catalog/plugins/sketchpad');
      expect([plugin.status, plugin.body.error.code]).toEqual([403, 'forbidden']);
      expect(await themeNames()).toContain('nimbus@2.0.0');
    });

    it('names the organizations still on a theme version or plugin (409), refuses a default, and deletes an unused entry', async () => {
      const using = [{ id: orgId, slug: 'nimbus-co', name: 'Nimbus Co' }];
      const theme = await admin.delete('/catalog/themes/nimbus/1.0.0');
      expect([theme.status, theme.body.error.code, theme.body.error.details.organizations]).toEqual([
        409,
        'catalog_entry_in_use',
        using,
      ]);
      expect(theme.body.error.message).toContain('Nimbus Co');
      const plugin = await admin.delete('/catalog/plugins/guestbook');
      expect([plugin.status, plugin.body.error.code, plugin.body.error.details.organizations]).toEqual([
        409,
        'catalog_entry_in_use',
        using,
      ]);
      const starter = await admin.delete('/catalog/themes/luster-starter/1.5.0');
      expect([starter.status, starter.body.error.code, starter.body.error.details.defaultFor]).toEqual([
        409,
        'catalog_entry_in_use',
        ['website'],
      ]);

      expect((await admin.delete('/catalog/themes/nimbus/2.0.0')).status).toBe(204);
      expect((await admin.delete('/catalog/plugins/sketchpad')).status).toBe(204);
      expect(await themeNames()).not.toContain('nimbus@2.0.0');
      expect(await themeNames()).toContain('nimbus@1.0.0');
      expect(await sql(`SELECT key FROM plugin WHERE key IN ('guestbook', 'sketchpad')`)).toEqual([
        { key: 'guestbook' },
      ]);
      const again = await admin.delete('/catalog/themes/nimbus/2.0.0');
      expect([again.status, again.body.error.code]).toEqual([404, 'theme_not_found']);
      const gone = await admin.delete('/catalog/plugins/sketchpad');
      expect([gone.status, gone.body.error.code]).toEqual([404, 'plugin_not_found']);
    });

    /** Waits until a statement of this database waits for a row lock (the other side of a race). */
    async function blockedOnALock(): Promise<void> {
      for (let i = 0; i < 300; i++) {
        const [row] = await sql(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (row.n > 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('nothing waited for the lock');
    }

    it('cannot race a revert: a revert waits for a deletion in progress, then finds the version gone', async () => {
      const onto = await admin.patch(`/organizations/${orgId}`, {
        theme: { name: 'nimbus', version: '1.1.0' },
      });
      expect(onto.status).toBe(200);
      const [back] = await sql(
        `SELECT c.id FROM change_request c JOIN tenant t ON t.id = c."tenantId"
         WHERE t."organizationId" = $1 AND c."tenantSnapshot"->>'themeVersion' = '1.0.0'
         ORDER BY c.seq DESC LIMIT 1`,
        [orgId],
      );
      const before = await head();
      // The deletion of 1.0.0 (now unused) holds its row, uncommitted, while the revert to it runs.
      const deletion = server.services.dataSource.createQueryRunner();
      await deletion.connect();
      await deletion.startTransaction();
      try {
        await deletion.query(`DELETE FROM theme_version WHERE name = 'nimbus' AND version = '1.0.0'`);
        const revert = admin.post(`/organizations/${orgId}/revert`, { changeId: back.id });
        await blockedOnALock();
        await deletion.commitTransaction();
        const res = await revert;
        expect([res.status, res.body.error?.code]).toEqual([400, 'unknown_theme']);
      } finally {
        if (deletion.isTransactionActive) await deletion.rollbackTransaction();
        await deletion.release();
      }
      expect((await admin.get(`/organizations/${orgId}`)).body.theme).toEqual({
        name: 'nimbus',
        version: '1.1.0',
      });
      expect(await head()).toBe(before);
    });

    it('cannot race a change onto the entry: a deletion waits for it, then counts it', async () => {
      // A change reading the plugin holds it FOR SHARE until it records that the tenant uses it.
      const change = server.services.dataSource.createQueryRunner();
      await change.connect();
      await change.startTransaction();
      try {
        await change.query(`INSERT INTO plugin (key, name) VALUES ('lantern', 'Lantern')`);
        await change.commitTransaction();
        await change.startTransaction();
        await change.query(`SELECT key FROM plugin WHERE key = 'lantern' FOR SHARE`);
        const deletion = admin.delete('/catalog/plugins/lantern');
        await blockedOnALock();
        await change.query(
          `UPDATE tenant SET plugins = array_append(plugins, 'lantern') WHERE "organizationId" = $1`,
          [orgId],
        );
        await change.commitTransaction();
        const res = await deletion;
        expect([res.status, res.body.error?.code]).toEqual([409, 'catalog_entry_in_use']);
      } finally {
        if (change.isTransactionActive) await change.rollbackTransaction();
        await change.release();
      }
      expect(await sql(`SELECT key FROM plugin WHERE key = 'lantern'`)).toEqual([{ key: 'lantern' }]);
    });
  });
});
