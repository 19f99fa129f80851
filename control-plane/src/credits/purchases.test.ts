import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { type StripeApi, startStripeApi, stripeEnv, stripeTestKeys } from '../test-support/stripe-api.js';
import { buildTree, type Tree } from '../test-support/tree.js';

type Client = ReturnType<typeof client>;

/*
 * Stripe cannot run here: the control plane's real `stripe` SDK talks to a local HTTP server that
 * speaks Stripe's documented wire format for the calls we make (test-support/stripe-api.ts).
 *
 *   platform ─┬─ agency-a ─┬─ client-a1 ── grand-a11 ── great-a111
 *             │            └─ client-a2
 *             └─ agency-b ─── client-b1
 */
describe('credit packs and Stripe Checkout', () => {
  let stripe: StripeApi;
  let server: TestServer;
  let tree: Tree;
  let superadmin: Client;
  let clientAdmin: Client;
  const now = new Date('2026-04-02T09:30:00Z');
  const id = (name: string) => tree.ids[name] as string;
  const checkout = (api: Client, org: string, packId = 'starter') =>
    api.post(`/organizations/${id(org)}/credits/checkout`, { packId });

  beforeAll(async () => {
    stripe = await startStripeApi();
    server = await startTestServer({ ...apiTestEnv, ...stripeEnv(stripe) }, { clock: () => now });
    tree = await buildTree(server);
    superadmin = client(server, tree.tokens.superadmin);
    clientAdmin = client(server, tree.tokens.client_admin);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stripe?.close();
  });

  it('lets superadmins set packs, and everyone signed in read the ones on offer', async () => {
    const starter = { credits: 1000, amount: 1900, currency: 'eur' };
    expect((await superadmin.put('/credits/packs/starter', starter)).body).toEqual({
      id: 'starter',
      ...starter,
      active: true,
    });
    await superadmin.put('/credits/packs/retired', { ...starter, active: false });
    expect(
      (await client(server, tree.tokens.agency_admin).put('/credits/packs/x', starter)).body.error.code,
    ).toBe('forbidden');
    const seen = await client(server, tree.tokens.viewer).get('/credits/packs');
    expect(seen.body).toEqual({
      items: [{ id: 'starter', ...starter, active: true }],
      paymentsConfigured: true,
    });
    expect((await superadmin.get('/credits/packs')).body.items.map((p: { id: string }) => p.id)).toEqual([
      'retired',
      'starter',
    ]);
  });

  it.each([
    ['Bad Id', { credits: 1, amount: 1, currency: 'usd' }],
    ['p', { credits: 0, amount: 1, currency: 'usd' }],
    ['p', { credits: 1, amount: 1.5, currency: 'usd' }],
    ['p', { credits: 1, amount: 1, currency: 'USD' }],
    ['p', { credits: 1, amount: 1, currency: 'usd', extra: true }],
  ])('refuses pack %s %j with 400', async (packId, body) => {
    const res = await superadmin.put(`/credits/packs/${encodeURIComponent(packId)}`, body);
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_input']);
  });

  it('stores the purchase, then opens a Checkout Session in Stripe’s wire format', async () => {
    const res = await checkout(clientAdmin, 'client-a1');
    expect(res.status).toBe(201);
    expect(res.body.url).toBe(`https://checkout.stripe.com/c/pay/${res.body.sessionId}`);
    const request = stripe.requests.at(-1);
    expect(request?.headers.authorization).toBe(`Bearer ${stripeTestKeys.secretKey}`);
    expect(request?.headers['idempotency-key']).toBe(`luster-purchase-${res.body.purchaseId}`);
    const back = `${server.config.publicUrl}/organizations/${id('client-a1')}/credits?purchase=${res.body.purchaseId}`;
    expect(request?.form).toMatchObject({
      mode: 'payment',
      client_reference_id: id('client-a1'),
      customer_email: 'client_admin@client-a1.test',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '1900',
      'metadata[purchaseId]': res.body.purchaseId,
      success_url: back,
      cancel_url: back,
    });
    const [row] = await server.services.dataSource.query(
      `SELECT "organizationId", "packId", credits::int, amount::int, currency, "buyerUserId" IS NOT NULL AS buyer,
              "sessionId", state FROM credit_purchase WHERE id = $1`,
      [res.body.purchaseId],
    );
    expect(row).toEqual({
      organizationId: id('client-a1'),
      packId: 'starter',
      credits: 1000,
      amount: 1900,
      currency: 'eur',
      buyer: true,
      sessionId: res.body.sessionId,
      state: 'pending',
    });
    const shown = await client(server, tree.tokens.viewer).get(
      `/organizations/${id('client-a1')}/credits/purchases/${res.body.purchaseId}`,
    );
    expect(shown.body).toMatchObject({ state: 'pending', credits: 1000, entryId: null, reversedCredits: 0 });
  });

  it('keeps to the golden rule: another organization is 404, a viewer or editor 403', async () => {
    expect((await checkout(clientAdmin, 'client-b1')).body.error.code).toBe('organization_not_found');
    expect((await checkout(clientAdmin, 'client-a2')).status).toBe(404);
    for (const role of ['viewer', 'editor'] as const) {
      const res = await checkout(client(server, tree.tokens[role]), 'client-a1');
      expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
    }
    // An agency buys for its clients too.
    expect((await checkout(client(server, tree.tokens.agency_admin), 'client-a2')).status).toBe(201);
    const mine = (await checkout(clientAdmin, 'client-a1')).body.purchaseId;
    expect(
      (
        await client(server, tree.tokens.agency_admin).get(
          `/organizations/${id('client-a2')}/credits/purchases/${mine}`,
        )
      ).body.error.code,
    ).toBe('purchase_not_found');
  });

  it('refuses an inactive or unknown pack with 400 and stores nothing', async () => {
    const before = stripe.requests.length;
    for (const packId of ['retired', 'nope']) {
      const res = await checkout(clientAdmin, 'client-a1', packId);
      expect([res.status, res.body.error.code]).toEqual([400, 'unknown_pack']);
    }
    expect(stripe.requests.length).toBe(before);
  });

  it('answers 503 and keeps no purchase when Stripe fails', async () => {
    const [{ count: before }] = await server.services.dataSource.query(
      'SELECT count(*)::int FROM credit_purchase',
    );
    stripe.failing = true;
    try {
      const res = await checkout(clientAdmin, 'client-a1');
      expect([res.status, res.body.error.code]).toEqual([503, 'unavailable']);
    } finally {
      stripe.failing = false;
    }
    const [{ count: after }] = await server.services.dataSource.query(
      'SELECT count(*)::int FROM credit_purchase',
    );
    expect(after).toBe(before);
  });
});

describe('without Stripe configured', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    tree = await buildTree(server);
  }, 120_000);
  afterAll(() => server?.close());

  it('says so with the packs, and checkout and the hook answer 503 payments_not_configured', async () => {
    const superadmin = client(server, tree.tokens.superadmin);
    await superadmin.put('/credits/packs/starter', { credits: 10, amount: 500, currency: 'usd' });
    expect((await superadmin.get('/credits/packs')).body.paymentsConfigured).toBe(false);
    const res = await client(server, tree.tokens.client_admin).post(
      `/organizations/${tree.ids['client-a1']}/credits/checkout`,
      { packId: 'starter' },
    );
    expect([res.status, res.body.error.code]).toEqual([503, 'payments_not_configured']);
    const hook = await fetch(`${server.url}/hooks/stripe`, { method: 'POST', body: '{}' });
    expect(hook.status).toBe(503);
    const [{ count }] = await server.services.dataSource.query('SELECT count(*)::int FROM credit_purchase');
    expect(count).toBe(0);
  });
});
