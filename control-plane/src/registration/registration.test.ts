import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

async function outbox(server: TestServer, kind: string, to: string) {
  const dir = path.join(server.dataDir, 'outbox');
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => n.includes(`-${kind}-`))
    .sort();
  const mails = await Promise.all(
    names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8'))),
  );
  return mails.filter((m) => m.to === to);
}

function tokenIn(text: string): string {
  const match = /Token: (\S+)/.exec(text);
  if (!match?.[1]) throw new Error(`no token in ${text}`);
  return match[1];
}

describe('registration', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
  });
  afterAll(() => server?.close());

  it('provisions an organization end to end: rows, a provision commit on main by the registering user, 201', async () => {
    const before = (await git(server, 'rev-parse', 'main')).trim();
    const res = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'ecommerce',
      organizationName: 'Acme Shoes',
      email: 'Owner@Acme.test',
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(201);
    expect(res.body.organization).toMatchObject({ slug: 'acme-shoes', state: 'provisioning' });
    expect(res.body.change).toMatchObject({ kind: 'provision', state: 'committed' });

    const head = (await git(server, 'rev-parse', 'main')).trim();
    expect(head).not.toBe(before);
    expect(res.body.change.commitSha).toBe(head);
    const log = await git(server, 'log', '-1', '--format=%an <%ae>%n%cn <%ce>%n%B', 'main');
    const [author, committer, subject] = log.split('\n');
    expect(author).toBe('owner <owner@acme.test>');
    expect(committer).toBe('Luster <bot@luster.local>');
    expect(subject).toMatch(/^tenant\(acme-shoes\): provision ecommerce on luster-ecommerce-starter 2\.0\.1/);
    const trailers = await git(server, 'log', '-1', '--format=%(trailers:only,unfold)', 'main');
    expect(trailers).toContain('Tenant: acme-shoes');
    expect(trailers).toContain(`Organization-Id: ${res.body.organization.id}`);
    expect(trailers).toContain(`Change-Request: ${res.body.change.id}`);
    expect(trailers).toContain('Requested-By: owner <owner@acme.test>');

    const files = (
      await git(server, 'ls-tree', '-r', '--name-only', 'main', 'tenants/production/ac/acme-shoes')
    )
      .trim()
      .split('\n');
    expect(files).toContain('tenants/production/ac/acme-shoes/kustomization.yaml');
    expect(files.some((f) => f.startsWith('tenants/production/ac/acme-shoes/app/'))).toBe(true);
    const changed = (await git(server, 'diff', '--name-only', before, head)).trim().split('\n');
    expect(changed.every((f) => f.startsWith('tenants/production/ac/acme-shoes/'))).toBe(true);
    const deployment = await git(
      server,
      'grep',
      '-h',
      'image:',
      'main',
      '--',
      'tenants/production/ac/acme-shoes/app',
    );
    expect(deployment).toContain('registry.luster.io/themes/luster-ecommerce-starter:2.0.1@sha256:');
  });

  it('gives a website the starter theme and SEO Assistant; e-commerce gets E-commerce too', async () => {
    const res = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Blog Co',
      slug: 'blogco',
      email: 'me@blog.test',
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(201);
    const token = await adminToken(server);
    const web = await client(server, token).get(`/organizations/${res.body.organization.id}`);
    expect(web.body).toMatchObject({
      theme: { name: 'luster-starter', version: '1.5.0' },
      plugins: ['seo-assistant'],
      tier: 'starter',
      state: 'provisioning',
    });
    const shop = await client(server, token).get('/organizations?limit=500');
    const acme = shop.body.items.find((o: { slug: string }) => o.slug === 'acme-shoes');
    expect(acme.plugins).toEqual(['ecommerce', 'seo-assistant']);
  });

  it('sends a verification mail whose token verifies the address; sign-in works before and after', async () => {
    const email = 'verify@me.test';
    const res = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Verify Me',
      email,
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(201);
    const login = await client(server).post('/auth/login', { email, password: 'a-long-enough-password' });
    expect(login.status).toBe(200);
    expect(login.body.user.emailVerified).toBe(false);
    const [mail] = await outbox(server, 'verify_email', email);
    expect(mail.subject).toMatch(/Confirm your email/);
    const verified = await client(server).post('/auth/verify-email', { token: tokenIn(mail.text) });
    expect(verified.status).toBe(200);
    expect(verified.body.emailVerified).toBe(true);
    const again = await client(server).post('/auth/verify-email', { token: tokenIn(mail.text) });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_email_token');
  });
});
