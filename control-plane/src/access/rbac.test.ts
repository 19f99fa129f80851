import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { buildTree, type Relation, relations, type Tree, targetOf } from '../test-support/tree.js';
import { type Role, roles } from './organization.entities.js';
import { type Action, actions, allows } from './permissions.js';

/*
 * The permission table, exhaustively: every role × every organization endpoint × every target
 * relation, over REST and GraphQL. Expectations come from permissions.ts (`allows`) and the golden
 * rule as the seeds state it, never from the code under test's own visibility function.
 */

type Outcome = number | string; // a success status, or an error code

/**
 * The golden rule as specified: superadmin everything, group and agency admins their subtree,
 * others their own.
 */
function visible(role: Role, relation: Relation): boolean {
  if (role === 'superadmin') return true;
  if (role === 'group_admin' || role === 'agency_admin')
    return ['own', 'child', 'grandchild'].includes(relation);
  return relation === 'own';
}

/** The platform and the partner groups have no tenant (nor a media bucket). */
const tenantless = (target: string) => target === 'platform' || target.startsWith('group-');

interface Endpoint {
  name: string;
  action: Action;
  /** What an allowed call answers (the platform has no tenant: state-changing calls answer no_tenant). */
  success: (target: string) => Outcome;
  rest: (api: ReturnType<typeof client>, id: string, target: string) => Promise<Answer>;
  graphql: (api: ReturnType<typeof client>, id: string, target: string) => Promise<Outcome>;
  /** Undo an allowed call so the fixture stays as built. */
  restore?: (id: string) => Promise<void>;
}

const tenantOnly = (status: Outcome) => (target: string) => (tenantless(target) ? 'no_tenant' : status);

async function gql(api: ReturnType<typeof client>, query: string, variables: Record<string, unknown>) {
  const res = await api.graphql(query, variables);
  if (res.errors?.length) return res.errors[0]?.extensions.code as string;
  return 200;
}

describe('editor and viewer', () => {
  const allowedTo = (role: Role) => actions.filter((action) => allows(action, role, 'own'));

  it('lets a viewer only read', () => {
    expect(allowedTo('viewer')).toEqual(['organization.read', 'media.read', 'domains.read', 'credits.read']);
  });

  it("lets an editor manage the organization's media too, and nothing that changes its manifests", () => {
    expect(allowedTo('editor')).toEqual([
      'organization.read',
      'media.read',
      'media.write',
      'domains.read',
      'credits.read',
    ]);
  });
});

