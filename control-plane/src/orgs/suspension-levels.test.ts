import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, adminToken, apiTestEnv, client, git, tokenFor } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

/*
 * Suspension levels: a suspension records the organization that imposed it, and only that
 * organization or one above it lifts it — an agency cannot resume (or revert out of) a suspension
 * the platform imposed on its client. And a suspended agency changes none of its clients.
 */

type Api = ReturnType<typeof client>;

const protocols = ['rest', 'graphql'] as const;

describe('suspension levels', () => {
  let server: TestServer;
  let admin: Api;
  let agency: Api;
  let clientAdmin: Api;
  let platformId: string;
  let agencyId: string;
  let clientId: string;

  const tenantRow = async (organizationId: string) => {
    const [row] = await server.services.dataSource.query(
      `SELECT state, "suspendedByOrganizationId" FROM tenant WHERE "organizationId" = $1`,
      [organizationId],
    );
    return row as { state: string; suspendedByOrganizationId: string | null };
  };
  const commits = async () => (await git(server, 'rev-list', '--count', 'main')).trim();

  async function resume(api: Api, protocol: (typeof protocols)[number], id: string) {
    if (protocol === 'rest') {
      const res: Answer = await api.post(`/organizations/${id}/resume`);
      return res.status < 400 ? res.status : res.body.error.code;
    }
    const res = await api.graphql('mutation($id: ID!) { resumeOrganization(id: $id) { change { id } } }', {
      id,
    });
    return res.errors?.[0]?.extensions.code ?? 200;
  }

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    platformId = (await admin.get('/me')).body.memberships[0].organizationId;
    const reg = await client(server).post('/registrations', {
      accountType: 'agency',
      projectType: 'website',
      organizationName: 'Levels',
      email: 'owner@levels.test',
      password: 'a-long-enough-password',
    });
    agencyId = reg.body.organization.id;
    const requests = await admin.get('/agency-requests?state=pending_review');
    expect((await admin.post(`/agency-requests/${requests.body.items[0].id}/approve`)).status).toBe(200);
    const login = await client(server).post('/auth/login', {
      email: 'owner@levels.test',
      password: 'a-long-enough-password',
    });
    agency = client(server, login.body.accessToken);
    const created = await agency.post('/organizations', {
      organizationName: 'Levels Client',
      projectType: 'website',
    });
    expect(created.status).toBe(201);
    clientId = created.body.organization.id;
    const invited = await agency.post(`/organizations/${clientId}/users`, {
      email: 'admin@levels-client.test',
      role: 'client_admin',
    });
    expect(invited.status).toBe(201);
    clientAdmin = client(server, tokenFor(server, invited.body.userId));
  }, 60_000);
  afterAll(() => server?.close());

  it.each(protocols)('an agency cannot lift a suspension the platform imposed (%s)', async (protocol) => {
    expect((await admin.post(`/organizations/${clientId}/suspend`, { reason: 'unpaid' })).status).toBe(200);
    expect(await tenantRow(clientId)).toEqual({ state: 'suspended', suspendedByOrganizationId: platformId });
    const before = await commits();

    expect(await resume(agency, protocol, clientId)).toBe('suspended_by_platform');
    expect(await tenantRow(clientId)).toEqual({ state: 'suspended', suspendedByOrganizationId: platformId });
    expect(await commits()).toBe(before);

    expect(await resume(admin, protocol, clientId)).toBe(200);
    expect(await tenantRow(clientId)).toEqual({ state: 'provisioning', suspendedByOrganizationId: null });
  });

  it('tells each viewer who imposed the suspension, relative to them, over REST and GraphQL', async () => {
    const seen = async (api: Api) => {
      const rest = (await api.get(`/organizations/${clientId}`)).body.suspendedBy;
      const gql = await api.graphql('query($id: ID!) { organization(id: $id) { suspendedBy } }', {
        id: clientId,
      });
      expect(gql.data?.organization.suspendedBy).toBe(rest);
      return rest;
    };
    expect([await seen(admin), await seen(agency), await seen(clientAdmin)]).toEqual([null, null, null]);

    expect((await admin.post(`/organizations/${clientId}/suspend`)).status).toBe(200);
    expect([await seen(admin), await seen(agency), await seen(clientAdmin)]).toEqual([
      'self',
      'platform',
      'platform',
    ]);
    expect((await admin.post(`/organizations/${clientId}/resume`)).status).toBe(200);

    expect((await agency.post(`/organizations/${clientId}/suspend`)).status).toBe(200);
    expect([await seen(admin), await seen(agency), await seen(clientAdmin)]).toEqual([
      'self',
      'self',
      'parent',
    ]);
    const listed = (await agency.get('/organizations')).body.items.find(
      (o: { id: string }) => o.id === clientId,
    );
    expect(listed.suspendedBy).toBe('self');
    expect((await agency.post(`/organizations/${clientId}/resume`)).status).toBe(200);
    expect(await seen(agency)).toBeNull();
  });

  it('refuses the preview of such a resume too', async () => {
    expect((await admin.post(`/organizations/${clientId}/suspend`)).status).toBe(200);
    const preview = await agency.post(`/organizations/${clientId}/resume/preview`);
    expect([preview.status, preview.body.error.code]).toEqual([403, 'suspended_by_platform']);
    expect((await admin.post(`/organizations/${clientId}/resume`)).status).toBe(200);
  });

  it('an agency cannot revert its client out of a platform suspension either', async () => {
    const history = await agency.get(`/organizations/${clientId}/changes`);
    const provision = history.body.items.find((c: { kind: string }) => c.kind === 'provision');
    expect((await admin.post(`/organizations/${clientId}/suspend`)).status).toBe(200);
    const before = await commits();
    const revert = await agency.post(`/organizations/${clientId}/revert`, { changeId: provision.id });
    expect([revert.status, revert.body.error.code]).toEqual([403, 'suspended_by_platform']);
    expect(await commits()).toBe(before);
    expect((await admin.post(`/organizations/${clientId}/resume`)).status).toBe(200);
  });

  it.each(protocols)('an agency lifts a suspension it imposed itself (%s)', async (protocol) => {
    expect((await agency.post(`/organizations/${clientId}/suspend`)).status).toBe(200);
    expect(await tenantRow(clientId)).toEqual({ state: 'suspended', suspendedByOrganizationId: agencyId });
    expect(await resume(agency, protocol, clientId)).toBe(200);
    expect(await tenantRow(clientId)).toEqual({ state: 'provisioning', suspendedByOrganizationId: null });
  });

  it('an agency one level down cannot lift a suspension an agency above it imposed', async () => {
    const grand = await agency.post('/organizations', {
      organizationName: 'Levels Grandchild',
      projectType: 'website',
      parentId: clientId,
    });
    expect(grand.status).toBe(201);
    const subAgency = await agency.post(`/organizations/${clientId}/users`, {
      email: 'sub@levels-client.test',
      role: 'agency_admin',
    });
    const sub = client(server, tokenFor(server, subAgency.body.userId));
    const grandId = grand.body.organization.id;
    expect((await agency.post(`/organizations/${grandId}/suspend`)).status).toBe(200);
    const res = await sub.post(`/organizations/${grandId}/resume`);
    expect([res.status, res.body.error.code, res.body.error.details]).toEqual([
      403,
      'suspended_from_above',
      { organizationId: agencyId },
    ]);
    expect((await agency.post(`/organizations/${grandId}/resume`)).status).toBe(200);
  });

  it('a suspended agency can neither create nor change its clients, nor can their own admins', async () => {
    expect((await admin.post(`/organizations/${agencyId}/suspend`)).status).toBe(200);
    const before = await commits();
    const refusals = [
      await agency.post('/organizations', { organizationName: 'Another', projectType: 'website' }),
      await agency.patch(`/organizations/${clientId}`, { displayName: 'Renamed by agency' }),
      await agency.post(`/organizations/${clientId}/users`, { email: 'x@levels.test', role: 'viewer' }),
      await agency.post(`/organizations/${clientId}/suspend`),
      await clientAdmin.patch(`/organizations/${clientId}`, { displayName: 'Renamed by client' }),
      await clientAdmin.post(`/organizations/${clientId}/users`, { email: 'y@levels.test', role: 'viewer' }),
    ];
    for (const res of refusals) {
      expect([res.status, res.body.error.code, res.body.error.details.organizationId]).toEqual([
        409,
        'invalid_state',
        agencyId,
      ]);
    }
    expect(await commits()).toBe(before);

    expect((await admin.post(`/organizations/${agencyId}/resume`)).status).toBe(200);
    expect((await clientAdmin.patch(`/organizations/${clientId}`, { displayName: 'Renamed' })).status).toBe(
      200,
    );
  });
});
