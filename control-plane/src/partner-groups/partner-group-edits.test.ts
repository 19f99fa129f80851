import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client, tokenFor } from '../test-support/api-client.js';
import { approvedAgencyWithClient } from '../test-support/approved-agency.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

type Client = ReturnType<typeof client>;

/*
 * Renaming and deleting a partner group, superadmins only: a group named East holds the approved
 * agency Cove (with one client) and has one group admin, appointed by invitation.
 */
describe('renaming and deleting a partner group', () => {
  let server: TestServer;
  let admin: Client;
  let agency: Client;
  let agencyId: string;
  let east: { id: string; slug: string };
  let groupAdmin: Client;
  let groupAdminId: string;

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    const scene = await approvedAgencyWithClient(server, {
      agency: 'Cove Agency',
      email: 'owner@cove.test',
      client: 'Cove Client',
    });
    ({ admin, agency, agencyId } = scene);
    east = (await admin.post('/partner-groups', { name: 'East Partners' })).body;
    const appointed = await admin.post(`/organizations/${east.id}/users`, {
      email: 'gail@east.test',
      role: 'group_admin',
    });
    groupAdminId = appointed.body.userId;
    groupAdmin = client(server, tokenFor(server, groupAdminId));
    expect((await admin.put(`/partner-groups/${east.id}/agencies/${agencyId}`, {})).status).toBe(200);
  }, 120_000);
  afterAll(() => server?.close());

  it('renames a group, keeping its slug; nobody but a superadmin may', async () => {
    for (const api of [groupAdmin, agency]) {
      const rest = await api.patch(`/partner-groups/${east.id}`, { name: 'Taken Over' });
      const gql = await api.graphql(
        'mutation($id: ID!) { renamePartnerGroup(id: $id, name: "Taken Over") { id } }',
        {
          id: east.id,
        },
      );
      expect([rest.body.error.code, gql.errors?.[0]?.extensions.code]).toEqual(['forbidden', 'forbidden']);
    }
    const renamed = await admin.patch(`/partner-groups/${east.id}`, { name: 'East Coast Partners' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id: east.id,
      slug: 'east-partners',
      name: 'East Coast Partners',
      agencies: [expect.objectContaining({ id: agencyId })],
    });
    const gql = await admin.graphql(
      'mutation($id: ID!) { renamePartnerGroup(id: $id, name: "East Partners") { slug name } }',
      { id: east.id },
    );
    expect(gql.data.renamePartnerGroup).toEqual({ slug: 'east-partners', name: 'East Partners' });
    const invalid = [
      await admin.patch(`/partner-groups/${east.id}`, { name: '' }),
      await admin.patch(`/partner-groups/${agencyId}`, { name: 'Not a group' }),
    ];
    expect(invalid.map((r) => [r.status, r.body.error.code])).toEqual([
      [400, 'invalid_input'],
      [404, 'partner_group_not_found'],
    ]);
    const [{ name }] = await server.services.dataSource.query(`SELECT name FROM organization WHERE id = $1`, [
      agencyId,
    ]);
    expect(name).toBe('Cove Agency');
  });

  it('deletes a group only when it holds no agency and no credits, superadmins only; its group admins lose their membership', async () => {
    const key = await groupAdmin.post(`/organizations/${east.id}/api-keys`);
    expect(key.status).toBe(201);
    const movement = { amount: 5, idempotencyKey: `east-${randomUUID()}` };
    expect((await admin.post(`/organizations/${east.id}/credits/grants`, movement)).status).toBe(201);

    for (const api of [groupAdmin, agency]) {
      expect((await api.delete(`/partner-groups/${east.id}`)).body.error.code).toBe('forbidden');
    }
    const byGroupAdmin = await groupAdmin.graphql('mutation($id: ID!) { deletePartnerGroup(id: $id) }', {
      id: east.id,
    });
    expect(byGroupAdmin.errors?.[0]?.extensions.code).toBe('forbidden');

    const full = await admin.delete(`/partner-groups/${east.id}`);
    expect([full.status, full.body.error.code, full.body.error.details]).toEqual([
      409,
      'partner_group_not_empty',
      { agencies: [{ id: agencyId, slug: 'cove-agency', name: 'Cove Agency' }], credits: 5 },
    ]);
    expect(full.body.error.message).toContain('cove-agency');
    expect((await admin.delete(`/partner-groups/${east.id}/agencies/${agencyId}`)).status).toBe(200);
    const credited = await admin.graphql('mutation($id: ID!) { deletePartnerGroup(id: $id) }', {
      id: east.id,
    });
    expect(credited.errors?.[0]?.extensions).toMatchObject({
      code: 'partner_group_not_empty',
      details: { agencies: [], credits: 5 },
    });
    // Refused every time: the group and its admin are still there.
    expect((await groupAdmin.get('/partner-groups')).body.items).toHaveLength(1);

    const back = { amount: 5, idempotencyKey: `east-back-${randomUUID()}` };
    expect((await admin.post(`/organizations/${east.id}/credits/takebacks`, back)).status).toBe(201);
    const deleted = await admin.graphql('mutation($id: ID!) { deletePartnerGroup(id: $id) }', {
      id: east.id,
    });
    expect(deleted.data).toEqual({ deletePartnerGroup: true });

    const db = server.services.dataSource;
    const [org] = await db.query(`SELECT count(*)::int AS n FROM organization WHERE id = $1`, [east.id]);
    const [memberships] = await db.query(
      `SELECT count(*)::int AS n FROM membership WHERE "organizationId" = $1 OR "userId" = $2`,
      [east.id, groupAdminId],
    );
    const keys = await db.query(`SELECT "revokedAt" FROM credit_api_key WHERE "organizationId" = $1`, [
      east.id,
    ]);
    expect([org.n, memberships.n, keys.map((k: { revokedAt: Date | null }) => k.revokedAt !== null)]).toEqual(
      [0, 0, [true]],
    );
    expect((await groupAdmin.get('/partner-groups')).body.items).toEqual([]);
    expect((await groupAdmin.get('/organizations?limit=500')).body.items).toEqual([]);

    const again = [
      await admin.delete(`/partner-groups/${east.id}`),
      await admin.delete(`/partner-groups/${agencyId}`),
    ];
    expect(again.map((r) => [r.status, r.body.error.code])).toEqual([
      [404, 'partner_group_not_found'],
      [404, 'partner_group_not_found'],
    ]);
  });
});