describe('the permission table over REST and GraphQL', () => {
  let server: TestServer;
  let tree: Tree;
  let superadmin: ReturnType<typeof client>;
  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    tree = await buildTree(server);
    superadmin = client(server, tree.adminToken);
    // Media buckets are created by a queue: the uploads below need them ready.
    await server.services.buckets.kick();
  }, 120_000);
  afterAll(() => server?.close());

  const resetState = (state: string) => async (id: string) => {
    await server.services.dataSource.query(`UPDATE tenant SET state = $2 WHERE "organizationId" = $1`, [
      id,
      state,
    ]);
  };

  /** The role a fresh invitee gets: the platform holds superadmins only, a partner group group admins only. */
  const inviteeRole = (target: string) =>
    target === 'platform' ? 'superadmin' : target.startsWith('group-') ? 'group_admin' : 'viewer';
  /** A fresh invitation into `id`, made by the superadmin, for the calls that act on one member. */
  const invitee = async (id: string, target: string) => {
    const res = await superadmin.post(`/organizations/${id}/users`, {
      email: `${randomUUID()}@invitee.test`,
      role: inviteeRole(target),
    });
    expect(res.status).toBe(201);
    return res.body.userId as string;
  };

  const endpoints: Endpoint[] = [
    {
      name: 'GET /organizations/:id',
      action: 'organization.read',
      success: () => 200,
      rest: (api, id) => api.get(`/organizations/${id}`),
      graphql: (api, id) => gql(api, 'query($id: ID!) { organization(id: $id) { id } }', { id }),
    },
    {
      name: 'GET /organizations/:id/manifests',
      action: 'organization.read',
      success: () => 200,
      rest: (api, id) => api.get(`/organizations/${id}/manifests`),
      graphql: (api, id) =>
        gql(api, 'query($id: ID!) { organization(id: $id) { manifests { ref } } }', { id }),
    },
    {
      name: 'GET /organizations/:id/history',
      action: 'organization.read',
      success: () => 200,
      rest: (api, id) => api.get(`/organizations/${id}/history`),
      graphql: (api, id) => gql(api, 'query($id: ID!) { organization(id: $id) { history { sha } } }', { id }),
    },
    {
      name: 'GET /organizations/:id/sync',
      action: 'organization.read',
      success: () => 200,
      rest: (api, id) => api.get(`/organizations/${id}/sync`),
      graphql: (api, id) => gql(api, 'query($id: ID!) { organization(id: $id) { sync { status } } }', { id }),
    },
    {
      name: 'GET /organizations/:id/changes',
      action: 'organization.read',
      success: () => 200,
      rest: (api, id) => api.get(`/organizations/${id}/changes`),
      graphql: (api, id) => gql(api, 'query($id: ID!) { organization(id: $id) { changes { id } } }', { id }),
    },
    {
      name: 'GET /organizations/:id/users',
      action: 'users.read',
      success: () => 200,
      rest: (api, id) => api.get(`/organizations/${id}/users`),
      graphql: (api, id) => gql(api, 'query($id: ID!) { organization(id: $id) { users { email } } }', { id }),
    },
    {
      name: 'POST /organizations (parentId = target)',
      action: 'organization.create',
      // A partner group holds agencies only: the allowed creation of a client in it is refused.
      success: (target) => (target.startsWith('group-') ? 'parent_is_partner_group' : 201),
      rest: (api, id) =>
        api.post('/organizations', {
          organizationName: `new ${randomUUID().slice(0, 8)}`,
          projectType: 'website',
          parentId: id,
        }),
      graphql: async (api, id) => {
        const outcome = await gql(
          api,
          'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }',
          {
            input: {
              organizationName: `gql ${randomUUID().slice(0, 8)}`,
              projectType: 'website',
              parentId: id,
            },
          },
        );
        return outcome === 200 ? 201 : outcome;
      },
    },
    {
      name: 'PATCH /organizations/:id (plugins, unchanged)',
      action: 'organization.update',
      success: tenantOnly(200),
      rest: (api, id) => api.patch(`/organizations/${id}`, { plugins: ['seo-assistant'] }),
      graphql: (api, id) =>
        gql(
          api,
          'mutation($id: ID!) { updateOrganization(id: $id, input: { plugins: ["seo-assistant"] }) { change { id } } }',
          { id },
        ),
    },
    {
      name: 'POST /organizations/:id/preview',
      action: 'organization.update',
      success: tenantOnly(200),
      rest: (api, id) => api.post(`/organizations/${id}/preview`, { displayName: 'Preview only' }),
      graphql: (api, id) =>
        gql(
          api,
          'query($id: ID!) { previewOrganizationUpdate(id: $id, input: { displayName: "Preview only" }) { files { path } } }',
          { id },
        ),
    },
    {
      name: 'PATCH /organizations/:id (tier)',
      action: 'organization.update_tier',
      success: tenantOnly(200),
      rest: (api, id) => api.patch(`/organizations/${id}`, { tier: 'pro' }),
      graphql: (api, id) =>
        gql(
          api,
          'mutation($id: ID!) { updateOrganization(id: $id, input: { tier: "pro" }) { change { id } } }',
          {
            id,
          },
        ),
      restore: async (id) => {
        expect((await superadmin.patch(`/organizations/${id}`, { tier: 'starter' })).status).toBe(200);
      },
    },
    {
      name: 'POST /organizations/:id/suspend',
      action: 'organization.suspend',
      success: tenantOnly(200),
      rest: (api, id) => api.post(`/organizations/${id}/suspend`, { reason: 'test' }),
      graphql: (api, id) =>
        gql(api, 'mutation($id: ID!) { suspendOrganization(id: $id) { change { id } } }', { id }),
      restore: async (id) => {
        expect((await superadmin.post(`/organizations/${id}/resume`)).status).toBe(200);
      },
    },
    {
      // Authorization is checked before the state: an allowed resume of a running tenant is a 409.
      name: 'POST /organizations/:id/resume',
      action: 'organization.resume',
      success: tenantOnly('invalid_state'),
      rest: (api, id) => api.post(`/organizations/${id}/resume`),
      graphql: (api, id) =>
        gql(api, 'mutation($id: ID!) { resumeOrganization(id: $id) { change { id } } }', { id }),
    },
    {
      name: 'POST /organizations/:id/deprovision',
      action: 'organization.deprovision',
      success: tenantOnly(200),
      rest: (api, id) => api.post(`/organizations/${id}/deprovision`),
      graphql: (api, id) =>
        gql(api, 'mutation($id: ID!) { deprovisionOrganization(id: $id) { change { id } } }', { id }),
      restore: (id) => resetState('provisioning')(id),
    },
    {
      name: 'POST /organizations/:id/purge',
      action: 'organization.purge',
      success: tenantOnly('invalid_state'),
      rest: (api, id) => api.post(`/organizations/${id}/purge`),
      graphql: (api, id) =>
        gql(api, 'mutation($id: ID!) { purgeOrganization(id: $id) { change { id } } }', { id }),
    },
    {
      name: 'POST /organizations/:id/users',
      action: 'users.invite',
      success: () => 201,
      rest: (api, id, target) =>
        api.post(`/organizations/${id}/users`, {
          email: `${randomUUID()}@invited.test`,
          role: inviteeRole(target),
        }),
      graphql: async (api, id, target) => {
        const outcome = await gql(
          api,
          'mutation($id: ID!, $input: InviteUserInput!) { inviteUser(organizationId: $id, input: $input) { userId } }',
          {
            id,
            input: {
              email: `${randomUUID()}@invited.test`,
              role: inviteeRole(target),
            },
          },
        );
        return outcome === 200 ? 201 : outcome;
      },
    },
    {
      name: 'PATCH /organizations/:id/users/:userId (same role)',
      action: 'users.manage',
      success: () => 200,
      rest: async (api, id, target) =>
        api.patch(`/organizations/${id}/users/${await invitee(id, target)}`, { role: inviteeRole(target) }),
      graphql: async (api, id, target) =>
        gql(
          api,
          'mutation($o: ID!, $u: ID!, $r: String!) { changeMemberRole(organizationId: $o, userId: $u, role: $r) { role } }',
          { o: id, u: await invitee(id, target), r: inviteeRole(target) },
        ),
    },
    {
      name: 'DELETE /organizations/:id/users/:userId',
      action: 'users.manage',
      success: () => 204,
      rest: async (api, id, target) => api.delete(`/organizations/${id}/users/${await invitee(id, target)}`),
      graphql: async (api, id, target) => {
        const outcome = await gql(
          api,
          'mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }',
          {
            o: id,
            u: await invitee(id, target),
          },
        );
        return outcome === 200 ? 204 : outcome;
      },
    },
    {
      name: 'POST /organizations/:id/invitations/:userId/resend',
      action: 'users.invite',
      success: () => 202,
      rest: async (api, id, target) =>
        api.post(`/organizations/${id}/invitations/${await invitee(id, target)}/resend`),
      graphql: async (api, id, target) => {
        const outcome = await gql(
          api,
          'mutation($o: ID!, $u: ID!) { resendInvitation(organizationId: $o, userId: $u) { userId } }',
          { o: id, u: await invitee(id, target) },
        );
        return outcome === 200 ? 202 : outcome;
      },
    },
    {
      name: 'DELETE /organizations/:id/invitations/:userId',
      action: 'users.invite',
      success: () => 204,
      rest: async (api, id, target) =>
        api.delete(`/organizations/${id}/invitations/${await invitee(id, target)}`),
      graphql: async (api, id, target) => {
        const outcome = await gql(
          api,
          'mutation($o: ID!, $u: ID!) { cancelInvitation(organizationId: $o, userId: $u) }',
          { o: id, u: await invitee(id, target) },
        );
        return outcome === 200 ? 204 : outcome;
      },
    },
    {
      name: 'GET /organizations/:id/media',
      action: 'media.read',
      success: () => 200,
      rest: (api, id) => api.get(`/organizations/${id}/media`),
      graphql: (api, id) =>
        gql(api, 'query($id: ID!) { media(organizationId: $id) { items { key } } }', { id }),
    },
    {
      // The content an editor manages: an upload is presigned (nothing is stored until completed).
      // The platform and the groups have no tenant and so no media bucket.
      name: 'POST /organizations/:id/media/uploads',
      action: 'media.write',
      success: (target) => (tenantless(target) ? 'storage_unavailable' : 201),
      rest: (api, id) =>
        api.post(`/organizations/${id}/media/uploads`, { name: 'a.txt', contentType: 'text/plain', size: 1 }),
      graphql: async (api, id, target) => {
        const outcome = await gql(
          api,
          'mutation($id: ID!) { createMediaUpload(organizationId: $id, input: { name: "a.txt", contentType: "text/plain", size: 1 }) { key } }',
          { id },
        );
        return outcome === 200 && !tenantless(target) ? 201 : outcome;
      },
    },
    {
      // Authorization comes before the key is looked up: an allowed delete of a missing object is a 404.
      name: 'DELETE /organizations/:id/media',
      action: 'media.write',
      success: () => 'media_not_found',
      rest: (api, id) => api.delete(`/organizations/${id}/media?key=2026%2F01%2Fmissing.txt`),
      graphql: (api, id) =>
        gql(api, 'mutation($id: ID!) { deleteMedia(organizationId: $id, key: "2026/01/missing.txt") }', {
          id,
        }),
    },
  ];

  const cases = roles.flatMap((role) =>
    relations.flatMap((relation) => {
      const target = targetOf(role, relation);
      return target ? endpoints.map((endpoint) => ({ role, relation, target, endpoint })) : [];
    }),
  );

  function expected(role: Role, relation: Relation, endpoint: Endpoint, target: string): Outcome {
    if (!visible(role, relation)) return 'organization_not_found';
    if (!allows(endpoint.action, role, relation === 'own' ? 'own' : 'below')) return 'forbidden';
    return endpoint.success(target);
  }

  function outcomeOf(res: Answer): Outcome {
    return res.status < 400 ? res.status : res.body.error.code;
  }

  it(`covers every role × endpoint × relation (${cases.length} cases per protocol)`, () => {
    expect(cases.length).toBe(roles.length * endpoints.length * 6 - 2 * endpoints.length);
  });

  it.each(cases.map((c) => [c.role, c.endpoint.name, c.relation, c] as const))(
    'REST: %s → %s on %s',
    async (role, _name, relation, { target, endpoint }) => {
      const api = client(server, tree.tokens[role]);
      const id = tree.ids[target] as string;
      const want = expected(role, relation, endpoint, target);
      const got = outcomeOf(await endpoint.rest(api, id, target));
      expect(got).toBe(want);
      if (typeof want === 'number' && endpoint.restore) await endpoint.restore(id);
    },
  );

  it.each(cases.map((c) => [c.role, c.endpoint.name, c.relation, c] as const))(
    'GraphQL: %s → %s on %s',
    async (role, _name, relation, { target, endpoint }) => {
      const api = client(server, tree.tokens[role]);
      const id = tree.ids[target] as string;
      const want = expected(role, relation, endpoint, target);
      const got = await endpoint.graphql(api, id, target);
      expect(got).toBe(want);
      if (typeof want === 'number' && endpoint.restore) await endpoint.restore(id);
    },
  );

  it.each(roles)('lists exactly the visible organizations for %s, over REST and GraphQL', async (role) => {
    const api = client(server, tree.tokens[role]);
    const rest = await api.get('/organizations?limit=500');
    const gqlRes = await api.graphql('{ organizations(limit: 500) { items { id } total } }');
    const fixture = new Set(Object.values(tree.ids));
    const seen = (ids: string[]) => ids.filter((id) => fixture.has(id)).sort();
    const want = relations
      .filter((r) => visible(role, r))
      .map((r) => targetOf(role, r))
      .filter((t): t is string => t !== null)
      .map((t) => tree.ids[t] as string);
    if (role === 'superadmin') want.push(...Object.values(tree.ids));
    // Below the grandchild the relations name: the rest of agency A's subtree.
    if (role === 'group_admin') {
      want.push(...['client-a2', 'grand-a11', 'great-a111'].map((t) => tree.ids[t] as string));
    }
    if (role === 'agency_admin') want.push(tree.ids['client-a2'] as string, tree.ids['great-a111'] as string);
    const expectedIds = [...new Set(want)].sort();
    expect(seen(rest.body.items.map((o: { id: string }) => o.id))).toEqual(expectedIds);
    expect(seen(gqlRes.data.organizations.items.map((o: { id: string }) => o.id))).toEqual(expectedIds);
  });

  it('lets only superadmins create, fill and delete partner groups (a group admin neither)', async () => {
    const group = tree.ids['group-h'] as string;
    for (const role of roles) {
      const api = client(server, tree.tokens[role]);
      const outcomes = [
        await api.post('/partner-groups', { name: `rbac ${role}` }),
        await api.put(`/partner-groups/${group}/agencies/${tree.ids['agency-b']}`, {}),
        await api.delete(`/partner-groups/${group}`),
      ].map(outcomeOf);
      // The superadmin's move finds the agency there already; group-h, holding it, is not deleted.
      const want = role === 'superadmin' ? [201, 200, 'partner_group_not_empty'] : Array(3).fill('forbidden');
      expect(outcomes).toEqual(want);
    }
  });

  it('refuses agency requests and catalog edits to everyone but superadmins', async () => {
    for (const role of roles) {
      const api = client(server, tree.tokens[role]);
      const list = await api.get('/agency-requests');
      const put = await api.put('/catalog/plugins/newsletter', { name: 'Newsletter' });
      if (role === 'superadmin') {
        expect([list.status, put.status]).toEqual([200, 200]);
      } else {
        expect([list.body.error.code, put.body.error.code]).toEqual(['forbidden', 'forbidden']);
      }
    }
  });
});
