import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client, git, registerAndSignIn } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { buildTree, type Tree } from '../test-support/tree.js';

type Client = ReturnType<typeof client>;

/*
 * Clusters as data over REST and GraphQL, on the permission tests' tree (every organization of it
 * placed on the first cluster, `production`, seeded from LUSTER_CLUSTER), with the entry point of
 * each added cluster read back with the git CLI.
 */
describe('clusters', () => {
  let server: TestServer;
  let tree: Tree;
  let admin: Client;
  let n = 0;

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    tree = await buildTree(server, 'cl-');
    admin = client(server, tree.adminToken);
  }, 120_000);
  afterAll(() => server?.close());

  const head = async () => (await git(server, 'rev-parse', 'main')).trim();
  const clusterOf = async (organizationId: string) =>
    (await admin.get(`/organizations/${organizationId}`)).body.cluster as string;
  /** A new client under `parent`, through "add a client"; answers the HTTP answer. */
  const addClient = (parent: string) =>
    admin.post('/organizations', {
      organizationName: `cl client ${++n}`,
      projectType: 'website',
      parentId: parent,
    });

  it('refuses every cluster action to everyone but superadmins', async () => {
    for (const role of ['group_admin', 'agency_admin', 'client_admin', 'editor', 'viewer'] as const) {
      const api = client(server, tree.tokens[role]);
      const answers = [
        await api.get('/clusters'),
        await api.get('/clusters/production'),
        await api.post('/clusters', { name: `nope-${role.replace('_', '-')}` }),
        await api.patch('/clusters/production', { acceptsTenants: false }),
        await api.delete('/clusters/production'),
        await api.put(`/organizations/${tree.ids['agency-a']}/preferred-cluster`, { cluster: 'production' }),
      ];
      expect(answers.map((a) => [a.status, a.body.error.code])).toEqual(Array(6).fill([403, 'forbidden']));
      const gql = await api.graphql('{ clusters { name } }');
      expect(gql.errors?.[0]?.extensions.code).toBe('forbidden');
    }
    const list = await admin.get('/clusters');
    expect(
      list.body.items.map((c: { name: string; acceptsTenants: boolean }) => [c.name, c.acceptsTenants]),
    ).toEqual([['production', true]]);
  });

  it('lists the first cluster, seeded from LUSTER_CLUSTER, with every tenant of the tree and their health', async () => {
    const list = await admin.get('/clusters');
    expect(list.status).toBe(200);
    const [production] = list.body.items;
    // Two agencies and five clients, all committed (provisioned or approved), none reported yet.
    expect(production).toMatchObject({
      name: 'production',
      capacity: 10_000,
      tenants: 7,
      usedPercent: 0.1,
      health: { Pending: 7, Reconciling: 0, Ready: 0, Failed: 0, Stale: 0 },
      preferredBy: [],
    });
    const gql = await admin.graphql('{ clusters { name tenants health { Pending } labels { key } } }');
    expect(gql.data.clusters).toEqual([
      { name: 'production', tenants: 7, health: { Pending: 7 }, labels: [] },
    ]);
  });

  it("pages through a cluster's tenants by slug", async () => {
    const first = await admin.get('/clusters/production?limit=5');
    expect(first.status).toBe(200);
    expect(first.body.tenantPage.items).toHaveLength(5);
    expect(first.body.tenantPage.items[0]).toMatchObject({
      slug: 'cl-agency-a',
      sync: 'Pending',
    });
    const rest = await admin.get(`/clusters/production?limit=5&cursor=${first.body.tenantPage.nextCursor}`);
    expect(rest.body.tenantPage.nextCursor).toBeNull();
    const slugs = [...first.body.tenantPage.items, ...rest.body.tenantPage.items].map(
      (t: { slug: string }) => t.slug,
    );
    expect(slugs).toHaveLength(7);
    expect(slugs).toEqual([...slugs].sort());
    const gql = await admin.graphql(
      '{ cluster(name: "production") { tenantPage(limit: 2) { items { slug } nextCursor } } }',
    );
    expect(gql.data.cluster.tenantPage.items.map((t: { slug: string }) => t.slug)).toEqual(slugs.slice(0, 2));
    expect((await admin.get('/clusters/nowhere')).body.error.code).toBe('cluster_not_found');
  });

  it('adds a cluster and commits its entry point clusters/<name>/ as a platform commit saying who and why', async () => {
    const before = await head();
    const created = await admin.post('/clusters', {
      name: 'edge-1',
      region: 'eu-west-1',
      capacity: 2,
      labels: { provider: 'hetzner' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'edge-1',
      region: 'eu-west-1',
      capacity: 2,
      tenants: 0,
      acceptsTenants: true,
    });
    expect((await git(server, 'rev-parse', 'main^')).trim()).toBe(before);
    const files = (await git(server, 'diff', '--name-only', before, 'main')).trim().split('\n');
    expect(files.length).toBeGreaterThan(0);
    // Its entry point, and the marker of each of its 256 shard folders (so a shard's last tenant can go).
    const markers = files.filter((f) => /^tenants\/edge-1\/[0-9a-f]{2}\/README\.md$/.test(f));
    expect(markers).toHaveLength(256);
    expect(
      files
        .filter((f) => !markers.includes(f))
        .every((f) => f.startsWith('clusters/edge-1/') || f.startsWith('argocd/edge-1/')),
    ).toBe(true);
    expect(files).toContain('clusters/edge-1/flux-system/kustomization.yaml');
    // Its Argo CD entry point: ApplicationSets over its own tenants, Applications named with it.
    expect(files.filter((f) => f.startsWith('argocd/'))).toEqual([
      'argocd/edge-1/applicationset-tenant-apps.yaml',
      'argocd/edge-1/applicationset-tenant-platform.yaml',
      'argocd/edge-1/appproject.yaml',
      'argocd/edge-1/argocd-notifications-cm.yaml',
      'argocd/edge-1/kustomization.yaml',
    ]);
    const apps = await git(server, 'show', 'main:argocd/edge-1/applicationset-tenant-apps.yaml');
    expect(apps).toContain('path: "tenants/edge-1/*/*/app"');
    expect(apps).toContain('edge-1--tenant-{{ index .path.segments 3 }}');
    const subject = (await git(server, 'log', '-1', '--format=%s', 'main')).trim();
    expect(subject).toBe('platform: add cluster edge-1');
    const trailers = await git(server, 'log', '-1', '--format=%(trailers:only,unfold)', 'main');
    expect(trailers).toMatch(/^Cluster: edge-1$/m);
    expect(trailers).toMatch(/^Requested-By: Platform admin <[0-9a-f-]{36}@users\.luster\.invalid>$/m);
    expect(trailers).toMatch(/^Reason: a superadmin added the cluster$/m);
    // Nothing of the template's own cluster leaks into the new one's.
    const tree = await git(
      server,
      'grep',
      '-l',
      'production',
      'main',
      '--',
      'clusters/edge-1',
      'tenants/edge-1',
      'argocd/edge-1',
    ).catch(() => '');
    expect(tree).toBe('');

    const again = await admin.post('/clusters', { name: 'edge-1' });
    expect([again.status, again.body.error.code]).toEqual([409, 'cluster_exists']);
    expect(await head()).not.toBe(before);
    const afterAgain = await head();
    for (const name of ['Edge', 'edge_1', '-edge', 'a'.repeat(64), '../x', 'edge--1']) {
      const bad = await admin.post('/clusters', { name });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_input']);
    }
    for (const body of [
      { name: 'ok-1', capacity: 0 },
      { name: 'ok-1', labels: { 'bad key!': 'x' } },
      { name: 'ok-1', extra: 1 },
    ]) {
      expect((await admin.post('/clusters', body)).status).toBe(400);
    }
    expect(await head()).toBe(afterAgain);

    const gql = await admin.graphql(
      'mutation { createCluster(name: "edge-2", capacity: 5, labels: [{ key: "tier", value: "gold" }]) { name capacity labels { key value } } }',
    );
    expect(gql.data.createCluster).toEqual({
      name: 'edge-2',
      capacity: 5,
      labels: [{ key: 'tier', value: 'gold' }],
    });
  });

  it("places a client on its agency's preferred cluster while it has room, then on the least-loaded one", async () => {
    const set = await admin.put(`/organizations/${tree.ids['agency-a']}/preferred-cluster`, {
      cluster: 'edge-1',
    });
    expect(set.body).toEqual({ organizationId: tree.ids['agency-a'], preferredCluster: 'edge-1' });
    // A grandchild inherits through its parent client.
    const placed = [];
    for (const parent of ['agency-a', 'client-a1']) {
      const res = await addClient(tree.ids[parent] as string);
      expect(res.status).toBe(201);
      placed.push(await clusterOf(res.body.organization.id));
    }
    expect(placed).toEqual(['edge-1', 'edge-1']);
    // edge-1 is full (capacity 2): production holds 7 of 10,000, edge-2 0 of 5 — the least loaded.
    const overflow = await addClient(tree.ids['agency-a'] as string);
    expect(await clusterOf(overflow.body.organization.id)).toBe('edge-2');
    // agency-b prefers nothing: least loaded again, now production (0.07 %) before edge-2 (20 %).
    const other = await addClient(tree.ids['agency-b'] as string);
    expect(await clusterOf(other.body.organization.id)).toBe('production');
    const view = (await admin.get('/clusters/edge-1')).body;
    expect(view).toMatchObject({ tenants: 2, usedPercent: 100, preferredBy: [{ id: tree.ids['agency-a'] }] });
    const unknown = await admin.put(`/organizations/${tree.ids['agency-b']}/preferred-cluster`, {
      cluster: 'nowhere',
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'cluster_not_found']);
    // The Clusters page links each cluster's count to the organization list filtered by it.
    const onEdge = await admin.get('/organizations?cluster=edge-1');
    expect(onEdge.status).toBe(200);
    expect(onEdge.body.items.map((o: { cluster: string }) => o.cluster)).toEqual(['edge-1', 'edge-1']);
    expect([onEdge.body.total, onEdge.body.counts.states]).toEqual([
      2,
      [{ state: 'provisioning', count: 2 }],
    ]);
    const gqlEdge = await admin.graphql('{ organizations(cluster: "edge-2") { total items { cluster } } }');
    expect(gqlEdge.data.organizations).toEqual({ total: 1, items: [{ cluster: 'edge-2' }] });
  });

  it('changes capacity, labels and acceptance; a cluster closed to new tenants gets none however empty', async () => {
    const closed = await admin.patch('/clusters/edge-2', {
      acceptsTenants: false,
      labels: { tier: 'silver' },
    });
    expect(closed.body).toMatchObject({ acceptsTenants: false, labels: { tier: 'silver' }, capacity: 5 });
    const res = await addClient(tree.ids['agency-b'] as string);
    expect(await clusterOf(res.body.organization.id)).toBe('production');
    const gql = await admin.graphql(
      'mutation { updateCluster(name: "edge-2", acceptsTenants: true, capacity: 3) { acceptsTenants capacity } }',
    );
    expect(gql.data.updateCluster).toEqual({ acceptsTenants: true, capacity: 3 });
    expect((await admin.patch('/clusters/nowhere', { capacity: 3 })).body.error.code).toBe(
      'cluster_not_found',
    );
  });

  it('lists the clusters accepting tenants, with room left and no load, to holders of organization.move only', async () => {
    // edge-1 holds 2: a capacity lowered below its tenants leaves no room, never less.
    await admin.patch('/clusters/edge-1', { capacity: 1 });
    await admin.patch('/clusters/production', { acceptsTenants: false });
    const expected = [
      { name: 'edge-1', region: 'eu-west-1', labels: { provider: 'hetzner' }, roomLeft: 0 },
      { name: 'edge-2', region: '', labels: { tier: 'silver' }, roomLeft: 2 },
    ];
    for (const role of ['superadmin', 'group_admin', 'agency_admin'] as const) {
      const res = await client(server, tree.tokens[role]).get('/cluster-choices');
      expect([role, res.status, res.body.items]).toEqual([role, 200, expected]);
    }
    for (const role of ['client_admin', 'editor', 'viewer'] as const) {
      const res = await client(server, tree.tokens[role]).get('/cluster-choices');
      expect([role, res.status, res.body.error.code]).toEqual([role, 403, 'forbidden']);
    }
    expect((await client(server).get('/cluster-choices')).status).toBe(401);
    await admin.patch('/clusters/edge-1', { capacity: 2 });
    await admin.patch('/clusters/production', { acceptsTenants: true });
  });

  it('refuses a new tenant with 409 no_cluster_capacity when no cluster has room, writing nothing', async () => {
    for (const name of ['production', 'edge-1', 'edge-2']) {
      expect((await admin.patch(`/clusters/${name}`, { acceptsTenants: false })).status).toBe(200);
    }
    const before = await head();
    const [{ n: orgs }] = await server.services.dataSource.query(
      'SELECT count(*)::int AS n FROM organization',
    );
    const refused = await addClient(tree.ids['agency-b'] as string);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'no_cluster_capacity']);
    const signup = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'No Room Ltd',
      email: 'no-room@example.test',
      password: 'a-long-enough-password',
    });
    expect([signup.status, signup.body.error.code]).toEqual([409, 'no_cluster_capacity']);
    const [{ n: after }] = await server.services.dataSource.query(
      'SELECT count(*)::int AS n FROM organization',
    );
    const [{ n: users }] = await server.services.dataSource.query(
      `SELECT count(*)::int AS n FROM "user" WHERE email = 'no-room@example.test'`,
    );
    expect([after, users, await head()]).toEqual([orgs, 0, before]);
    for (const name of ['production', 'edge-1', 'edge-2']) {
      await admin.patch(`/clusters/${name}`, { acceptsTenants: true });
    }
    const { organizationId } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Room Again Ltd',
      email: 'room-again@example.test',
    });
    expect(await clusterOf(organizationId)).toBe('production');
  });

  it('deletes only an empty cluster (409 cluster_not_empty otherwise); preferences for it are cleared', async () => {
    const busy = await admin.delete('/clusters/edge-1');
    expect([busy.status, busy.body.error.code, busy.body.error.details]).toEqual([
      409,
      'cluster_not_empty',
      { tenants: 2 },
    ]);
    const empty = await admin.post('/clusters', { name: 'empty-1' });
    expect(empty.status).toBe(201);
    await admin.put(`/organizations/${tree.ids['agency-b']}/preferred-cluster`, { cluster: 'empty-1' });
    expect((await admin.delete('/clusters/empty-1')).status).toBe(204);
    const [{ preferredCluster }] = await server.services.dataSource.query(
      `SELECT "preferredCluster" FROM organization WHERE id = $1`,
      [tree.ids['agency-b']],
    );
    expect(preferredCluster).toBeNull();
    expect((await admin.get('/clusters/empty-1')).body.error.code).toBe('cluster_not_found');
    const gql = await admin.graphql('mutation { deleteCluster(name: "edge-1") }');
    expect(gql.errors?.[0]?.extensions.code).toBe('cluster_not_empty');
  });
});
