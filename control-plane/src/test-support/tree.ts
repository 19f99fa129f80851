import { expect } from 'vitest';
import type { Role } from '../access/organization.entities.js';
import { adminToken, client, tokenFor } from './api-client.js';
import type { TestServer } from './server.js';

/**
 * The fixture tree of the permission tests, built through the API — four levels below the
 * platform, each agency in its own partner group:
 *
 *   platform ─┬─ group-g ── agency-a ─┬─ client-a1 ── grand-a11 ── great-a111
 *             │                       └─ client-a2
 *             └─ group-h ── agency-b ─── client-b1
 */
export interface Tree {
  ids: Record<string, string>;
  adminToken: string;
  /**
   * Tokens of one user per role, placed at group-g (group_admin), agency-a (agency_admin) or
   * client-a1 (the client roles).
   */
  tokens: Record<Role, string>;
}

export async function buildTree(server: TestServer, prefix = ''): Promise<Tree> {
  const admin = await adminToken(server);
  const api = client(server, admin);
  const ids: Record<string, string> = {};
  const me = await api.get('/me');
  ids.platform = me.body.memberships[0].organizationId;

  let agencyAdminUserId = '';
  for (const name of ['agency-a', 'agency-b']) {
    const reg = await client(server).post('/registrations', {
      accountType: 'agency',
      projectType: 'website',
      organizationName: `${prefix}${name}`,
      email: `${prefix}${name}@agencies.test`,
      password: 'a-long-enough-password',
      agencySurvey: { clients: 'about ten' },
    });
    expect(reg.status).toBe(201);
    ids[name] = reg.body.organization.id;
    const requests = await api.get('/agency-requests?state=pending_review');
    const request = requests.body.items.find(
      (r: { organization: { id: string } }) => r.organization.id === ids[name],
    );
    expect((await api.post(`/agency-requests/${request.id}/approve`)).status).toBe(200);
    if (name === 'agency-a') {
      const users = await api.get(`/organizations/${ids[name]}/users`);
      agencyAdminUserId = users.body.items[0].userId;
    }
  }
  const create = async (name: string, parent: string) => {
    const res = await api.post('/organizations', {
      organizationName: `${prefix}${name}`,
      projectType: 'website',
      parentId: ids[parent],
    });
    expect(res.status).toBe(201);
    ids[name] = res.body.organization.id;
  };
  // Agencies register under the platform; the superadmin then moves each into its group.
  for (const [group, agency] of [
    ['group-g', 'agency-a'],
    ['group-h', 'agency-b'],
  ] as const) {
    const res = await api.post('/partner-groups', { name: `${prefix}${group}` });
    expect(res.status).toBe(201);
    ids[group] = res.body.id;
    expect((await api.put(`/partner-groups/${ids[group]}/agencies/${ids[agency]}`, {})).status).toBe(200);
  }
  await create('client-a1', 'agency-a');
  await create('client-a2', 'agency-a');
  await create('client-b1', 'agency-b');
  await create('grand-a11', 'client-a1');
  await create('great-a111', 'grand-a11');

  const userIds: Record<string, string> = {};
  for (const role of ['client_admin', 'editor', 'viewer'] as const) {
    const res = await api.post(`/organizations/${ids['client-a1']}/users`, {
      email: `${prefix}${role}@client-a1.test`,
      role,
    });
    expect(res.status).toBe(201);
    userIds[role] = res.body.userId;
  }
  const groupAdmin = await api.post(`/organizations/${ids['group-g']}/users`, {
    email: `${prefix}group-admin@group-g.test`,
    role: 'group_admin',
  });
  expect(groupAdmin.status).toBe(201);
  return {
    ids,
    adminToken: admin,
    tokens: {
      superadmin: admin,
      group_admin: tokenFor(server, groupAdmin.body.userId),
      agency_admin: tokenFor(server, agencyAdminUserId),
      client_admin: tokenFor(server, userIds.client_admin as string),
      editor: tokenFor(server, userIds.editor as string),
      viewer: tokenFor(server, userIds.viewer as string),
    },
  };
}

export const relations = ['own', 'child', 'grandchild', 'parent', 'sibling', 'otherAgency'] as const;
export type Relation = (typeof relations)[number];

/** Which fixture organization each relation means for an actor of `role` (null: does not exist). */
export function targetOf(role: keyof Tree['tokens'], relation: Relation): string | null {
  const table: Record<keyof Tree['tokens'], Record<Relation, string | null>> = {
    superadmin: {
      own: 'platform',
      child: 'group-g',
      grandchild: 'agency-a',
      parent: null,
      sibling: null,
      otherAgency: 'client-b1',
    },
    group_admin: {
      own: 'group-g',
      child: 'agency-a',
      grandchild: 'client-a1',
      parent: 'platform',
      sibling: 'group-h',
      otherAgency: 'agency-b',
    },
    agency_admin: {
      own: 'agency-a',
      child: 'client-a1',
      grandchild: 'grand-a11',
      parent: 'group-g',
      sibling: 'agency-b',
      otherAgency: 'client-b1',
    },
    client_admin: clientRelations(),
    editor: clientRelations(),
    viewer: clientRelations(),
  };
  return table[role][relation];
}

function clientRelations(): Record<Relation, string> {
  return {
    own: 'client-a1',
    child: 'grand-a11',
    grandchild: 'great-a111',
    parent: 'agency-a',
    sibling: 'client-a2',
    otherAgency: 'client-b1',
  };
}
