import { platformActions } from '@luster/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client, registerAndSignIn } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { buildTree, type Relation, relations, type Tree, targetOf } from '../test-support/tree.js';
import { type Role, roles } from './organization.entities.js';
import { type Action, actions, allows } from './permissions.js';

/*
 * `allowedActions` on every organization view, golden-rule suite style: for every role × visible
 * relation, what REST (detail and list) and GraphQL offer is what the permission table allows
 * there, narrowed by the tenant's state. The state rules are written out here as the lifecycle
 * states them, not taken from the code under test.
 */

function visible(role: Role, relation: Relation): boolean {
  if (role === 'superadmin') return true;
  if (role === 'group_admin' || role === 'agency_admin')
    return ['own', 'child', 'grandchild'].includes(relation);
  return relation === 'own';
}

/**
 * What a state leaves room for, whoever asks (the platform and the partner groups have no tenant:
 * state null). Creating a client needs the parent itself live, so a stopped tenant takes no new
 * clients; a partner group holds agencies only, so it takes none either.
 */
const openIn: Record<'none' | 'group' | 'provisioning' | 'suspended' | 'deprovisioned', readonly Action[]> = {
  none: [
    'organization.read',
    'organization.create',
    'users.read',
    'users.invite',
    'users.manage',
    'media.read',
    'media.write',
    'domains.read',
    'credits.read',
    'credits.grant',
    'credits.take_back',
    'credits.limit',
    'credits.api_keys',
    'credits.buy',
  ],
  group: [
    'organization.read',
    'users.read',
    'users.invite',
    'users.manage',
    'media.read',
    'media.write',
    'domains.read',
    'credits.read',
    'credits.grant',
    'credits.take_back',
    'credits.limit',
    'credits.api_keys',
    'credits.buy',
  ],
  // Moving and restoring replace a live tenant's database: an active one only.
  provisioning: actions.filter(
    (a) =>
      !['organization.resume', 'organization.purge', 'organization.move', 'organization.restore'].includes(a),
  ),
  suspended: actions.filter(
    (a) =>
      ![
        'organization.create',
        'organization.suspend',
        'organization.purge',
        'organization.move',
        'organization.restore',
      ].includes(a),
  ),
  deprovisioned: actions.filter(
    (a) =>
      ![
        'organization.create',
        'organization.update',
        'organization.update_tier',
        'organization.suspend',
        'organization.resume',
        'organization.deprovision',
        'organization.move',
        'organization.restore',
      ].includes(a),
  ),
};

