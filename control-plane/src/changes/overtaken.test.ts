import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, registerWebsite } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { overtakenChanges } from './delivery.js';

/**
 * Which of a replica's commits, about to be re-applied on a moved remote, another replica has
 * overtaken: read from the database, with real changes recorded by a real writer.
 */
describe('commits overtaken by a later write of their tenant', () => {
  let server: TestServer;
  let provision: string;
  let suspend: string;
  let alone: string;
  const commit = (sha: string, changeId: string) => ({
    sha,
    message: `tenant(x): something\n\nChange-Request: ${changeId}\nRequested-By: someone\n`,
  });
  const overtaken = (commits: { sha: string; message: string }[]) =>
    overtakenChanges(server.services.dataSource)(commits);

  beforeAll(async () => {
    server = await startTestServer({ ...apiTestEnv, RECONCILE_INTERVAL_SECONDS: '0' });
    const register = async (name: string) => {
      const res = await registerWebsite(server, name);
      expect(res.status).toBe(201);
      return res.body as { organization: { id: string }; change: { id: string } };
    };
    const first = await register('Written Again');
    provision = first.change.id;
    const suspended = await client(server, await adminToken(server)).post(
      `/organizations/${first.organization.id}/suspend`,
      { reason: 'overtaken test' },
    );
    expect(suspended.status).toBe(200);
    suspend = suspended.body.change.id;
    alone = (await register('Written Once')).change.id;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it("names a commit whose tenant's last change is none of the commits re-applied", async () => {
    expect(await overtaken([commit('a1', provision), commit('b1', alone)])).toEqual(new Set(['a1']));
  });

  it('keeps every commit when the later change of the tenant is one of them', async () => {
    expect(await overtaken([commit('a1', provision), commit('a2', suspend), commit('b1', alone)])).toEqual(
      new Set(),
    );
  });

  it('keeps commits with no change, or a trailer that names none', async () => {
    expect(
      await overtaken([
        { sha: 'c1', message: 'platform: bootstrap\n' },
        { sha: 'c2', message: 'tenant(x): y\n\nChange-Request: not-a-uuid\n' },
        commit('c3', '00000000-0000-4000-8000-000000000000'),
      ]),
    ).toEqual(new Set());
  });
});
