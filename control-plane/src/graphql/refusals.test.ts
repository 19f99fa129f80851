import { getIntrospectionQuery } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { adminToken, apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { resolverConcurrency } from './resolver-concurrency.js';

describe('what the GraphQL endpoint refuses before running anything', () => {
  let server: TestServer;
  let token: string;
  let orgId: string;

  /** A raw POST, to see the HTTP status as well as the body. */
  async function post(query: string, bearer?: string) {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected ad hoc
    return { status: res.status, body: (await res.json()) as any };
  }

  beforeAll(async () => {
    // Production's introspection policy, set explicitly (NODE_ENV=production would default to it).
    server = await startTestServer({ ...apiTestEnv, GRAPHQL_INTROSPECTION: 'signed-in' });
    token = await adminToken(server);
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Costly Queries',
      email: 'owner@costly.test',
      password: 'a-long-enough-password',
    });
    orgId = reg.body.organization.id;
  }, 60_000);
  afterAll(() => server?.close());
  afterEach(() => vi.restoreAllMocks());

  it('refuses 600 aliases of an organization’s manifests and history with 400 query_too_complex, running no resolver', async () => {
    const get = vi.spyOn(server.services.orgs, 'get');
    const manifests = vi.spyOn(server.services.tenants, 'manifests');
    const history = vi.spyOn(server.services.tenants, 'history');
    const fields = Array.from(
      { length: 600 },
      (_, i) =>
        `o${i}: organization(id: "${orgId}") { manifests { files { path content } } history { sha } }`,
    );
    const res = await post(`{ ${fields.join('\n')} }`, token);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      'query_too_complex',
      'query_too_complex',
      'query_too_complex',
    ]);
    expect(res.body.errors[0].extensions.details).toEqual({ limit: 'rootFields', max: 20, actual: 600 });
    expect(get).not.toHaveBeenCalled();
    expect(manifests).not.toHaveBeenCalled();
    expect(history).not.toHaveBeenCalled();
  });

  it('refuses a page of organizations that asks too much of each', async () => {
    const res = await post(
      '{ organizations(limit: 500) { items { manifests { files { path } } history(limit: 200) { sha } } } }',
      token,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'query_too_complex',
          details: { limit: 'cost', max: 1000, actual: 1 + 500 * (10 + 41) },
        }),
      }),
    ]);
  });

  it(`runs at most ${resolverConcurrency} of one request’s database-backed resolvers at once`, async () => {
    const get = server.services.orgs.get;
    let running = 0;
    let most = 0;
    vi.spyOn(server.services.orgs, 'get').mockImplementation(async (input) => {
      running += 1;
      most = Math.max(most, running);
      try {
        return await get(input);
      } finally {
        running -= 1;
      }
    });
    const fields = Array.from({ length: 12 }, (_, i) => `o${i}: organization(id: "${orgId}") { slug }`);
    const res = await post(`{ ${fields.join('\n')} }`, token);
    expect(res.body.errors).toBeUndefined();
    expect(Object.values(res.body.data)).toHaveLength(12);
    expect(most).toBe(resolverConcurrency);
  });

  it('answers ordinary queries, the standard introspection query of a signed-in client among them', async () => {
    for (const query of [
      '{ me { email memberships { slug role } } }',
      '{ organizations { total items { id slug state sync { status } } } }',
      `{ organization(id: "${orgId}") { slug manifests { files { path } } history { sha author { name } } changes { id state } users { email } } }`,
      '{ changeRequests { total items { id title state } } }',
      getIntrospectionQuery(),
    ]) {
      const res = await post(query, token);
      expect(res.body.errors, query).toBeUndefined();
      expect(res.status).toBe(200);
    }
  });

  it('refuses a subscription with 400 operation_not_supported and logs no error', async () => {
    const logged = vi.spyOn(server.services.logger, 'error');
    const res = await post('subscription { health { ready } }', token);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('operation_not_supported');
    expect(logged).not.toHaveBeenCalled();
  });

  it('refuses introspection to anonymous callers when it is for signed-in callers, and nothing else', async () => {
    const anonymous = await post('{ __schema { queryType { name } } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('unauthenticated');
    expect(anonymous.body.data).toBeUndefined();
    const typeLookup = await post('{ __type(name: "Organization") { name } }');
    expect(typeLookup.status).toBe(401);
    const badToken = await post('{ __schema { queryType { name } } }', 'not-a-token');
    expect(badToken.status).toBe(401);
    const health = await post('{ __typename health { ready } }');
    expect(health.body).toEqual({ data: { __typename: 'Query', health: { ready: true } } });
    const signedIn = await post('{ __schema { queryType { name } } }', token);
    expect(signedIn.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('keeps introspection for signed-in callers only under NODE_ENV=production, unless configured', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphqlIntrospection).toBe('signed-in');
    expect(loadConfig({}).graphqlIntrospection).toBe('anyone');
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'anyone' }).graphqlIntrospection).toBe(
      'anyone',
    );
  });
});
