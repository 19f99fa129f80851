import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git, registerAndSignIn } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

/**
 * The create and revert previews over GraphQL answer what REST answers (the same service), and
 * refuse with the same codes; neither commits nor creates anything.
 */
describe('previews over GraphQL', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let owner: ReturnType<typeof client>;
  let orgId: string;
  let provisionId: string;
  const head = async () => (await git(server, 'rev-parse', 'main')).trim();
  const count = async () =>
    Number((await server.services.dataSource.query('SELECT count(*) AS n FROM organization'))[0].n);

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    const signedUp = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Gql Preview Co',
      email: 'owner@gql-preview.test',
    });
    orgId = signedUp.organizationId;
    owner = signedUp.owner;
    provisionId = (await owner.get(`/organizations/${orgId}/history`)).body.items.at(-1).changeRequestId;
    expect((await owner.patch(`/organizations/${orgId}`, { plugins: ['forms'] })).status).toBe(200);
  }, 60_000);
  afterAll(() => server?.close());

  it('previews a new client as REST does, creating nothing', async () => {
    const input = { organizationName: 'Gql Corner Shop', projectType: 'ecommerce', tier: 'pro' };
    const before = { head: await head(), count: await count() };
    const rest = await admin.post('/organizations/preview', input);
    expect(rest.status).toBe(200);
    const res = await admin.graphql(
      'query($input: CreateOrganizationInput!) { previewOrganizationCreate(input: $input) { baseSha files { path status patch } } }',
      { input },
    );
    expect(res.errors).toBeUndefined();
    // A preview draws a new organization id each time: the same files, with the same statuses.
    const shape = (p: { baseSha: string; files: { path: string; status: string }[] }) => ({
      baseSha: p.baseSha,
      files: p.files.map((f) => [f.path, f.status]),
    });
    expect(shape(res.data.previewOrganizationCreate)).toEqual(shape(rest.body));
    expect(rest.body.files.length).toBeGreaterThan(3);
    expect(rest.body.files.every((f: { path: string }) => f.path.includes('/gql-corner-shop/'))).toBe(true);
    expect({ head: await head(), count: await count() }).toEqual(before);

    // A client admin may not add organizations: the same refusal as REST.
    const refused = await owner.post('/organizations/preview', { ...input, parentId: orgId });
    const gqlRefused = await owner.graphql(
      'query($input: CreateOrganizationInput!) { previewOrganizationCreate(input: $input) { baseSha } }',
      { input: { ...input, parentId: orgId } },
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(gqlRefused.errors?.[0]?.extensions.code).toBe(refused.body.error.code);
  });

  it('previews a revert as REST does, committing nothing, and refuses an unknown change alike', async () => {
    const before = await head();
    const rest = await owner.post(`/organizations/${orgId}/revert/preview`, { changeId: provisionId });
    expect(rest.status).toBe(200);
    const query =
      'query($org: ID!, $change: ID!) { previewRevert(organizationId: $org, changeId: $change) { baseSha files { path status patch } } }';
    const res = await owner.graphql(query, { org: orgId, change: provisionId });
    expect(res.errors).toBeUndefined();
    expect(res.data.previewRevert).toEqual(rest.body);
    expect(rest.body.files.map((f: { patch: string }) => f.patch).join('\n')).toMatch(/^-.*forms/m);
    expect(await head()).toBe(before);

    const unknown = await owner.graphql(query, {
      org: orgId,
      change: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.errors?.[0]?.extensions.code).toBe('change_request_not_found');
    const junk = await owner.graphql(query, { org: orgId, change: 'main' });
    expect(junk.errors?.[0]?.extensions.code).toBe('invalid_input');
  });
});
