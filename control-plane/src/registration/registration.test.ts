import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git } from '../test-support/api-client.js';
import { outbox } from '../test-support/outbox.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

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
    const [{ id: ownerId }] = await server.services.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'owner@acme.test'`,
    );
    const log = await git(server, 'log', '-1', '--format=%an <%ae>%n%cn <%ce>%n%B', 'main');
    const [author, committer, subject] = log.split('\n');
    // Name and stable user id, never the email: git is copied to every cluster (changes/git-identity.ts).
    expect(author).toBe(`owner <${ownerId}@users.luster.invalid>`);
    expect(await git(server, 'cat-file', 'commit', 'main')).not.toMatch(/acme\.test/i);
    expect(committer).toBe('Luster <bot@luster.local>');
    expect(subject).toMatch(/^tenant\(acme-shoes\): provision ecommerce on luster-ecommerce-starter 2\.0\.1/);
    const trailers = await git(server, 'log', '-1', '--format=%(trailers:only,unfold)', 'main');
    expect(trailers).toContain('Tenant: acme-shoes');
    expect(trailers).toContain(`Organization-Id: ${res.body.organization.id}`);
    expect(trailers).toContain(`Change-Request: ${res.body.change.id}`);
    expect(trailers).toContain(`Requested-By: owner <${ownerId}@users.luster.invalid>`);

    const files = (
      await git(server, 'ls-tree', '-r', '--name-only', 'main', 'tenants/production/f4/acme-shoes')
    )
      .trim()
      .split('\n');
    expect(files).toContain('tenants/production/f4/acme-shoes/kustomization.yaml');
    expect(files.some((f) => f.startsWith('tenants/production/f4/acme-shoes/app/'))).toBe(true);
    const changed = (await git(server, 'diff', '--name-only', before, head)).trim().split('\n');
    expect(changed.every((f) => f.startsWith('tenants/production/f4/acme-shoes/'))).toBe(true);
    const deployment = await git(
      server,
      'grep',
      '-h',
      'image:',
      'main',
      '--',
      'tenants/production/f4/acme-shoes/app',
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

  describe('refuses bad input with 400 and a code, writing nothing', () => {
    const valid = {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Valid Name',
      email: 'valid@bad.test',
      password: 'a-long-enough-password',
    };
    const cases: [string, Record<string, unknown>, string][] = [
      ['no body fields', {}, 'invalid_input'],
      ['an unknown account type', { ...valid, accountType: 'reseller' }, 'invalid_input'],
      ['an unknown project type', { ...valid, projectType: 'blog' }, 'invalid_input'],
      ['a malformed email', { ...valid, email: 'not-an-email' }, 'invalid_input'],
      ['a short password', { ...valid, password: 'short' }, 'invalid_input'],
      ['an empty name', { ...valid, organizationName: '   ' }, 'invalid_input'],
      ['an unknown field', { ...valid, role: 'superadmin' }, 'invalid_input'],
      ['seedDemoData not a boolean', { ...valid, seedDemoData: 'yes' }, 'invalid_input'],
      ['a survey that is not text', { ...valid, agencySurvey: { q: 42 } }, 'invalid_input'],
      ['an upper-case slug', { ...valid, slug: 'Acme' }, 'slug_invalid'],
      ['a slug with a dot', { ...valid, slug: 'acme.shop' }, 'slug_invalid'],
      ['a slug ending in a dash', { ...valid, slug: 'acme-' }, 'slug_invalid'],
      ['a one-letter slug', { ...valid, slug: 'a' }, 'slug_invalid'],
      ['a slug too long for the bucket name', { ...valid, slug: 'a'.repeat(54) }, 'slug_invalid'],
      ['a name that yields no slug', { ...valid, organizationName: '!!!' }, 'slug_invalid'],
      ...['admin', 'api', 'www', 'git', 'flux-system'].map(
        (slug) =>
          [`the reserved slug ${slug}`, { ...valid, slug }, 'slug_reserved'] as [
            string,
            Record<string, unknown>,
            string,
          ],
      ),
      ['a name deriving a reserved slug', { ...valid, organizationName: 'Admin' }, 'slug_reserved'],
    ];

    it.each(cases)('%s', async (_name, body, code) => {
      const count = async () =>
        (
          await server.services.dataSource.query(
            `SELECT (SELECT count(*) FROM "user") + (SELECT count(*) FROM organization)
                + (SELECT count(*) FROM tenant) + (SELECT count(*) FROM change_request) AS n`,
          )
        )[0].n;
      const rowsBefore = await count();
      const headBefore = await git(server, 'rev-parse', 'main');
      const res = await client(server).post('/registrations', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      if (code.startsWith('slug_'))
        expect(res.body.error.details.issues[0].path).toMatch(/slug|organizationName/);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
      expect(await count()).toBe(rowsBefore);
      expect(await git(server, 'rev-parse', 'main')).toBe(headBefore);
    });
  });

  it('answers 409 for a taken slug or email, writing nothing', async () => {
    const body = {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Taken Inc',
      email: 'first@taken.test',
      password: 'a-long-enough-password',
    };
    expect((await client(server).post('/registrations', body)).status).toBe(201);
    const head = await git(server, 'rev-parse', 'main');
    const slug = await client(server).post('/registrations', { ...body, email: 'second@taken.test' });
    expect([slug.status, slug.body.error.code, slug.body.error.details.field]).toEqual([
      409,
      'slug_taken',
      'slug',
    ]);
    const email = await client(server).post('/registrations', { ...body, slug: 'taken-two' });
    expect([email.status, email.body.error.code]).toEqual([409, 'email_taken']);
    expect(await git(server, 'rev-parse', 'main')).toBe(head);
    const users = await server.services.dataSource.query(
      `SELECT 1 FROM "user" WHERE email = 'second@taken.test'`,
    );
    expect(users).toEqual([]);
  });

  it('gives each of 10 concurrent registrations its own commit on main', async () => {
    const before = (await git(server, 'rev-parse', 'main')).trim();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        client(server).post('/registrations', {
          accountType: 'organization',
          projectType: i % 2 ? 'website' : 'ecommerce',
          organizationName: `Parallel ${i}`,
          email: `parallel-${i}@burst.test`,
          password: 'a-long-enough-password',
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const subjects = (await git(server, 'log', '--format=%s', `${before}..main`)).trim().split('\n');
    expect(subjects).toHaveLength(10);
    for (let i = 0; i < 10; i++)
      expect(subjects.some((s) => s.startsWith(`tenant(parallel-${i}):`))).toBe(true);
    const shas = new Set(results.map((r) => r.body.change.commitSha));
    expect(shas.size).toBe(10);
  });

  it("writes everything but the tenant and its change before it waits for the cluster's lock", async () => {
    // Every registration onto a cluster waits for the one holding its lock until that one commits:
    // what it writes after taking the lock is what the others queue behind.
    const holder = server.services.dataSource.createQueryRunner();
    await holder.connect();
    let answer: Promise<unknown> = Promise.resolve();
    try {
      await holder.startTransaction();
      await holder.query('SELECT name FROM cluster FOR NO KEY UPDATE');
      const [{ pid: holderPid }] = await holder.query('SELECT pg_backend_pid() AS pid');
      const registering = client(server).post('/registrations', {
        accountType: 'organization',
        projectType: 'website',
        organizationName: 'Lock Order',
        email: 'owner@lock-order.test',
        password: 'a-long-enough-password',
      });
      answer = registering.catch(() => null);
      // The password hash comes first: on a loaded machine the request reaches the lock late.
      let waiting: { pid: number }[] = [];
      for (const deadline = Date.now() + 60_000; waiting.length === 0 && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        waiting = await holder.query(
          'SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
          [holderPid],
        );
      }
      expect(waiting).toHaveLength(1);
      // A table a transaction has inserted into holds a RowExclusiveLock until it ends.
      const written: { relname: string }[] = await holder.query(
        `SELECT DISTINCT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE l.pid = $1 AND l.mode = 'RowExclusiveLock' AND c.relkind = 'r' ORDER BY c.relname`,
        [waiting[0]?.pid],
      );
      expect(written.map((r) => r.relname)).toEqual([
        'email_token',
        'mail_outbox',
        'media_bucket',
        'membership',
        'organization',
        'registration',
        'user',
      ]);
      await holder.commitTransaction();
      const res = await registering;
      expect(res.status).toBe(201);
      expect(res.body.change).toMatchObject({ kind: 'provision', state: 'committed' });
      const [row] = await holder.query(
        `SELECT r."changeRequestId" FROM registration r JOIN "user" u ON u.id = r."userId" WHERE u.email = $1`,
        ['owner@lock-order.test'],
      );
      expect(row.changeRequestId).toBe(res.body.change.id);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      // Answered before the next test looks at main.
      await answer;
    }
  }, 120_000);

  describe('agencies', () => {
    it('queue for review: pending_review, nothing rendered, listed for superadmins only', async () => {
      const head = await git(server, 'rev-parse', 'main');
      const res = await client(server).post('/registrations', {
        accountType: 'agency',
        projectType: 'website',
        organizationName: 'Pixel Agency',
        email: 'boss@pixel.test',
        password: 'a-long-enough-password',
        agencySurvey: { 'How many clients?': 'About 30', 'Why Luster?': 'GitOps' },
      });
      expect(res.status).toBe(201);
      expect(res.body.organization).toMatchObject({ slug: 'pixel-agency', state: 'pending_review' });
      expect(res.body.change).toBeNull();
      expect(await git(server, 'rev-parse', 'main')).toBe(head);

      const applicant = await client(server).post('/auth/login', {
        email: 'boss@pixel.test',
        password: 'a-long-enough-password',
      });
      const refused = await client(server, applicant.body.accessToken).get('/agency-requests');
      expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);

      const list = await client(server, await adminToken(server)).get(
        '/agency-requests?state=pending_review',
      );
      const request = list.body.items.find((r: { email: string }) => r.email === 'boss@pixel.test');
      expect(request).toMatchObject({
        state: 'pending_review',
        survey: { 'How many clients?': 'About 30', 'Why Luster?': 'GitOps' },
        organization: { slug: 'pixel-agency' },
      });
    });

    it('approved: provisioned with a commit on main and a welcome mail; approving twice is a 409', async () => {
      const admin = client(server, await adminToken(server));
      const list = await admin.get('/agency-requests?state=pending_review');
      const request = list.body.items.find((r: { email: string }) => r.email === 'boss@pixel.test');
      const res = await admin.post(`/agency-requests/${request.id}/approve`);
      expect(res.status).toBe(200);
      expect(res.body.organization.state).toBe('provisioning');
      expect(res.body.change.commitSha).toBe((await git(server, 'rev-parse', 'main')).trim());
      const [{ id: bossId }] = await server.services.dataSource.query(
        `SELECT id FROM "user" WHERE email = 'boss@pixel.test'`,
      );
      const author = await git(server, 'log', '-1', '--format=%ae %s', 'main');
      expect(author).toMatch(
        new RegExp(`^${bossId}@users\\.luster\\.invalid tenant\\(pixel-agency\\): provision website`),
      );
      const [welcome] = await outbox(server, 'welcome', 'boss@pixel.test');
      expect(welcome.text).toContain('approved');
      const again = await admin.post(`/agency-requests/${request.id}/approve`);
      expect([again.status, again.body.error.code]).toEqual([409, 'agency_request_decided']);
      const junk = await admin.post('/agency-requests/not-a-uuid/approve');
      expect([junk.status, junk.body.error.code]).toEqual([404, 'agency_request_not_found']);
    });

    it('rejected: the reason is mailed, nothing is rendered, the bucket asked for at registration goes', async () => {
      const res = await client(server).post('/registrations', {
        accountType: 'agency',
        projectType: 'ecommerce',
        organizationName: 'Shady Agency',
        email: 'boss@shady.test',
        password: 'a-long-enough-password',
      });
      const head = await git(server, 'rev-parse', 'main');
      const admin = client(server, await adminToken(server));
      const list = await admin.get('/agency-requests');
      const request = list.body.items.find(
        (r: { organization: { id: string } }) => r.organization.id === res.body.organization.id,
      );
      const empty = await admin.post(`/agency-requests/${request.id}/reject`, { reason: '' });
      expect([empty.status, empty.body.error.code]).toEqual([400, 'invalid_input']);
      const rejected = await admin.post(`/agency-requests/${request.id}/reject`, {
        reason: 'No portfolio given',
      });
      expect(rejected.status).toBe(200);
      const [mail] = await outbox(server, 'agency_rejected', 'boss@shady.test');
      expect(mail.text).toContain('Reason: No portfolio given');
      expect(await git(server, 'rev-parse', 'main')).toBe(head);
      const org = await admin.get(`/organizations/${res.body.organization.id}`);
      expect(org.body.state).toBe('rejected');
      await server.services.buckets.kick();
      const [bucket] = await server.services.dataSource.query(
        `SELECT bucket, action, state FROM media_bucket WHERE "organizationId" = $1`,
        [res.body.organization.id],
      );
      expect(bucket).toEqual({ bucket: 'org-shady-agency-media', action: 'delete', state: 'deleted' });
      const exists = await server.services.storage
        .connection()
        .client.send(new HeadBucketCommand({ Bucket: 'org-shady-agency-media' }))
        .then(
          () => true,
          () => false,
        );
      expect(exists).toBe(false);
    });
  });

  it('registers over GraphQL with the same rules and codes', async () => {
    const mutation = `mutation($input: RegisterInput!) { register(input: $input) { organization { slug state } change { state commitSha } } }`;
    const ok = await client(server).graphql(mutation, {
      input: {
        accountType: 'organization',
        projectType: 'website',
        organizationName: 'Graph Shop',
        email: 'g@graph.test',
        password: 'a-long-enough-password',
      },
    });
    expect(ok.data.register.organization).toEqual({ slug: 'graph-shop', state: 'provisioning' });
    expect(ok.data.register.change.commitSha).toBe((await git(server, 'rev-parse', 'main')).trim());
    const bad = await client(server).graphql(mutation, {
      input: {
        accountType: 'organization',
        projectType: 'website',
        organizationName: 'x',
        slug: 'www',
        email: 'h@graph.test',
        password: 'a-long-enough-password',
      },
    });
    expect(bad.errors?.[0]?.extensions.code).toBe('slug_reserved');
  });
});
