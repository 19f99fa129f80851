import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import {
  deliver,
  type StripeApi,
  signStripe,
  startStripeApi,
  stripeEnv,
  stripeEvent,
} from '../test-support/stripe-api.js';
import { buildTree, type Tree } from '../test-support/tree.js';

type Client = ReturnType<typeof client>;

/*
 * An organization's purchases, REST and GraphQL: every state a purchase reaches through the real
 * webhook, newest first, page by page, and the golden rule. Stripe cannot run here: the SDK talks
 * to a local server speaking Stripe's documented wire format (test-support/stripe-api.ts) and the
 * events are signed with the SDK's `generateTestHeaderString`.
 *
 *   platform ─┬─ agency-a ─┬─ client-a1 ── grand-a11 ── great-a111
 *             │            └─ client-a2
 *             └─ agency-b ─── client-b1
 */
describe("an organization's purchases", () => {
  let stripe: StripeApi;
  let server: TestServer;
  let tree: Tree;
  let agency: Client;
  let now = new Date('2026-07-01T10:00:00Z');
  const id = (name: string) => tree.ids[name] as string;
  const bought: { purchaseId: string; state: string; at: string }[] = [];
  const send = (type: string, object: Record<string, unknown>) => {
    const payload = stripeEvent(type, object, now);
    return deliver(server.url, payload, signStripe(payload, now));
  };
  const session = (sessionId: string, paymentStatus = 'paid') => ({
    id: sessionId,
    object: 'checkout.session',
    payment_status: paymentStatus,
    payment_intent: `pi_for_${sessionId}`,
  });

  beforeAll(async () => {
    stripe = await startStripeApi();
    server = await startTestServer({ ...apiTestEnv, ...stripeEnv(stripe) }, { clock: () => now });
    tree = await buildTree(server);
    agency = client(server, tree.tokens.agency_admin);
    const superadmin = client(server, tree.tokens.superadmin);
    expect(
      (await superadmin.put('/credits/packs/starter', { credits: 500, amount: 2500, currency: 'usd' }))
        .status,
    ).toBe(200);
    // One purchase per state, a minute apart, each taken there by Stripe's events.
    const outcomes: [string, (sessionId: string) => Promise<unknown>][] = [
      ['paid', (s) => send('checkout.session.completed', session(s))],
      ['expired', (s) => send('checkout.session.expired', session(s, 'unpaid'))],
      ['pending', async () => {}],
      ['failed', (s) => send('checkout.session.async_payment_failed', session(s, 'unpaid'))],
      [
        'refunded',
        async (s) => {
          await send('checkout.session.completed', session(s));
          await send('charge.refunded', {
            id: `ch_${s}`,
            object: 'charge',
            payment_intent: `pi_for_${s}`,
            amount: 2500,
            amount_refunded: 2500,
            refunded: true,
          });
        },
      ],
    ];
    for (const [state, settle] of outcomes) {
      now = new Date(now.getTime() + 60_000);
      const res = await agency.post(`/organizations/${id('client-a1')}/credits/checkout`, {
        packId: 'starter',
      });
      expect(res.status).toBe(201);
      await settle(res.body.sessionId);
      bought.unshift({ purchaseId: res.body.purchaseId, state, at: now.toISOString() });
    }
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await stripe?.close();
  });

  it('lists every state, newest first, with credits, price and times, page by page', async () => {
    const viewer = client(server, tree.tokens.viewer);
    const all = await viewer.get(`/organizations/${id('client-a1')}/credits/purchases`);
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeNull();
    expect(
      all.body.items.map((p: Record<string, unknown>) => [p.id, p.state, p.createdAt, p.credits, p.amount]),
    ).toEqual(bought.map((b) => [b.purchaseId, b.state, b.at, 500, 2500]));
    const refunded = all.body.items.find((p: { state: string }) => p.state === 'refunded');
    expect(refunded).toMatchObject({ reversedCredits: 500, currency: 'usd', packId: 'starter' });
    expect(refunded.updatedAt).toEqual(expect.any(String));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await viewer.get(`/organizations/${id('client-a1')}/credits/purchases${query}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(bought.map((b) => b.purchaseId));
    for (const bad of ['?cursor=bm90LWEtY3Vyc29y', '?limit=0', '?limit=101', '?state=paid']) {
      const res = await viewer.get(`/organizations/${id('client-a1')}/credits/purchases${bad}`);
      expect([bad, res.status, res.body.error.code]).toEqual([bad, 400, 'invalid_input']);
    }
  });

  it('keeps to the golden rule: only the organization, and those above it, see its purchases', async () => {
    expect((await agency.get(`/organizations/${id('client-a1')}/credits/purchases`)).body.items).toHaveLength(
      5,
    );
    expect((await agency.get(`/organizations/${id('client-a2')}/credits/purchases`)).body.items).toEqual([]);
    const clientAdmin = client(server, tree.tokens.client_admin);
    for (const org of ['client-a2', 'client-b1', 'agency-a']) {
      const res = await clientAdmin.get(`/organizations/${id(org)}/credits/purchases`);
      expect([org, res.status, res.body.error.code]).toEqual([org, 404, 'organization_not_found']);
    }
    const superadmin = client(server, tree.tokens.superadmin);
    expect((await superadmin.get(`/organizations/${id('client-b1')}/credits/purchases`)).body.items).toEqual(
      [],
    );
  });

  it('answers the same over GraphQL', async () => {
    const query = `query($org: ID!, $cursor: String, $limit: Int) {
      creditPurchases(organizationId: $org, cursor: $cursor, limit: $limit) {
        items { id state credits amount currency createdAt updatedAt } nextCursor } }`;
    const viewer = client(server, tree.tokens.viewer);
    const first = await viewer.graphql(query, { org: id('client-a1'), limit: 3 });
    expect(first.errors).toBeUndefined();
    const rest = await viewer.graphql(query, {
      org: id('client-a1'),
      cursor: first.data.creditPurchases.nextCursor,
    });
    expect(
      [...first.data.creditPurchases.items, ...rest.data.creditPurchases.items].map(
        (p: { id: string; state: string }) => [p.id, p.state],
      ),
    ).toEqual(bought.map((b) => [b.purchaseId, b.state]));
    expect(rest.data.creditPurchases.nextCursor).toBeNull();
    const hidden = await client(server, tree.tokens.client_admin).graphql(query, { org: id('client-b1') });
    expect(hidden.errors?.[0]?.extensions.code).toBe('organization_not_found');
  });
});
