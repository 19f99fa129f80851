import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client, git } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { buildTree, type Tree } from '../test-support/tree.js';

/*
 * A change request about several tenants (a bulk deletion) names every one of them — slugs, ids,
 * diffs — so only someone who can see all of them sees it: an agency admin whose client is in a
 * bulk deletion together with another agency's client neither lists nor reads it, over REST and
 * GraphQL; a bulk deletion of its own clients only stays visible to it.
 */

type Api = ReturnType<typeof client>;

describe('change requests about several tenants', () => {
  let server: TestServer;
  let tree: Tree;
  let admin: Api;
  let agency: Api;
  let crossId: string;
  let ownId: string;

  const ids = (items: { id: string }[]) => items.map((c) => c.id);

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    tree = await buildTree(server);
    admin = client(server, tree.adminToken);
    agency = client(server, tree.tokens.agency_admin);
    const extra = await admin.post('/organizations', {
      organizationName: 'client-a3',
      projectType: 'website',
      parentId: tree.ids['agency-a'],
    });
    tree.ids['client-a3'] = extra.body.organization.id;
    for (const name of ['client-a2', 'client-a3', 'great-a111', 'client-b1']) {
      expect((await admin.post(`/organizations/${tree.ids[name]}/deprovision`)).status).toBe(200);
    }
    // Agency A's client first: the change's own tenant is one agency A can see.
    const cross = await admin.post('/change-requests/bulk-delete', {
      organizationIds: [tree.ids['client-a2'], tree.ids['client-b1']],
      reason: 'spans two agencies',
    });
    expect(cross.status).toBe(202);
    crossId = cross.body.id;
    const own = await admin.post('/change-requests/bulk-delete', {
      organizationIds: [tree.ids['client-a3'], tree.ids['great-a111']],
      reason: 'agency A only',
    });
    expect(own.status).toBe(202);
    ownId = own.body.id;
  }, 180_000);
  afterAll(() => server?.close());

  it('is absent from the agency admin’s lists over REST, count included', async () => {
    const all = await agency.get('/change-requests?pageSize=200');
    expect(ids(all.body.items)).not.toContain(crossId);
    expect(ids(all.body.items)).toContain(ownId);
    const bulk = await agency.get('/change-requests?kind=bulk_delete');
    expect([ids(bulk.body.items), bulk.body.total]).toEqual([[ownId], 1]);
    const ofClient = await agency.get(`/organizations/${tree.ids['client-a2']}/changes`);
    expect(ids(ofClient.body.items)).not.toContain(crossId);
  });

  it('answers 404 when the agency admin reads it over REST', async () => {
    const res = await agency.get(`/change-requests/${crossId}`);
    expect([res.status, res.body.error.code]).toEqual([404, 'change_request_not_found']);
    expect(JSON.stringify(res.body)).not.toContain(tree.ids['client-b1']);
    expect((await agency.get(`/change-requests/${ownId}`)).status).toBe(200);
  });

  it('is hidden from the agency admin over GraphQL too', async () => {
    const list = await agency.graphql('{ changeRequests(kind: "bulk_delete") { items { id } total } }');
    expect([ids(list.data.changeRequests.items), list.data.changeRequests.total]).toEqual([[ownId], 1]);
    const read = await agency.graphql('query($id: ID!) { changeRequest(id: $id) { id title } }', {
      id: crossId,
    });
    expect(read.errors?.[0]?.extensions.code).toBe('change_request_not_found');
    const ofClient = await agency.graphql('query($id: ID!) { organization(id: $id) { changes { id } } }', {
      id: tree.ids['client-a2'],
    });
    expect(ids(ofClient.data.organization.changes)).not.toContain(crossId);
  });

  it('stays visible to a superadmin, with every tenant it covers', async () => {
    const list = await admin.get('/change-requests?kind=bulk_delete');
    expect(ids(list.body.items).sort()).toEqual([crossId, ownId].sort());
    const read = await admin.get(`/change-requests/${crossId}`);
    expect(read.status).toBe(200);
    expect(read.body.organizationIds.sort()).toEqual([tree.ids['client-a2'], tree.ids['client-b1']].sort());
  });

  it('does not name the other agency’s tenant in its own client’s history once committed', async () => {
    // The commit a merged bulk deletion leaves, indexed for both tenants as the writer does.
    const tenantOf = async (name: string): Promise<{ slug: string; tenantId: string }> => {
      const [row] = await server.services.dataSource.query(
        `SELECT slug, id AS "tenantId" FROM tenant WHERE "organizationId" = $1`,
        [tree.ids[name]],
      );
      return row;
    };
    const a2 = await tenantOf('client-a2');
    const b1 = await tenantOf('client-b1');
    const parent = (await git(server, 'rev-parse', 'main')).trim();
    const tree0 = (await git(server, 'rev-parse', 'main^{tree}')).trim();
    const message = `purge 2 tenants: ${a2.slug}, ${b1.slug}\n\nTenant: ${a2.slug}\nTenant: ${b1.slug}\nReason: spans ${b1.slug} too\n`;
    const sha = (
      await git(
        server,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@t',
        'commit-tree',
        tree0,
        '-p',
        parent,
        '-m',
        message,
      )
    ).trim();
    for (const t of [a2, b1]) {
      await server.services.dataSource.query(
        `INSERT INTO tenant_commit (sha, "tenantId", "changeRequestId", "parentSha", branch, subject, "filesTouched", "committedAt")
         VALUES ($1, $2, $3, $4, 'main', $5, 1, now())`,
        [sha, t.tenantId, crossId, parent, `purge 2 tenants: ${a2.slug}, ${b1.slug}`],
      );
    }
    const history = await agency.get(`/organizations/${tree.ids['client-a2']}/history`);
    const entry = history.body.items.find((e: { sha: string }) => e.sha === sha);
    expect(entry.subject).toBe(`change to several tenants, including ${a2.slug}`);
    const detail = await agency.get(`/organizations/${tree.ids['client-a2']}/history/${sha}`);
    expect(detail.status).toBe(200);
    for (const shown of [history.body, detail.body]) expect(JSON.stringify(shown)).not.toContain(b1.slug);
    const graph = await agency.graphql(
      'query($id: ID!) { organization(id: $id) { history { sha subject } } }',
      {
        id: tree.ids['client-a2'],
      },
    );
    expect(JSON.stringify(graph.data)).not.toContain(b1.slug);
    // The platform sees what the commit says.
    const full = await admin.get(`/organizations/${tree.ids['client-a2']}/history`);
    expect(full.body.items.find((e: { sha: string }) => e.sha === sha).subject).toContain(b1.slug);
  });
});
