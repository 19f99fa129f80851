import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../access/organization.entities.js';
import { apiTestEnv, client, tokenFor } from '../test-support/api-client.js';
import { approvedAgencyWithClient } from '../test-support/approved-agency.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

type Client = ReturnType<typeof client>;

const GQL = `hostname displayName status primary inIngress ownership { status record { type name value } detail }
  target { status record { type name value } detail } certificate { status detail source }`;

describe('the custom domains API', () => {
  let server: TestServer;
  let a: Awaited<ReturnType<typeof approvedAgencyWithClient>>;
  let b: Awaited<ReturnType<typeof approvedAgencyWithClient>>;
  let clientAdmin: Client;
  let viewer: Client;

  async function userWithRole(organizationId: string, role: Role): Promise<Client> {
    const [user] = await server.services.dataSource.query(
      `INSERT INTO "user" (email, name, "passwordHash") VALUES ($1, 'Domains', '!') RETURNING id`,
      [`${randomUUID()}@domains.test`],
    );
    await server.services.dataSource.query(
      `INSERT INTO membership ("userId", "organizationId", role) VALUES ($1, $2, $3)`,
      [user.id, organizationId, role],
    );
    return client(server, tokenFor(server, user.id));
  }

  beforeAll(async () => {
    // No background checks: these tests are about the API; the verifier has its own tests.
    server = await startTestServer({
      ...apiTestEnv,
      DOMAIN_CHECK_INTERVAL_SECONDS: '0',
      LUSTER_BASE_DOMAIN: 'luster.test',
      LUSTER_INGRESS_TARGET: 'ingress.luster.test',
      LUSTER_INGRESS_ADDRESSES: '192.0.2.10,2001:db8::10',
    });
    a = await approvedAgencyWithClient(server, { agency: 'Dom A', email: 'a@dom-a.test', client: 'Dom A1' });
    b = await approvedAgencyWithClient(server, { agency: 'Dom B', email: 'b@dom-b.test', client: 'Dom B1' });
    clientAdmin = await userWithRole(a.clientId, 'client_admin');
    viewer = await userWithRole(a.clientId, 'viewer');
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('adds a domain as pending with the two records to create', async () => {
    const added = await clientAdmin.post(`/organizations/${a.clientId}/domains`, {
      hostname: 'shop.example.test',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      hostname: 'shop.example.test',
      status: 'pending',
      primary: false,
      inIngress: false,
      ownership: {
        status: 'pending',
        record: { type: 'TXT', name: '_luster-challenge.shop.example.test' },
      },
      target: {
        status: 'pending',
        record: { type: 'CNAME', name: 'shop.example.test', value: 'ingress.luster.test' },
        alternatives: [
          { type: 'A', name: 'shop.example.test', value: '192.0.2.10' },
          { type: 'AAAA', name: 'shop.example.test', value: '2001:db8::10' },
        ],
      },
      certificate: { status: 'pending' },
      lastCheckedAt: null,
    });
    expect(added.body.ownership.record.value).toMatch(/^luster-[0-9a-f]{32}$/);
    const list = await viewer.get(`/organizations/${a.clientId}/domains`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { hostname: string }) => d.hostname)).toEqual(['shop.example.test']);
  });

  it('stores an IDN as punycode and shows it in Unicode; the Unicode form finds it too', async () => {
    const added = await b.agency.post(`/organizations/${b.clientId}/domains`, {
      hostname: 'Bücher.Example.test.',
    });
    expect(added.status).toBe(201);
    expect(added.body.hostname).toBe('xn--bcher-kva.example.test');
    expect(added.body.displayName).toBe('bücher.example.test');
    const byUnicode = await b.agency.get(
      `/organizations/${b.clientId}/domains/${encodeURIComponent('bücher.example.test')}`,
    );
    expect(byUnicode.status).toBe(200);
    expect(byUnicode.body.hostname).toBe('xn--bcher-kva.example.test');
    expect(
      (await b.agency.delete(`/organizations/${b.clientId}/domains/xn--bcher-kva.example.test`)).status,
    ).toBe(204);
  });

  it.each([
    ['*.example.test', /Wildcard/],
    ['localhost', /fully qualified/],
    ['https://shop.example.test/', /without scheme/],
    ['10.0.0.1', /not an IP address/],
    ['a..example.test', /not a valid/],
    ['shop.luster.test', /platform's own domain/],
    ['luster.test', /platform's own domain/],
  ])('refuses %s with 400 domain_invalid', async (hostname, message) => {
    const res = await clientAdmin.post(`/organizations/${a.clientId}/domains`, { hostname });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('domain_invalid');
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses a hostname another organization holds without saying who holds it', async () => {
    const res = await b.agency.post(`/organizations/${b.clientId}/domains`, {
      hostname: 'SHOP.example.test',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('domain_taken');
    expect(JSON.stringify(res.body)).not.toMatch(/Dom A|a@dom-a|${a.clientId}/);
    const gql = await b.agency.graphql(
      `mutation($o: ID!, $h: String!) { addDomain(organizationId: $o, hostname: $h) { hostname } }`,
      { o: b.clientId, h: 'shop.example.test' },
    );
    expect(gql.errors?.[0]?.extensions.code).toBe('domain_taken');
  });

  it("refuses a domain past the tier's limit, naming the limit (starter: 1)", async () => {
    const res = await clientAdmin.post(`/organizations/${a.clientId}/domains`, {
      hostname: 'second.example.test',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('domain_limit');
    expect(res.body.error.message).toMatch(/starter tier allows 1 custom domain/);
    expect(res.body.error.details).toMatchObject({
      limit: 'customDomainLimit',
      tier: 'starter',
      max: 1,
      actual: 1,
    });
  });

  it('allows five on pro, and refuses a downgrade below the count, listing the domains to remove', async () => {
    expect((await a.agency.patch(`/organizations/${a.clientId}`, { tier: 'pro' })).status).toBe(200);
    for (const host of ['two.example.test', 'three.example.test', 'four.example.test', 'five.example.test'])
      expect(
        (await clientAdmin.post(`/organizations/${a.clientId}/domains`, { hostname: host })).status,
      ).toBe(201);
    const sixth = await clientAdmin.post(`/organizations/${a.clientId}/domains`, {
      hostname: 'six.example.test',
    });
    expect(sixth.body.error).toMatchObject({ code: 'domain_limit', details: { tier: 'pro', max: 5 } });
    const down = await a.agency.patch(`/organizations/${a.clientId}`, { tier: 'starter' });
    expect(down.status).toBe(409);
    expect(down.body.error.code).toBe('domain_limit');
    expect(down.body.error.message).toMatch(/remove 4 of these first: shop.example.test, two.example.test/);
    expect(down.body.error.details.domains).toHaveLength(5);
    const [row] = await server.services.dataSource.query(
      `SELECT tier FROM tenant WHERE "organizationId" = $1`,
      [a.clientId],
    );
    expect(row.tier).toBe('pro');
    for (const host of ['two.example.test', 'three.example.test', 'four.example.test', 'five.example.test'])
      expect((await clientAdmin.delete(`/organizations/${a.clientId}/domains/${host}`)).status).toBe(204);
    expect((await a.agency.patch(`/organizations/${a.clientId}`, { tier: 'starter' })).status).toBe(200);
  });

  it('lets viewers read but not manage', async () => {
    expect((await viewer.get(`/organizations/${a.clientId}/domains/shop.example.test`)).status).toBe(200);
    const add = await viewer.post(`/organizations/${a.clientId}/domains`, { hostname: 'view.example.test' });
    expect(add.status).toBe(403);
    expect((await viewer.post(`/organizations/${a.clientId}/domains/shop.example.test/check`)).status).toBe(
      403,
    );
    expect(
      (await viewer.put(`/organizations/${a.clientId}/domains/shop.example.test/primary`, {})).status,
    ).toBe(403);
    expect((await viewer.delete(`/organizations/${a.clientId}/domains/shop.example.test`)).status).toBe(403);
  });

  it('refuses to make a domain primary before it is in the Ingress', async () => {
    const res = await clientAdmin.put(`/organizations/${a.clientId}/domains/shop.example.test/primary`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('invalid_state');
  });

  describe('the golden rule over every endpoint', () => {
    const host = 'shop.example.test';
    const rest = (org: () => string) =>
      [
        ['GET list', (c: Client) => c.get(`/organizations/${org()}/domains`)],
        [
          'POST add',
          (c: Client) => c.post(`/organizations/${org()}/domains`, { hostname: 'x.example.test' }),
        ],
        ['GET one', (c: Client) => c.get(`/organizations/${org()}/domains/${host}`)],
        ['POST check', (c: Client) => c.post(`/organizations/${org()}/domains/${host}/check`)],
        ['PUT primary', (c: Client) => c.put(`/organizations/${org()}/domains/${host}/primary`, {})],
        ['DELETE', (c: Client) => c.delete(`/organizations/${org()}/domains/${host}`)],
      ] as const;

    it.each(rest(() => a.clientId).map(([name, call]) => [name, call]))(
      'REST %s on an organization the actor cannot see is 404, telling nothing',
      async (_name, call) => {
        const res = await call(b.agency);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('organization_not_found');
      },
    );

    it.each(
      rest(() => b.clientId).filter(([name]) => !name.startsWith('GET list') && !name.startsWith('POST add')),
    )(
      "REST %s with another organization's hostname on one's own organization is 404 domain_not_found",
      async (_name, call) => {
        const res = await call(b.agency);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('domain_not_found');
      },
    );

    it.each([
      ['domains', `query($o: ID!) { domains(organizationId: $o) { ${GQL} } }`],
      ['domain', `query($o: ID!, $h: String!) { domain(organizationId: $o, hostname: $h) { ${GQL} } }`],
      [
        'addDomain',
        `mutation($o: ID!) { addDomain(organizationId: $o, hostname: "y.example.test") { hostname } }`,
      ],
      [
        'checkDomain',
        `mutation($o: ID!, $h: String!) { checkDomain(organizationId: $o, hostname: $h) { hostname } }`,
      ],
      [
        'setPrimaryDomain',
        `mutation($o: ID!, $h: String!) { setPrimaryDomain(organizationId: $o, hostname: $h) { hostname } }`,
      ],
      ['removeDomain', `mutation($o: ID!, $h: String!) { removeDomain(organizationId: $o, hostname: $h) }`],
    ])('GraphQL %s: invisible organization and foreign hostname are both not found', async (_name, query) => {
      const invisible = await b.agency.graphql(query, { o: a.clientId, h: host });
      expect(invisible.errors?.[0]?.extensions.code).toBe('organization_not_found');
      if (query.includes('$h')) {
        const foreign = await b.agency.graphql(query, { o: b.clientId, h: host });
        expect(foreign.errors?.[0]?.extensions.code).toBe('domain_not_found');
      }
    });

    it('GraphQL answers the same shapes as REST to those who may see them', async () => {
      const gql = await viewer.graphql(`query($o: ID!) { domains(organizationId: $o) { ${GQL} } }`, {
        o: a.clientId,
      });
      expect(gql.errors).toBeUndefined();
      const rest = await viewer.get(`/organizations/${a.clientId}/domains`);
      expect(gql.data.domains).toEqual(
        rest.body.items.map(
          ({ alternatives: _a, lastCheckedAt: _l, missingSince: _m, ...d }: Record<string, unknown>) => ({
            ...d,
            target: (({ alternatives: _x, ...t }) => t)(d.target as Record<string, unknown>),
          }),
        ),
      );
    });
  });

  it('removes a pending domain at once: nothing was committed for it', async () => {
    const commits = await server.services.dataSource.query(`SELECT count(*)::int AS n FROM change_request`);
    expect((await clientAdmin.delete(`/organizations/${a.clientId}/domains/shop.example.test`)).status).toBe(
      204,
    );
    expect((await viewer.get(`/organizations/${a.clientId}/domains`)).body.items).toEqual([]);
    const after = await server.services.dataSource.query(`SELECT count(*)::int AS n FROM change_request`);
    expect(after[0].n).toBe(commits[0].n);
  });
});
