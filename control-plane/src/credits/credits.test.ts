import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { buildTree, type Tree } from '../test-support/tree.js';
import { post, verify } from './ledger.js';

type Client = ReturnType<typeof client>;

/*
 *   platform ─┬─ agency-a ─┬─ client-a1 ── grand-a11 ── great-a111
 *             │            └─ client-a2
 *             └─ agency-b ─── client-b1
 */
describe('the credits API', () => {
  let server: TestServer;
  let tree: Tree;
  let superadmin: Client;
  let agency: Client;
  let clientAdmin: Client;
  const id = (name: string) => tree.ids[name] as string;
  const key = () => randomUUID();
  const grant = (api: Client, to: string, amount: number, idempotencyKey = key()) =>
    api.post(`/organizations/${id(to)}/credits/grants`, { amount, idempotencyKey });
  const takeBack = (api: Client, from: string, amount: number, idempotencyKey = key()) =>
    api.post(`/organizations/${id(from)}/credits/takebacks`, { amount, idempotencyKey });
  const balance = async (name: string) =>
    (await superadmin.get(`/organizations/${id(name)}/credits`)).body.balance;

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    tree = await buildTree(server);
    superadmin = client(server, tree.tokens.superadmin);
    agency = client(server, tree.tokens.agency_admin);
    clientAdmin = client(server, tree.tokens.client_admin);
  }, 120_000);
  afterAll(() => server?.close());

  it('lets the platform issue credits to anyone and shows them as an issue', async () => {
    const res = await grant(superadmin, 'agency-a', 1000);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      replayed: false,
      entry: { kind: 'issue', direction: 'in', amount: 1000, counterparty: { account: 'issuance' } },
      summary: { organizationId: id('agency-a'), balance: 1000, limit: { monthly: null, overdraft: 0 } },
    });
  });

  it("grants down from the agency's own balance, and answers a retry with the first grant", async () => {
    const idempotencyKey = key();
    const first = await grant(agency, 'client-a1', 300, idempotencyKey);
    expect(first.status).toBe(201);
    expect(first.body.entry).toMatchObject({
      kind: 'grant',
      direction: 'in',
      counterparty: { account: 'organization', organizationId: id('agency-a') },
    });
    const again = await grant(agency, 'client-a1', 300, idempotencyKey);
    expect(again.body).toMatchObject({ replayed: true, entry: { id: first.body.entry.id } });
    expect([await balance('agency-a'), await balance('client-a1')]).toEqual([700, 300]);
    // Two levels down is still down.
    expect((await grant(agency, 'great-a111', 5)).status).toBe(201);
    expect((await grant(agency, 'client-a1', 5, idempotencyKey)).body.error.code).toBe(
      'idempotency_key_reused',
    );
  });

  it('never moves credits up or sideways, nor to the granter itself', async () => {
    const before = await balance('agency-a');
    const cases: [Client, string, string][] = [
      [agency, 'platform', 'organization_not_found'],
      [agency, 'agency-b', 'organization_not_found'],
      [agency, 'client-b1', 'organization_not_found'],
      [agency, 'agency-a', 'forbidden'],
      [clientAdmin, 'agency-a', 'organization_not_found'],
      [clientAdmin, 'client-a2', 'organization_not_found'],
      // Client admins cannot grant, not even to their own organization.
      [clientAdmin, 'client-a1', 'forbidden'],
      [client(server, tree.tokens.editor), 'client-a1', 'forbidden'],
    ];
    for (const [api, to, code] of cases) expect((await grant(api, to, 1)).body.error.code).toBe(code);
    expect(await balance('agency-a')).toBe(before);
  });

  it('refuses a grant the balance does not cover with the balance in the answer', async () => {
    const res = await grant(agency, 'client-a2', 1_000_000);
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({
      code: 'insufficient_credits',
      details: { balance: await balance('agency-a'), amount: 1_000_000 },
    });
  });

  it('takes back only unspent credits the taker granted, as a reversal', async () => {
    expect((await grant(agency, 'client-a2', 100)).status).toBe(201);
    expect((await grant(superadmin, 'client-a2', 50)).status).toBe(201);
    const back = await takeBack(agency, 'client-a2', 40);
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({
      entry: { kind: 'takeback', reversal: true, direction: 'out', amount: 40 },
      summary: { balance: 110 },
    });
    // Each granter takes back only what it granted, less what it took back already.
    expect((await takeBack(agency, 'client-a2', 61)).body.error.code).toBe('takeback_exceeds_granted');
    expect((await takeBack(superadmin, 'client-a2', 51)).body.error.code).toBe('takeback_exceeds_granted');
    expect((await takeBack(superadmin, 'client-a2', 50)).status).toBe(201);
    expect((await takeBack(clientAdmin, 'client-a1', 1)).body.error.code).toBe('forbidden');
    // Spent credits cannot be taken back: client-a2 spends 50 of its 60.
    await server.services.dataSource.transaction((tx) =>
      post(tx, {
        idempotencyKey: `test:${key()}`,
        kind: 'usage',
        from: { account: 'organization', organizationId: id('client-a2') },
        to: { account: 'usage' },
        amount: 50,
        at: new Date(),
        floor: 'overdraft',
      }),
    );
    expect((await takeBack(agency, 'client-a2', 11)).status).toBe(402);
    expect((await takeBack(agency, 'client-a2', 10)).status).toBe(201);
    expect(await balance('client-a2')).toBe(0);
  });

  it('lets an ancestor set limits, and nobody their own', async () => {
    const set = await agency.put(`/organizations/${id('client-a1')}/credits/limit`, {
      monthly: 250,
      overdraft: 20,
    });
    expect(set.status).toBe(200);
    expect(set.body.limit).toEqual({ monthly: 250, overdraft: 20 });
    expect((await clientAdmin.get(`/organizations/${id('client-a1')}/credits`)).body.limit).toEqual({
      monthly: 250,
      overdraft: 20,
    });
    expect(
      (await clientAdmin.put(`/organizations/${id('client-a1')}/credits/limit`, { overdraft: 1000 })).body
        .error.code,
    ).toBe('forbidden');
    expect(
      (await agency.put(`/organizations/${id('agency-a')}/credits/limit`, { overdraft: 1000 })).body.error
        .code,
    ).toBe('forbidden');
    expect(
      (await agency.put(`/organizations/${id('client-a1')}/credits/limit`, { overdraft: -1 })).status,
    ).toBe(400);
    // PUT replaces: without fields there is no cap and no overdraft.
    expect((await agency.put(`/organizations/${id('client-a1')}/credits/limit`, {})).body.limit).toEqual({
      monthly: null,
      overdraft: 0,
    });
  });

  it('shows the ledger newest first with filters and pages, naming only visible counterparties', async () => {
    const mine = await agency.get(`/organizations/${id('client-a2')}/credits/ledger?limit=4`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((e: { kind: string }) => e.kind)).toEqual([
      'takeback',
      'usage',
      'takeback',
      'takeback',
    ]);
    const rest = await agency.get(
      `/organizations/${id('client-a2')}/credits/ledger?limit=4&cursor=${mine.body.nextCursor}`,
    );
    expect(rest.body.items.map((e: { kind: string }) => e.kind)).toEqual(['issue', 'grant']);
    expect(rest.body.nextCursor).toBeNull();
    const grants = await agency.get(`/organizations/${id('agency-a')}/credits/ledger?kind=grant`);
    expect(
      grants.body.items.every(
        (e: { kind: string; direction: string }) => e.kind === 'grant' && e.direction === 'out',
      ),
    ).toBe(true);
    // client-a1's admin sees the grant, but not which organization above it made it.
    const seen = await clientAdmin.get(`/organizations/${id('client-a1')}/credits/ledger`);
    expect(seen.body.items[0].counterparty).toEqual({
      account: 'organization',
      organizationId: null,
      name: null,
    });
    const future = await agency.get(
      `/organizations/${id('agency-a')}/credits/ledger?from=2999-01-01T00:00:00Z`,
    );
    expect(future.body.items).toEqual([]);
    expect((await agency.get(`/organizations/${id('agency-a')}/credits/ledger?kind=gift`)).status).toBe(400);
    expect((await agency.get(`/organizations/${id('agency-b')}/credits/ledger`)).status).toBe(404);
  });

  it('exports the ledger as CSV through the same rules', async () => {
    const res = await fetch(
      `${server.url}/api/v1/organizations/${id('client-a2')}/credits/ledger?format=csv`,
      {
        headers: { authorization: `Bearer ${tree.tokens.agency_admin}` },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,createdAt,kind,reversal,direction,amount,/);
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual([
      'takeback',
      'usage',
      'takeback',
      'takeback',
      'issue',
      'grant',
    ]);
    const hidden = await fetch(
      `${server.url}/api/v1/organizations/${id('agency-b')}/credits/ledger?format=csv`,
      {
        headers: { authorization: `Bearer ${tree.tokens.agency_admin}` },
      },
    );
    expect(hidden.status).toBe(404);
  });

  it('refuses grants from an agency the platform has not approved', async () => {
    const email = `${randomUUID()}@pending.test`;
    const reg = await client(server).post('/registrations', {
      accountType: 'agency',
      projectType: 'website',
      organizationName: `Pending ${randomUUID().slice(0, 6)}`,
      email,
      password: 'a-long-enough-password',
      agencySurvey: { clients: 'a few' },
    });
    expect(reg.status).toBe(201);
    const pendingId = reg.body.organization.id;
    // A client row under it, as if it had been created before a suspension of the review.
    const [{ path }] = await server.services.dataSource.query('SELECT path FROM organization WHERE id = $1', [
      pendingId,
    ]);
    const childId = randomUUID();
    await server.services.dataSource.query(
      `INSERT INTO organization (id, slug, name, kind, "parentId", path) VALUES ($1, $2, 'Child', 'organization', $3, $4)`,
      [childId, `c-${childId.slice(0, 8)}`, pendingId, `${path}${childId}/`],
    );
    const login = await client(server).post('/auth/login', { email, password: 'a-long-enough-password' });
    const pending = client(server, login.body.accessToken);
    const res = await pending.post(`/organizations/${childId}/credits/grants`, {
      amount: 1,
      idempotencyKey: key(),
    });
    expect(res.body.error.code).toBe('agency_not_approved');
  });

  it('answers the same over GraphQL', async () => {
    const gql = await agency.graphql(
      `mutation($id: ID!, $input: CreditMovementInput!) {
         grantCredits(organizationId: $id, input: $input) { replayed entry { kind amount } summary { balance } }
       }`,
      { id: id('client-a1'), input: { amount: 7, idempotencyKey: key() } },
    );
    expect(gql.data.grantCredits).toMatchObject({ replayed: false, entry: { kind: 'grant', amount: 7 } });
    const read = await clientAdmin.graphql(
      `query($id: ID!) { credits(organizationId: $id) { balance limit { monthly overdraft } }
                         creditLedger(organizationId: $id, limit: 1) { items { kind counterparty { organizationId } } } }`,
      { id: id('client-a1') },
    );
    expect(read.data.credits.balance).toBe(gql.data.grantCredits.summary.balance);
    expect(read.data.creditLedger.items).toEqual([{ kind: 'grant', counterparty: { organizationId: null } }]);
    const up = await clientAdmin.graphql(
      `mutation($id: ID!) { grantCredits(organizationId: $id, input: { amount: 1, idempotencyKey: "x" }) { replayed } }`,
      { id: id('agency-a') },
    );
    expect(up.errors?.[0]?.extensions.code).toBe('organization_not_found');
    const limit = await agency.graphql(
      `mutation($id: ID!) { setCreditLimit(organizationId: $id, input: { monthly: 9 }) { limit { monthly overdraft } } }`,
      { id: id('client-a1') },
    );
    expect(limit.data.setCreditLimit.limit).toEqual({ monthly: 9, overdraft: 0 });
  });

  it('keeps every balance equal to its entries through all of the above', async () => {
    expect(await verify(server.services.dataSource.manager)).toEqual([]);
  });
});
