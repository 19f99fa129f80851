import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, registerAndSignIn } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { buildTree } from '../test-support/tree.js';

/**
 * The organization list's counts by lifecycle state and sync status come from one grouped query
 * over every visible organization (not the page the admin loaded), and the list filters by the
 * sync status shown, Stale included, with the same rule as each row's badge.
 */
describe('organization counts and the sync filter', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  // Before any commit of this run: nothing is Stale yet.
  let now = new Date('2000-01-01T00:00:00.000Z');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ ...apiTestEnv, SYNC_STALE_AFTER_SECONDS: '600' }, { clock: () => now });
    admin = client(server, await adminToken(server));
    for (const name of ['Count Alpha', 'Count Beta', 'Count Gamma']) {
      ids[name] = (
        await registerAndSignIn(server, {
          accountType: 'organization',
          organizationName: name,
          email: `owner@${name.toLowerCase().replace(' ', '-')}.test`,
        })
      ).organizationId;
    }
    expect((await admin.post(`/organizations/${ids['Count Beta']}/suspend`, {})).status).toBe(200);
  }, 90_000);
  afterAll(() => server?.close());

  const counted = async (query = '') => (await admin.get(`/organizations?limit=1${query}`)).body;

  it('counts every visible organization, whatever the page size, and keeps every count under a state filter', async () => {
    const page = await counted();
    expect(page.items).toHaveLength(1);
    expect(page.counts.states).toEqual([
      { state: 'provisioning', count: 2 },
      { state: 'suspended', count: 1 },
    ]);
    expect(page.counts.sync).toEqual([{ status: 'Pending', count: 3 }]);
    const suspended = await counted('&state=suspended');
    expect(suspended.total).toBe(1);
    expect(suspended.counts).toEqual(page.counts);
  });

  it('calls a change with no report after the stale delay Stale, in the counts and the filter alike', async () => {
    // Far past any commit of this run (commits carry the writer's time).
    now = new Date('2100-01-01T00:00:00.000Z');
    const page = await admin.get('/organizations?sync=Stale');
    expect(page.body.counts.sync).toEqual([{ status: 'Stale', count: 3 }]);
    expect(page.body.items.map((o: { sync: { status: string } }) => o.sync.status)).toEqual([
      'Stale',
      'Stale',
      'Stale',
    ]);
    expect((await admin.get('/organizations?sync=Pending')).body.total).toBe(0);
  });

  it('counts only what the golden rule shows: an owner sees their own organization alone', async () => {
    const { owner } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Count Delta',
      email: 'owner@count-delta.test',
    });
    const own = (await owner.get('/organizations')).body;
    expect(own.counts.states).toEqual([{ state: 'provisioning', count: 1 }]);
    const gql = await owner.graphql(
      '{ organizations { total counts { states { state count } sync { status count } } } }',
    );
    expect(gql.data.organizations.counts).toEqual(own.counts);
  });

  it('counts under the golden rule and the tier and parent filters exactly what the list shows', async () => {
    const tree = await buildTree(server, 'counted-');
    type Page = { items: { state: string | null }[]; total: number; counts: { states: { count: number }[] } };
    const sum = (page: Page) => page.counts.states.reduce((n, c) => n + c.count, 0);
    const withTenant = (page: Page) => page.items.filter((o) => o.state !== null).length;
    const agency = client(server, tree.tokens.agency_admin);
    const cases: [ReturnType<typeof client>, string][] = [
      [agency, '/organizations?limit=500'],
      [admin, `/organizations?limit=500&parentId=${tree.ids['agency-a']}`],
      [admin, '/organizations?limit=500&tier=starter'],
      [agency, `/organizations?limit=500&parentId=${tree.ids['client-a1']}`],
    ];
    for (const [actor, url] of cases) {
      const page: Page = (await actor.get(url)).body;
      expect(page.items.length).toBe(page.total);
      expect(sum(page), url).toBe(withTenant(page));
    }
    // The agency's counts leave out agency-b's subtree and everything else the platform holds.
    const everything: Page = (await admin.get('/organizations?limit=500')).body;
    const own: Page = (await agency.get('/organizations?limit=500')).body;
    expect(sum(own)).toBeGreaterThan(0);
    expect(sum(own)).toBeLessThan(sum(everything));
  }, 120_000);
});
