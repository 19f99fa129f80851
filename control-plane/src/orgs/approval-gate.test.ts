import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, apiTestEnv, type client, registerAndSignIn } from '../test-support/api-client.js';
import { approvedAgencyWithClient, footprint } from '../test-support/approved-agency.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

/*
 * The approval gate (authorize.ts `authorize`): an agency that the platform has not approved, or
 * that is stopped, changes nothing — no client created, none updated, no one invited — over REST
 * and GraphQL, and nothing reaches git or the database. The agency's state is set in the database
 * (purging and deleted cannot be reached from a live agency through the API in one step); every
 * call goes through the real server.
 */

type Api = ReturnType<typeof client>;

const refused = [
  ['pending_review', 403, 'agency_not_approved'],
  ['rejected', 403, 'agency_not_approved'],
  ['suspended', 409, 'invalid_state'],
  ['deprovisioned', 409, 'invalid_state'],
  ['purging', 409, 'invalid_state'],
  ['deleted', 409, 'invalid_state'],
] as const;

interface Outcome {
  status: number;
  code: string | null;
}

function rest(res: Answer): Outcome {
  return { status: res.status, code: res.status < 400 ? null : res.body.error.code };
}

async function graphql(api: Api, query: string, variables: Record<string, unknown>): Promise<Outcome> {
  const res = await api.graphql(query, variables);
  const error = res.errors?.[0];
  if (!error) return { status: 200, code: null };
  return { status: (error.extensions as { status: number }).status, code: error.extensions.code };
}

describe('the approval gate', () => {
  let server: TestServer;
  let admin: Api;
  let agency: Api;
  let agencyId: string;
  let clientId: string;

  const setAgencyState = (state: string) =>
    server.services.dataSource.query(`UPDATE tenant SET state = $2 WHERE "organizationId" = $1`, [
      agencyId,
      state,
    ]);

  const operations = {
    'create a client': {
      rest: (api: Api) =>
        api
          .post('/organizations', {
            organizationName: `Client ${randomUUID().slice(0, 8)}`,
            projectType: 'website',
            parentId: agencyId,
          })
          .then(rest),
      graphql: (api: Api) =>
        graphql(
          api,
          'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }',
          {
            input: {
              organizationName: `Client ${randomUUID().slice(0, 8)}`,
              projectType: 'website',
              parentId: agencyId,
            },
          },
        ),
      /** The REST status (GraphQL answers 200). */
      success: 201,
    },
    'update a client': {
      rest: (api: Api) =>
        api
          .patch(`/organizations/${clientId}`, { displayName: `Renamed ${randomUUID().slice(0, 8)}` })
          .then(rest),
      graphql: (api: Api) =>
        graphql(
          api,
          'mutation($id: ID!, $name: String!) { updateOrganization(id: $id, input: { displayName: $name }) { change { id } } }',
          { id: clientId, name: `Renamed ${randomUUID().slice(0, 8)}` },
        ),
      success: 200,
    },
    'invite a client admin': {
      rest: (api: Api) =>
        api
          .post(`/organizations/${clientId}/users`, {
            email: `${randomUUID()}@client.test`,
            role: 'client_admin',
          })
          .then(rest),
      graphql: (api: Api) =>
        graphql(
          api,
          'mutation($id: ID!, $input: InviteUserInput!) { inviteUser(organizationId: $id, input: $input) { userId } }',
          { id: clientId, input: { email: `${randomUUID()}@client.test`, role: 'client_admin' } },
        ),
      success: 201,
    },
  } as const;
  type Operation = keyof typeof operations;
  const names = Object.keys(operations) as Operation[];
  const protocols = ['rest', 'graphql'] as const;

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    ({ admin, agencyId, agency, clientId } = await approvedAgencyWithClient(server, {
      agency: 'Gatekeepers',
      email: 'owner@gatekeepers.test',
      client: 'First Client',
    }));
  }, 60_000);
  afterAll(() => server?.close());

  it('refuses a fresh self-registered agency before review, through the real registration flow', async () => {
    const unreviewed = await registerAndSignIn(server, {
      accountType: 'agency',
      organizationName: 'Unreviewed',
      email: 'owner@unreviewed.test',
    });
    const before = await footprint(server, clientId);
    const res = await unreviewed.owner.post('/organizations', {
      organizationName: 'Free Tenant',
      projectType: 'website',
      parentId: unreviewed.organizationId,
    });
    expect([res.status, res.body.error.code]).toEqual([403, 'agency_not_approved']);
    expect(res.body.error.details).toMatchObject({
      organizationId: unreviewed.organizationId,
      state: 'pending_review',
    });
    expect(await footprint(server, clientId)).toEqual(before);
  });

  const cases = refused.flatMap(([state, status, code]) =>
    names.flatMap((name) => protocols.map((protocol) => [state, name, protocol, status, code] as const)),
  );

  it.each(cases)(
    'an agency that is %s cannot %s over %s (%i %s), and nothing is committed or stored',
    async (state, name, protocol, status, code) => {
      await setAgencyState(state);
      try {
        const before = await footprint(server, clientId);
        expect(await operations[name][protocol](agency)).toEqual({ status, code });
        expect(await footprint(server, clientId)).toEqual(before);
      } finally {
        await setAgencyState('provisioning');
      }
    },
  );

  it.each(names.flatMap((name) => protocols.map((protocol) => [name, protocol] as const)))(
    'the same agency, approved and live, can %s over %s',
    async (name, protocol) => {
      const before = await footprint(server, clientId);
      expect(await operations[name][protocol](agency)).toEqual({
        status: protocol === 'rest' ? operations[name].success : 200,
        code: null,
      });
      expect(await footprint(server, clientId)).not.toEqual(before);
    },
  );

  it.each(names.flatMap((name) => protocols.map((protocol) => [name, protocol] as const)))(
    'a superadmin can still %s when the agency is suspended, over %s',
    async (name, protocol) => {
      await setAgencyState('suspended');
      try {
        expect(await operations[name][protocol](admin)).toEqual({
          status: protocol === 'rest' ? operations[name].success : 200,
          code: null,
        });
      } finally {
        await setAgencyState('provisioning');
      }
    },
  );
});
