import { tenantDir } from '@luster/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

describe('lifecycle action previews', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let orgId: string;
  const head = async () => (await git(server, 'rev-parse', 'main')).trim();

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Preview Co',
      email: 'owner@preview.test',
      password: 'a-long-enough-password',
    });
    orgId = reg.body.organization.id;
  }, 60_000);
  afterAll(() => server?.close());

  it('shows what suspending would commit, and commits nothing', async () => {
    const before = await head();
    const res = await admin.post(`/organizations/${orgId}/suspend/preview`, {});
    expect(res.status).toBe(200);
    expect(res.body.baseSha).toBe(before);
    const deployment = res.body.files.find((f: { path: string }) => /deployment/.test(f.path));
    expect(deployment).toMatchObject({ status: 'modified' });
    expect(deployment.patch).toMatch(/^\+\s+replicas: 0$/m);
    expect(await head()).toBe(before);
    expect((await admin.get(`/organizations/${orgId}`)).body.state).toBe('provisioning');
  });

  it('shows deprovisioning removing the workload but keeping the database', async () => {
    const res = await admin.post(`/organizations/${orgId}/deprovision/preview`, {});
    expect(res.status).toBe(200);
    const deleted = res.body.files
      .filter((f: { status: string }) => f.status === 'deleted')
      .map((f: { path: string }) => f.path);
    expect(deleted.some((p: string) => /deployment/.test(p))).toBe(true);
    expect(deleted.some((p: string) => /database|cnpg|cluster/.test(p))).toBe(false);
  });

  it('refuses a preview the state does not allow, with the same code as the action', async () => {
    const preview = await admin.post(`/organizations/${orgId}/resume/preview`, {});
    const action = await admin.post(`/organizations/${orgId}/resume`, {});
    expect(preview.status).toBe(409);
    expect(preview.body.error.code).toBe(action.body.error.code);
  });

  it('shows one commit of the history with the diff of the tenant folder only', async () => {
    const history = await admin.get(`/organizations/${orgId}/history`);
    const provision = history.body.items.at(-1);
    const res = await admin.get(`/organizations/${orgId}/history/${provision.sha}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sha: provision.sha, trailers: expect.any(Object) });
    expect(res.body.files.length).toBeGreaterThan(3);
    for (const f of res.body.files) {
      expect(f.path.startsWith(`${tenantDir('production', 'preview-co')}/`), f.path).toBe(true);
      expect(f.status).toBe('added');
    }
    const seed = (await git(server, 'rev-list', '--max-parents=0', 'main')).trim();
    expect((await admin.get(`/organizations/${orgId}/history/${seed}`)).body.error.code).toBe(
      'commit_not_found',
    );
    expect((await admin.get(`/organizations/${orgId}/history/not-a-sha`)).status).toBe(400);
  });

  it('is refused to those who may not take the action', async () => {
    const res = await client(server).post(`/organizations/${orgId}/suspend/preview`, {});
    expect(res.status).toBe(401);
  });
});
