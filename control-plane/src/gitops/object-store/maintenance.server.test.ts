import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client, git } from '../../test-support/api-client.js';
import { startTestServer, type TestServer } from '../../test-support/server.js';

/** `git count-objects -v` as numbers. */
async function objects(server: TestServer) {
  const out = await git(server, 'count-objects', '-v');
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => l.split(': '))
      .map(([k, v]) => [k, Number(v)]),
  );
}

describe('the running control plane packs its repository', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ...apiTestEnv, GITOPS_PACK_EVERY_COMMITS: '2' });
  });
  afterAll(() => server?.close());

  it('turns the loose objects of its commits into a pack in the background', async () => {
    for (const name of ['Pack One', 'Pack Two', 'Pack Three']) {
      const res = await client(server).post('/registrations', {
        accountType: 'organization',
        projectType: 'website',
        organizationName: name,
        email: `${name.replace(' ', '.').toLowerCase()}@pack.test`,
        password: 'a-long-enough-password',
      });
      expect(res.status).toBe(201);
    }
    await server.services.maintenance.idle();
    const counts = await objects(server);
    expect(counts.packs).toBeGreaterThanOrEqual(1);
    expect(counts['in-pack']).toBeGreaterThan(0);
    await git(server, 'fsck', '--strict');
  });
});
