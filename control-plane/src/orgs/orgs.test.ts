import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git, tokenFor } from '../test-support/api-client.js';
import { outbox } from '../test-support/outbox.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

describe('the organizations API', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let agency: ReturnType<typeof client>;
  let agencyId: string;
  let clientId: string;

  const head = async () => (await git(server, 'rev-parse', 'main')).trim();
  const lastSubject = async () => (await git(server, 'log', '-1', '--format=%s', 'main')).trim();
  const files = async (dir: string) =>
    (await git(server, 'ls-tree', '-r', '--name-only', 'main', dir)).trim().split('\n').filter(Boolean);

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    const reg = await client(server).post('/registrations', {
      accountType: 'agency',
      projectType: 'website',
      organizationName: 'Studio',
      email: 'admin@studio.test',
      password: 'a-long-enough-password',
    });
    agencyId = reg.body.organization.id;
    const requests = await admin.get('/agency-requests');
    await admin.post(`/agency-requests/${requests.body.items[0].id}/approve`);
    const login = await client(server).post('/auth/login', {
      email: 'admin@studio.test',
      password: 'a-long-enough-password',
    });
    agency = client(server, login.body.accessToken);
  }, 60_000);
  afterAll(() => server?.close());

  it('creates a client under the agency by default, provisioned with a commit by the agency admin', async () => {
    const res = await agency.post('/organizations', {
      organizationName: 'Bakery Brown',
      projectType: 'ecommerce',
    });
    expect(res.status).toBe(201);
    clientId = res.body.organization.id;
    expect(res.body.organization).toMatchObject({
      slug: 'bakery-brown',
      parentId: agencyId,
      state: 'provisioning',
      tier: 'starter',
      theme: { name: 'luster-ecommerce-starter', version: '2.0.1' },
      plugins: ['ecommerce', 'seo-assistant'],
      lastChange: { sha: await head() },
    });
    const [{ id: studioAdminId }] = await server.services.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'admin@studio.test'`,
    );
    expect(await git(server, 'log', '-1', '--format=%ae', 'main')).toBe(
      `${studioAdminId}@users.luster.invalid\n`,
    );
  });

  it('switches the theme with one commit that touches only that tenant', async () => {
    const before = await head();
    const res = await agency.patch(`/organizations/${clientId}`, {
      theme: { name: 'luster-starter', version: '1.4.0' },
      reason: 'client wants the classic look',
    });
    expect(res.status).toBe(200);
    expect(res.body.organization.theme).toEqual({ name: 'luster-starter', version: '1.4.0' });
    expect(await lastSubject()).toBe(
      'tenant(bakery-brown): switch theme luster-ecommerce-starter 2.0.1 → luster-starter 1.4.0',
    );
    const trailers = await git(server, 'log', '-1', '--format=%(trailers:only,unfold)', 'main');
    expect(trailers).toContain('Reason: client wants the classic look');
    const changed = (await git(server, 'diff', '--name-only', before, 'main')).trim().split('\n');
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((f) => f.startsWith('tenants/production/76/bakery-brown/'))).toBe(true);
  });

  it('commits nothing for an update that changes nothing', async () => {
    const before = await head();
    const res = await agency.patch(`/organizations/${clientId}`, {
      theme: { name: 'luster-starter', version: '1.4.0' },
    });
    expect(res.status).toBe(200);
    expect(res.body.change).toBeNull();
    expect(await head()).toBe(before);
  });

  it.each([
    [{ theme: { name: 'no-such-theme' } }, 'unknown_theme'],
    [{ theme: { name: 'luster-starter', version: '9.9.9' } }, 'unknown_theme'],
    [{ plugins: ['seo-assistant', 'teleporter'] }, 'unknown_plugin'],
    [{ tier: 'platinum' }, 'invalid_input'],
    [{ displayName: '' }, 'invalid_input'],
    [{ slug: 'renamed' }, 'invalid_input'],
  ])('refuses %j with 400 %s and commits nothing', async (body, code) => {
    const before = await head();
    const res = await agency.patch(`/organizations/${clientId}`, body);
    expect([res.status, res.body.error.code]).toEqual([400, code]);
    expect(await head()).toBe(before);
  });

  it('refuses a theme not made for the project type', async () => {
    const site = await agency.post('/organizations', {
      organizationName: 'Plain Site',
      projectType: 'website',
    });
    const res = await agency.patch(`/organizations/${site.body.organization.id}`, {
      theme: { name: 'luster-ecommerce-starter' },
    });
    expect([res.status, res.body.error.code]).toEqual([400, 'theme_not_for_project_type']);
  });

  it('previews a change as per-file diffs without committing', async () => {
    const before = await head();
    const res = await agency.post(`/organizations/${clientId}/preview`, {
      plugins: ['ecommerce', 'seo-assistant', 'forms'],
      displayName: 'Bakery Brown & Sons',
    });
    expect(res.status).toBe(200);
    expect(res.body.baseSha).toBe(before);
    expect(res.body.files.length).toBeGreaterThan(0);
    expect(res.body.files.every((f: { status: string }) => f.status === 'modified')).toBe(true);
    expect(res.body.files.map((f: { patch: string }) => f.patch).join('\n')).toMatch(/^\+.*forms/m);
    expect(await head()).toBe(before);
  });

  it('changes plugins and display name in one commit, visible in history with trailers', async () => {
    const res = await agency.patch(`/organizations/${clientId}`, {
      plugins: ['ecommerce', 'seo-assistant', 'forms'],
      displayName: 'Bakery Brown & Sons',
    });
    expect(res.status).toBe(200);
    expect(await lastSubject()).toBe(
      "tenant(bakery-brown): rename 'Bakery Brown' → 'Bakery Brown & Sons'; plugins +forms",
    );
    const history = await agency.get(`/organizations/${clientId}/history`);
    expect(history.body.items).toHaveLength(3);
    expect(history.body.items[0]).toMatchObject({
      sha: await head(),
      author: { email: expect.stringMatching(/^[0-9a-f-]{36}@users\.luster\.invalid$/) },
      changeRequestId: res.body.change.id,
    });
    expect(history.body.items[0].trailers).toContainEqual({
      key: 'Change-Request',
      value: res.body.change.id,
    });
    expect(history.body.items.at(-1).subject).toMatch(/provision ecommerce/);
    const changes = await agency.get(`/organizations/${clientId}/changes`);
    expect(changes.body.items.map((c: { kind: string }) => c.kind)).toEqual([
      'update',
      'update',
      'provision',
    ]);
  });

  it("shows the tenant's files at main and a Pending sync status", async () => {
    const res = await agency.get(`/organizations/${clientId}/manifests`);
    expect(res.status).toBe(200);
    expect(res.body.ref).toBe(await head());
    expect(res.body.dir).toBe('tenants/production/76/bakery-brown');
    const paths = res.body.files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(await files('tenants/production/76/bakery-brown'));
    const kustomization = res.body.files.find((f: { path: string }) =>
      f.path.endsWith('/kustomization.yaml'),
    );
    expect(kustomization.content).toContain('kind: Kustomization');
    const sync = await agency.get(`/organizations/${clientId}/sync`);
    expect(sync.body).toMatchObject({ status: 'Pending', lastChange: { sha: await head() } });
  });

  it('suspends and resumes with commits; resume returns to provisioning until Flux reports Ready', async () => {
    const suspended = await agency.post(`/organizations/${clientId}/suspend`, { reason: 'unpaid invoice' });
    expect(suspended.status).toBe(200);
    expect(suspended.body.organization.state).toBe('suspended');
    expect(await lastSubject()).toBe('tenant(bakery-brown): suspend');
    const again = await agency.post(`/organizations/${clientId}/suspend`);
    expect([again.status, again.body.error.code]).toEqual([409, 'invalid_state']);
    const resumed = await agency.post(`/organizations/${clientId}/resume`);
    expect(resumed.body.organization.state).toBe('provisioning');
    expect(await lastSubject()).toBe('tenant(bakery-brown): resume');
  });

  it('deprovisions: the workload leaves git, the database and its backups stay', async () => {
    const dir = 'tenants/production/76/bakery-brown';
    const before = await files(dir);
    const res = await agency.post(`/organizations/${clientId}/deprovision`);
    expect(res.body.organization.state).toBe('deprovisioned');
    const after = await files(dir);
    const app = after.filter((f) => f.startsWith(`${dir}/app/`)).map((f) => f.slice(dir.length + 5));
    // synth names files <kind>-<name>.yaml: only the CNPG Cluster and its ScheduledBackup remain.
    expect(app).toContain('kustomization.yaml');
    expect(
      app.filter((f) => f !== 'kustomization.yaml').every((f) => /^(cluster|scheduled-backup)-/.test(f)),
    ).toBe(true);
    expect(app.some((f) => f.startsWith('cluster-'))).toBe(true);
    expect(app.some((f) => f.startsWith('scheduled-backup-'))).toBe(true);
    expect(before.filter((f) => !f.startsWith(`${dir}/app/`))).toEqual(
      after.filter((f) => !f.startsWith(`${dir}/app/`)),
    );
    const kustomization = await git(server, 'show', `main:${dir}/app/kustomization.yaml`);
    expect(kustomization).toMatch(/- cluster-/);
    expect(kustomization).not.toContain('deployment');
    const update = await agency.patch(`/organizations/${clientId}`, { plugins: [] });
    expect([update.status, update.body.error.code]).toEqual([409, 'invalid_state']);
  });

  it('purges only after a second person approves; the requester cannot approve', async () => {
    const before = await head();
    const requested = await agency.post(`/organizations/${clientId}/purge`, { reason: 'contract ended' });
    expect(requested.status).toBe(202);
    expect(requested.body.change.state).toBe('pending_review');
    expect(requested.body.organization.state).toBe('deprovisioned');
    expect(await head()).toBe(before);

    const self = await agency.post(`/change-requests/${requested.body.change.id}/approve`);
    expect([self.status, self.body.error.code]).toEqual([403, 'forbidden']);

    // A platform reviewer (not a superadmin) may approve.
    await server.services.dataSource.query(
      `UPDATE "user" SET capabilities = '{reviewer}' WHERE email = 'admin@studio.test'`,
    );
    const own = await agency.post(`/change-requests/${requested.body.change.id}/approve`);
    expect([own.status, own.body.error.code]).toEqual([403, 'self_approval']);

    const approved = await admin.post(`/change-requests/${requested.body.change.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', kind: 'purge' });
    expect(await head()).toBe(before);
    const merged = await admin.post(`/change-requests/${requested.body.change.id}/merge`);
    expect(merged.body).toMatchObject({ state: 'merged', kind: 'purge' });
    expect((await agency.get(`/organizations/${clientId}`)).body.state).toBe('purging');
    const trailers = await git(server, 'log', '-1', '--format=%(trailers:only,unfold)', 'main');
    const [{ id: adminId }] = await server.services.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'admin@example.test'`,
    );
    expect(trailers).toContain(`Approved-By: Platform admin <${adminId}@users.luster.invalid>`);
    expect(trailers).toContain('Reason: contract ended');
    // Flux applied the release (changes/purge tests drive this through /hooks/flux): the folder goes.
    const [{ id: tenantId }] = await server.services.dataSource.query(
      `SELECT id FROM tenant WHERE "organizationId" = $1`,
      [clientId],
    );
    await server.services.changes.review.tenantReady(tenantId);
    await server.services.changes.drain();
    expect(await files('tenants/production/76/bakery-brown')).toEqual([]);
    expect((await agency.get(`/organizations/${clientId}`)).body.state).toBe('deleted');
  });

  it('paginates by slug and filters by state, tier and parent', async () => {
    for (const name of ['Page A', 'Page B', 'Page C']) {
      await agency.post('/organizations', { organizationName: name, projectType: 'website' });
    }
    const first = await agency.get('/organizations?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBeGreaterThanOrEqual(5);
    const second = await agency.get(`/organizations?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].slug > first.body.items[1].slug).toBe(true);
    const deleted = await agency.get('/organizations?state=deleted');
    expect(deleted.body.items.map((o: { slug: string }) => o.slug)).toEqual(['bakery-brown']);
    const children = await agency.get(`/organizations?parentId=${agencyId}&limit=100`);
    expect(children.body.items.every((o: { parentId: string }) => o.parentId === agencyId)).toBe(true);
    const pro = await agency.get('/organizations?tier=pro');
    expect(pro.body.items).toEqual([]);
    const bad = await agency.get('/organizations?limit=0');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_input']);
  });

  it('narrows to an X-Org-Context inside the visible set and refuses one outside it', async () => {
    const site = (await agency.get('/organizations?limit=100')).body.items.find(
      (o: { slug: string }) => o.slug === 'page-a',
    );
    const narrowed = await client(server, tokenFor(server, (await agency.get('/me')).body.id), site.id).get(
      '/organizations',
    );
    expect(narrowed.body.items.map((o: { slug: string }) => o.slug)).toEqual(['page-a']);
    const platformId = (await admin.get('/me')).body.memberships[0].organizationId;
    const agencyToken = tokenFor(server, (await agency.get('/me')).body.id);
    const outside = await client(server, agencyToken, platformId).get('/organizations');
    expect([outside.status, outside.body.error.code]).toEqual([403, 'org_context_forbidden']);
    const all = await client(server, agencyToken, 'all').get('/organizations');
    expect([all.status, all.body.error.code]).toEqual([403, 'org_context_forbidden']);
    const junk = await client(server, agencyToken, 'not-an-id').get('/organizations');
    expect([junk.status, junk.body.error.code]).toEqual([400, 'org_context_invalid']);
    const superAll = await client(server, await adminToken(server), 'all').get('/organizations?limit=500');
    expect(superAll.body.total).toBeGreaterThan(narrowed.body.total);
  });

  it('invites users with roles at or below your own; an invitation sets the password', async () => {
    const site = (await agency.get('/organizations?limit=100')).body.items.find(
      (o: { slug: string }) => o.slug === 'page-b',
    );
    const invited = await agency.post(`/organizations/${site.id}/users`, {
      email: 'Owner@PageB.test',
      role: 'client_admin',
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: 'owner@pageb.test', role: 'client_admin', invited: true });
    const alias = await agency.post(`/organizations/${site.id}/users`, {
      email: 'partner@pageb.test',
      role: 'admin',
    });
    expect([alias.status, alias.body.role]).toEqual([201, 'agency_admin']);
    const dup = await agency.post(`/organizations/${site.id}/users`, {
      email: 'owner@pageb.test',
      role: 'viewer',
    });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'already_member']);
    const tooHigh = await agency.post(`/organizations/${site.id}/users`, {
      email: 'x@pageb.test',
      role: 'superadmin',
    });
    expect([tooHigh.status, tooHigh.body.error.code]).toEqual([403, 'role_too_high']);

    // The mail leaves through the queue after the answer: the helper waits for its pass.
    const [mail] = await outbox(server, 'invitation', 'owner@pageb.test');
    const token = /Token: (\S+)/.exec(mail.text)?.[1];
    const noPassword = await client(server).post('/auth/verify-email', { token });
    expect([noPassword.status, noPassword.body.error.code]).toEqual([400, 'password_required']);
    const accepted = await client(server).post('/auth/verify-email', {
      token,
      password: 'my-brand-new-password',
    });
    expect(accepted.status).toBe(200);
    const login = await client(server).post('/auth/login', {
      email: 'owner@pageb.test',
      password: 'my-brand-new-password',
    });
    expect(login.status).toBe(200);
    const owner = client(server, login.body.accessToken);
    const members = await owner.get(`/organizations/${site.id}/users`);
    expect(members.body.items.map((m: { email: string }) => m.email).sort()).toEqual([
      'owner@pageb.test',
      'partner@pageb.test',
    ]);
    const ownerInvite = await owner.post(`/organizations/${site.id}/users`, {
      email: 'y@pageb.test',
      role: 'admin',
    });
    expect([ownerInvite.status, ownerInvite.body.error.code]).toEqual([403, 'role_too_high']);
  });

  it('serves an OpenAPI 3.1 document generated from the request schemas', async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    const register = doc.paths['/registrations'].post;
    const schema = register.requestBody.content['application/json'].schema;
    expect(schema.properties.accountType.enum).toEqual(['organization', 'agency']);
    expect(schema.required).toEqual(
      expect.arrayContaining(['accountType', 'projectType', 'email', 'password']),
    );
    expect(schema.required).not.toContain('seedDemoData');
    expect(doc.paths['/organizations/{id}'].patch.security).toEqual([{ bearer: [] }]);
    for (const p of [
      '/auth/login',
      '/auth/refresh',
      '/auth/logout',
      '/me',
      '/agency-requests/{id}/approve',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