describe('allowedActions on organization views', () => {
  let server: TestServer;
  let tree: Tree;
  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    tree = await buildTree(server);
  }, 120_000);
  afterAll(() => server?.close());

  const api = (role: keyof Tree['tokens']) => client(server, tree.tokens[role]);
  const setTenant = async (name: string, state: string, suspendedBy: string | null = null) => {
    await server.services.dataSource.query(
      `UPDATE tenant SET state = $2, "suspendedByOrganizationId" = $3 WHERE "organizationId" = $1`,
      [tree.ids[name], state, suspendedBy === null ? null : tree.ids[suspendedBy]],
    );
  };
  const detail = async (role: keyof Tree['tokens'], name: string) => {
    const res = await api(role).get(`/organizations/${tree.ids[name]}`);
    expect(res.status).toBe(200);
    return res.body.allowedActions as string[];
  };

  const cases = roles.flatMap((role) =>
    relations.flatMap((relation) => {
      const target = targetOf(role, relation);
      return target && visible(role, relation) ? [[role, relation, target] as const] : [];
    }),
  );

  it('covers every visible role × relation', () => {
    expect(cases.length).toBe(4 + 3 + 3 + 3);
  });

  it.each(cases)(
    '%s on %s (%s): REST detail, REST list and GraphQL agree with the table',
    async (role, relation, target) => {
      const open =
        openIn[target === 'platform' ? 'none' : target.startsWith('group-') ? 'group' : 'provisioning'];
      const want = actions.filter(
        (a) => open.includes(a) && allows(a, role, relation === 'own' ? 'own' : 'below'),
      );
      expect(await detail(role, target)).toEqual(want);

      const list = await api(role).get('/organizations?limit=500');
      const row = list.body.items.find((o: { id: string }) => o.id === tree.ids[target]);
      expect(row.allowedActions).toEqual(want);

      const gql = await api(role).graphql('query($id: ID!) { organization(id: $id) { allowedActions } }', {
        id: tree.ids[target],
      });
      expect(gql.data.organization.allowedActions).toEqual(want);
    },
  );

  it('offers resume only on a suspended tenant, and only to whoever may lift the suspension', async () => {
    await setTenant('client-a2', 'suspended', 'platform');
    try {
      const bySuperadmin = await detail('superadmin', 'client-a2');
      expect(bySuperadmin).toContain('organization.resume');
      expect(bySuperadmin).not.toContain('organization.suspend');
      const byAgency = await detail('agency_admin', 'client-a2');
      expect(byAgency).not.toContain('organization.resume');
      expect(byAgency).toContain('organization.deprovision');

      await setTenant('client-a2', 'suspended', 'agency-a');
      expect(await detail('agency_admin', 'client-a2')).toEqual(
        actions.filter((a) => openIn.suspended.includes(a) && allows(a, 'agency_admin', 'below')),
      );
    } finally {
      await setTenant('client-a2', 'provisioning');
    }
  });

  it('offers purge, and no edit, on a deprovisioned tenant', async () => {
    await setTenant('client-a2', 'deprovisioned');
    try {
      expect(await detail('agency_admin', 'client-a2')).toEqual(
        actions.filter((a) => openIn.deprovisioned.includes(a) && allows(a, 'agency_admin', 'below')),
      );
    } finally {
      await setTenant('client-a2', 'provisioning');
    }
  });

  it('offers no write below an organization that is not live (the approval gate)', async () => {
    await setTenant('agency-a', 'suspended', 'platform');
    try {
      expect(await detail('client_admin', 'client-a1')).toEqual([
        'organization.read',
        'users.read',
        'media.read',
        'domains.read',
        'credits.read',
      ]);
      for (const role of ['group_admin', 'agency_admin'] as const) {
        expect(await detail(role, 'client-a1')).toEqual([
          'organization.read',
          'users.read',
          'media.read',
          'domains.read',
          'credits.read',
        ]);
      }
      expect(await detail('superadmin', 'client-a1')).toContain('organization.update');
    } finally {
      await setTenant('agency-a', 'provisioning');
    }
  });

  it('offers an agency waiting for review nothing but reads', async () => {
    const pending = await registerAndSignIn(server, {
      accountType: 'agency',
      organizationName: 'Waiting Agency',
      email: 'owner@waiting.test',
    });
    const res = await pending.owner.get(`/organizations/${pending.organizationId}`);
    expect(res.body.allowedActions).toEqual([
      'organization.read',
      'users.read',
      'media.read',
      'domains.read',
      'credits.read',
    ]);
  });

  it.each(roles)('tells %s on GET /me and GraphQL me which platform actions it may take', async (role) => {
    const want = role === 'superadmin' ? [...platformActions] : [];
    expect((await api(role).get('/me')).body.platformActions).toEqual(want);
    const gql = await api(role).graphql('{ me { platformActions } }');
    expect(gql.data.me.platformActions).toEqual(want);
  });

  it('lets a holder of the reviewer capability review changes, and nothing else on the platform', async () => {
    await server.services.dataSource.query(
      `UPDATE "user" SET capabilities = '{reviewer}' WHERE email = 'viewer@client-a1.test'`,
    );
    try {
      expect((await api('viewer').get('/me')).body.platformActions).toEqual(['changes.approve']);
    } finally {
      await server.services.dataSource.query(
        `UPDATE "user" SET capabilities = '{}' WHERE email = 'viewer@client-a1.test'`,
      );
    }
  });
});
