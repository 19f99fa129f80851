import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminToken,
  apiTestEnv,
  client,
  git,
  registerAndSignIn,
  tokenFor,
} from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

describe('previewing a revert', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let owner: ReturnType<typeof client>;
  let orgId: string;
  let provisionId: string;
  const head = async () => (await git(server, 'rev-parse', 'main')).trim();

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    const signedUp = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Revert Co',
      email: 'owner@revert.test',
    });
    orgId = signedUp.organizationId;
    owner = signedUp.owner;
    const history = await owner.get(`/organizations/${orgId}/history`);
    provisionId = history.body.items.at(-1).changeRequestId;
    const changed = await owner.patch(`/organizations/${orgId}`, {
      plugins: ['seo-assistant', 'forms'],
    });
    expect(changed.status).toBe(200);
  }, 60_000);
  afterAll(() => server?.close());

  it('shows the diff back to the state after an earlier change, commits nothing, and the revert commits exactly that', async () => {
    const before = await head();
    const res = await owner.post(`/organizations/${orgId}/revert/preview`, { changeId: provisionId });
    expect(res.status).toBe(200);
    expect(res.body.baseSha).toBe(before);
    expect(res.body.files.length).toBeGreaterThan(0);
    const patches = res.body.files.map((f: { patch: string }) => f.patch).join('\n');
    expect(patches).toMatch(/^-.*forms/m);
    expect(await head()).toBe(before);
    expect((await owner.get(`/organizations/${orgId}`)).body.plugins).toContain('forms');

    const reverted = await owner.post(`/organizations/${orgId}/revert`, { changeId: provisionId });
    expect(reverted.status).toBe(200);
    const committed = (await git(server, 'diff', '--name-only', before, 'main')).trim().split('\n');
    expect(committed.sort()).toEqual(res.body.files.map((f: { path: string }) => f.path).sort());
  });

  it('refuses what the revert refuses, with the same codes', async () => {
    const unknown = { changeId: '00000000-0000-4000-8000-000000000000' };
    const res = await owner.post(`/organizations/${orgId}/revert/preview`, unknown);
    expect([res.status, res.body.error.code]).toEqual([404, 'change_request_not_found']);
    const { owner: stranger } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Other Co',
      email: 'owner@other.test',
    });
    const outside = await stranger.post(`/organizations/${orgId}/revert/preview`, { changeId: provisionId });
    expect([outside.status, outside.body.error.code]).toEqual([404, 'organization_not_found']);
    const junk = await admin.post(`/organizations/${orgId}/revert/preview`, { changeId: 'main' });
    expect([junk.status, junk.body.error.code]).toEqual([400, 'invalid_input']);
  });

  it('refuses an editor and a viewer (403), whose view of the organization offers no change to revert', async () => {
    const before = await head();
    for (const role of ['editor', 'viewer']) {
      const invited = await owner.post(`/organizations/${orgId}/users`, {
        email: `${role}@revert.test`,
        role,
      });
      expect(invited.status).toBe(201);
      const member = client(server, tokenFor(server, invited.body.userId));
      // The admin offers a revert only where `allowedActions` holds `organization.update`.
      expect((await member.get(`/organizations/${orgId}`)).body.allowedActions).not.toContain(
        'organization.update',
      );
      for (const path of ['revert/preview', 'revert']) {
        const res = await member.post(`/organizations/${orgId}/${path}`, { changeId: provisionId });
        expect([role, path, res.status, res.body.error.code]).toEqual([role, path, 403, 'forbidden']);
      }
    }
    expect(await head()).toBe(before);
  });
});
