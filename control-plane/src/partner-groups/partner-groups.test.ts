import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client, git, tokenFor } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { buildTree, type Tree } from '../test-support/tree.js';

type Client = ReturnType<typeof client>;

/*
 * Partner groups over REST and GraphQL, on the permission tests' tree:
 *
 *   platform ─┬─ group-g ── agency-a ─┬─ client-a1 ── grand-a11 ── great-a111
 *             │                       └─ client-a2
 *             └─ group-h ── agency-b ─── client-b1
 *
 * agency-a moves from group-g into the group North, agency-b stays in group-h.
 */
describe('partner groups', () => {
  let server: TestServer;
  let tree: Tree;
  let admin: Client;
  let north: { id: string; slug: string };
  let groupAdmin: Client;
  const subtreeOfA = ['agency-a', 'client-a1', 'client-a2', 'grand-a11', 'great-a111'];

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    tree = await buildTree(server, 'pg-');
    admin = client(server, tree.adminToken);
  }, 120_000);
  afterAll(() => server?.close());

  const ids = (names: string[]) => names.map((n) => tree.ids[n] as string).sort();
  const head = async () => (await git(server, 'rev-parse', 'main')).trim();
  /** Each named organization's path and parent as stored now. */
  async function pathsOf(names: string[]): Promise<(name: string) => { path: string; parentId: string }> {
    const rows: { id: string; path: string; parentId: string }[] = await server.services.dataSource.query(
      `SELECT id, path, "parentId" FROM organization WHERE id = ANY($1::uuid[])`,
      [ids(names)],
    );
    return (name) => {
      const row = rows.find((r) => r.id === tree.ids[name]);
      if (!row) throw new Error(`${name} is not in the tree`);
      return row;
    };
  }

  it('refuses group creation and agency moves to everyone but superadmins', async () => {
    for (const role of ['group_admin', 'agency_admin', 'client_admin', 'editor', 'viewer'] as const) {
      const api = client(server, tree.tokens[role]);
      const create = await api.post('/partner-groups', { name: `Nope ${role}` });
      const gql = await api.graphql('mutation { createPartnerGroup(name: "Nope") { id } }');
      const move = await api.put(`/partner-groups/${randomUUID()}/agencies/${tree.ids['agency-a']}`, {});
      expect([create.body.error.code, gql.errors?.[0]?.extensions.code, move.body.error.code]).toEqual([
        'forbidden',
        'forbidden',
        'forbidden',
      ]);
    }
    const [{ n }] = await server.services.dataSource.query(
      `SELECT count(*)::int AS n FROM organization WHERE kind = 'partner_group'`,
    );
    // The tree's two groups only.
    expect(n).toBe(2);
  });

  it('creates a group under the platform, without a tenant; a taken slug is 409 slug_taken', async () => {
    const created = await admin.post('/partner-groups', { name: 'North Partners' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: 'north-partners', name: 'North Partners', agencies: [] });
    north = created.body;
    const south = await admin.graphql('mutation { createPartnerGroup(name: "South Partners") { slug } }');
    expect(south.data.createPartnerGroup.slug).toBe('south-partners');
    const again = await admin.post('/partner-groups', { name: 'North Partners' });
    expect([again.status, again.body.error.code]).toEqual([409, 'slug_taken']);

    const view = await admin.get(`/organizations/${north.id}`);
    expect(view.body).toMatchObject({ kind: 'partner_group', parentId: tree.ids.platform, state: null });
  });

  it('moves an agency with its whole subtree in, commits nothing, and every tenant below still renders as in git', async () => {
    const before = await head();
    const paths = await pathsOf(subtreeOfA);

    const moved = await admin.put(`/partner-groups/${north.id}/agencies/${tree.ids['agency-a']}`, {});
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ partnerGroupId: north.id, movedOrganizations: subtreeOfA.length });

    const [group] = await server.services.dataSource.query(`SELECT path FROM organization WHERE id = $1`, [
      north.id,
    ]);
    const after = await pathsOf(subtreeOfA);
    for (const name of subtreeOfA) {
      // The same path below the agency, now hung under the group; parents below the agency unchanged.
      const below = paths(name).path.slice(paths('agency-a').path.length);
      expect(after(name).path).toBe(`${group.path}${tree.ids['agency-a']}/${below}`);
      if (name !== 'agency-a') expect(after(name).parentId).toBe(paths(name).parentId);
    }
    expect(after('agency-a').parentId).toBe(north.id);
    // Moved out of group-g: the admin of group-g no longer sees any of it.
    const left = await client(server, tree.tokens.group_admin).get('/organizations?limit=500');
    expect(left.body.items.map((o: { id: string }) => o.id)).toEqual([tree.ids['group-g']]);

    // Nothing rendered mentions the group: no commit, and a re-render of every tenant below is empty.
    expect(await head()).toBe(before);
    const me = await admin.get('/me');
    const tenants: { id: string }[] = await server.services.dataSource.query(
      `SELECT id FROM tenant WHERE "organizationId" = ANY($1::uuid[])`,
      [ids(subtreeOfA)],
    );
    expect(tenants).toHaveLength(subtreeOfA.length);
    for (const tenant of tenants) {
      const change = await server.services.changes.submit({
        tenantId: tenant.id,
        kind: 'update',
        actor: { userId: me.body.id },
        summary: 're-render after the move',
        tenantPatch: {},
      });
      expect([change.state, change.commitSha]).toEqual(['committed', null]);
    }
    expect(await head()).toBe(before);

    const list = await admin.get('/partner-groups');
    expect(list.body.items.find((g: { id: string }) => g.id === north.id).agencies).toEqual([
      expect.objectContaining({ id: tree.ids['agency-a'], slug: 'pg-agency-a' }),
    ]);
    const again = await admin.graphql(
      'mutation($g: ID!, $a: ID!) { addAgencyToPartnerGroup(groupId: $g, agencyId: $a) { partnerGroupId movedOrganizations } }',
      { g: north.id, a: tree.ids['agency-a'] },
    );
    expect(again.data.addAgencyToPartnerGroup).toEqual({ partnerGroupId: north.id, movedOrganizations: 0 });
  });

  it('refuses to move what is not an agency, into what is not a group, or out of a group it is not in', async () => {
    const put = (group: string, agency: string) =>
      admin.put(`/partner-groups/${group}/agencies/${agency}`, {});
    const codes = [
      await put(north.id, tree.ids['client-b1'] as string),
      await put(tree.ids.platform as string, tree.ids['agency-b'] as string),
      await put(north.id, randomUUID()),
      await admin.delete(`/partner-groups/${north.id}/agencies/${tree.ids['agency-b']}`),
    ].map((res) => [res.status, res.body.error.code]);
    expect(codes).toEqual([
      [400, 'not_an_agency'],
      [404, 'partner_group_not_found'],
      [404, 'organization_not_found'],
      [404, 'organization_not_found'],
    ]);
    const gql = await admin.graphql(
      'mutation { removeAgencyFromPartnerGroup(groupId: "nope", agencyId: "nope") { movedOrganizations } }',
    );
    expect(gql.errors?.[0]?.extensions.code).toBe('partner_group_not_found');
    expect((await pathsOf(['agency-b']))('agency-b').parentId).toBe(tree.ids['group-h']);
  });

  it('appoints group admins by invitation, and only into partner groups', async () => {
    const invite = (org: string, role: string) =>
      admin.post(`/organizations/${org}/users`, { email: `${randomUUID()}@groups.test`, role });
    const appointed = await invite(north.id, 'group_admin');
    expect(appointed.status).toBe(201);
    groupAdmin = client(server, tokenFor(server, appointed.body.userId));
    const refused = [
      await invite(north.id, 'viewer'),
      await invite(tree.ids['agency-b'] as string, 'group_admin'),
    ];
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual([
      [400, 'role_not_allowed_here'],
      [400, 'role_not_allowed_here'],
    ]);
    // Agency admins cannot grant a role above their own.
    const agencyAdmin = client(server, tree.tokens.agency_admin);
    const tooHigh = await agencyAdmin.post(`/organizations/${tree.ids['agency-a']}/users`, {
      email: `${randomUUID()}@groups.test`,
      role: 'group_admin',
    });
    expect(tooHigh.body.error.code).toBe('role_too_high');
  });

  it('shows a group admin the group and everything below it four levels down, nothing up or sideways', async () => {
    const want = [north.id, ...ids(subtreeOfA)].sort();
    const rest = await groupAdmin.get('/organizations?limit=500');
    expect(rest.body.items.map((o: { id: string }) => o.id).sort()).toEqual(want);
    const gql = await groupAdmin.graphql('{ organizations(limit: 500) { items { id } } }');
    expect(gql.data.organizations.items.map((o: { id: string }) => o.id).sort()).toEqual(want);
    const groups = await groupAdmin.graphql('{ partnerGroups { id agencies { id } } }');
    expect(groups.data.partnerGroups).toEqual([{ id: north.id, agencies: [{ id: tree.ids['agency-a'] }] }]);

    for (const name of ['platform', 'agency-b', 'client-b1']) {
      expect((await groupAdmin.get(`/organizations/${tree.ids[name]}`)).body.error.code).toBe(
        'organization_not_found',
      );
    }
    // The agency admin below sees no group: nothing up.
    expect((await client(server, tree.tokens.agency_admin).get('/partner-groups')).body.items).toEqual([]);
  });

  it('lets a group admin manage below the group: operate clients, create under agencies, not under the group', async () => {
    const target = tree.ids['great-a111'] as string;
    expect(
      (await groupAdmin.post(`/organizations/${target}/suspend`, { reason: 'group check' })).status,
    ).toBe(200);
    // Suspended from the group: the agency below cannot lift it.
    const byAgency = await client(server, tree.tokens.agency_admin).post(`/organizations/${target}/resume`);
    expect(byAgency.body.error.code).toBe('suspended_from_above');
    expect((await groupAdmin.post(`/organizations/${target}/resume`)).status).toBe(200);

    const underAgency = await groupAdmin.post('/organizations', {
      organizationName: 'pg group client',
      projectType: 'website',
      parentId: tree.ids['agency-a'],
    });
    expect(underAgency.status).toBe(201);
    const [{ path }] = await server.services.dataSource.query(`SELECT path FROM organization WHERE id = $1`, [
      underAgency.body.organization.id,
    ]);
    expect(path).toContain(`/${north.id}/${tree.ids['agency-a']}/`);

    const underGroup = await groupAdmin.post('/organizations', {
      organizationName: 'pg group direct',
      projectType: 'website',
      parentId: north.id,
    });
    expect([underGroup.status, underGroup.body.error.code]).toEqual([400, 'parent_is_partner_group']);
    const moveItself = await groupAdmin.delete(
      `/partner-groups/${north.id}/agencies/${tree.ids['agency-a']}`,
    );
    expect(moveItself.body.error.code).toBe('forbidden');
  });

  it('takes an agency out again with its subtree: the group admin no longer sees any of it', async () => {
    const before = await head();
    const out = await admin.graphql(
      'mutation($g: ID!, $a: ID!) { removeAgencyFromPartnerGroup(groupId: $g, agencyId: $a) { partnerGroupId movedOrganizations } }',
      { g: north.id, a: tree.ids['agency-a'] },
    );
    // The five of the tree and the client the group admin created.
    expect(out.data.removeAgencyFromPartnerGroup).toEqual({ partnerGroupId: null, movedOrganizations: 6 });
    const paths = await pathsOf(['platform', 'agency-a', 'great-a111']);
    expect(paths('agency-a').path).toBe(`${paths('platform').path}${tree.ids['agency-a']}/`);
    expect(paths('great-a111').path.startsWith(paths('agency-a').path)).toBe(true);

    const rest = await groupAdmin.get('/organizations?limit=500');
    expect(rest.body.items.map((o: { id: string }) => o.id)).toEqual([north.id]);
    expect((await groupAdmin.get(`/organizations/${tree.ids['client-a1']}`)).status).toBe(404);
    expect(await head()).toBe(before);
  });
});
