import { expect } from 'vitest';
import { adminToken, client, git, registerAndSignIn } from './api-client.js';
import type { TestServer } from './server.js';

/**
 * The scene of the approval-gate tests, built through the API: an agency that registered itself
 * and that the superadmin approved, with one client it created.
 */
export async function approvedAgencyWithClient(
  server: TestServer,
  names: { agency: string; email: string; client: string },
) {
  const admin = client(server, await adminToken(server));
  const platformId = (await admin.get('/me')).body.memberships[0].organizationId as string;
  const { organizationId: agencyId, owner: agency } = await registerAndSignIn(server, {
    accountType: 'agency',
    organizationName: names.agency,
    email: names.email,
  });
  const requests = await admin.get('/agency-requests?state=pending_review');
  const request = requests.body.items.find(
    (r: { organization: { id: string } }) => r.organization.id === agencyId,
  );
  expect((await admin.post(`/agency-requests/${request.id}/approve`)).status).toBe(200);
  const created = await agency.post('/organizations', {
    organizationName: names.client,
    projectType: 'website',
  });
  expect(created.status).toBe(201);
  return {
    admin,
    platformId,
    agencyId,
    agency,
    clientId: created.body.organization.id as string,
    /** The change request that provisioned the client. */
    provisionId: created.body.change.id as string,
  };
}

/** Everything a refused write could leave behind: commits, rows, the client's name and state. */
export async function footprint(server: TestServer, clientId: string) {
  const [counts] = await server.services.dataSource.query(
    `SELECT (SELECT count(*) FROM organization)::int AS organizations,
            (SELECT count(*) FROM tenant)::int AS tenants,
            (SELECT count(*) FROM membership)::int AS memberships,
            (SELECT count(*) FROM "user")::int AS users,
            (SELECT count(*) FROM change_request)::int AS changes,
            (SELECT name FROM organization WHERE id = $1) AS "clientName",
            (SELECT state FROM tenant WHERE "organizationId" = $1) AS "clientState"`,
    [clientId],
  );
  return { commits: (await git(server, 'rev-list', '--count', 'main')).trim(), ...counts };
}
