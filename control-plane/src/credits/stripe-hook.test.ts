import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { openStream } from '../test-support/sse-stream.js';
import {
  deliver,
  type StripeApi,
  signStripe,
  startStripeApi,
  stripeEnv,
  stripeEvent,
} from '../test-support/stripe-api.js';
import { buildTree, type Tree } from '../test-support/tree.js';
import { verify } from './ledger.js';

type Client = ReturnType<typeof client>;

/*
 * Stripe cannot run here: checkout goes through the real `stripe` SDK to a local HTTP server that
 * speaks Stripe's documented wire format (test-support/stripe-api.ts), and every delivery to
 * /hooks/stripe is signed with the SDK's `webhooks.generateTestHeaderString`, as Stripe signs them.
 * The server's clock is injected: signatures are checked against it, not the machine's.
 */
describe('/hooks/stripe credits each payment exactly once', () => {
  let stripe: StripeApi;
  let server: TestServer;
  let tree: Tree;
  let superadmin: Client;
  let agency: Client;
  const now = new Date('2026-05-20T10:00:00Z');
  const id = (name: string) => tree.ids[name] as string;
  const balance = async (name: string) =>
    (await superadmin.get(`/organizations/${id(name)}/credits`)).body.balance;
  const purchaseOf = async (name: string, purchaseId: string) =>
    (await superadmin.get(`/organizations/${id(name)}/credits/purchases/${purchaseId}`)).body;
  const entries = async (kind: string) =>
    (
      await server.services.dataSource.query(`SELECT count(*)::int AS n FROM credit_entry WHERE kind = $1`, [
        kind,
      ])
    )[0].n as number;
  /** A checkout of the `starter` pack (500 credits for 2,500 cents) by agency-a's admin. */
  const buy = async (org = 'client-a1') => {
    const res = await agency.post(`/organizations/${id(org)}/credits/checkout`, { packId: 'starter' });
    expect(res.status).toBe(201);
    return { sessionId: res.body.sessionId as string, purchaseId: res.body.purchaseId as string };
  };
  const session = (sessionId: string, extra: Record<string, unknown> = {}) => ({
    id: sessionId,
    object: 'checkout.session',
    mode: 'payment',
    status: 'complete',
    payment_status: 'paid',
    payment_intent: `pi_for_${sessionId}`,
    // A client could not set these, but an event is never trusted for amounts anyway.
    amount_total: 1,
    metadata: {},
    ...extra,
  });
  const send = (type: string, object: Record<string, unknown>, at = now) => {
    const payload = stripeEvent(type, object, at);
    return deliver(server.url, payload, signStripe(payload, at));
  };
  const paid = (sessionId: string) => send('checkout.session.completed', session(sessionId));

  beforeAll(async () => {
    stripe = await startStripeApi();
    server = await startTestServer({ ...apiTestEnv, ...stripeEnv(stripe) }, { clock: () => now });
    tree = await buildTree(server);
    superadmin = client(server, tree.tokens.superadmin);
    agency = client(server, tree.tokens.agency_admin);
    expect(
      (await superadmin.put('/credits/packs/starter', { credits: 500, amount: 2500, currency: 'usd' }))
        .status,
    ).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stripe?.close();
  });

  it('credits the stored purchase once, live on the event stream, however often the event comes', async () => {
    const { sessionId, purchaseId } = await buy();
    const stream = await openStream(
      `${server.url}/api/v1/events?access_token=${encodeURIComponent(tree.tokens.client_admin)}`,
    );
    try {
      const first = await paid(sessionId);
      expect(first).toEqual({ status: 200, body: { outcome: 'credited', purchaseId } });
      await stream.waitFor((e) => e.event === 'credits.purchase');
      expect(stream.events.find((e) => e.event === 'credits.purchase')?.data).toMatchObject({
        organizationId: id('client-a1'),
        data: { purchase: { id: purchaseId, state: 'paid', credits: 500 }, balance: 500 },
      });
    } finally {
      stream.close();
    }
    for (let i = 0; i < 9; i++) expect((await paid(sessionId)).body.outcome).toBe('unchanged');
    expect(await balance('client-a1')).toBe(500);
    const purchase = await purchaseOf('client-a1', purchaseId);
    expect(purchase).toMatchObject({ state: 'paid', reversedCredits: 0 });
    const ledger = await superadmin.get(`/organizations/${id('client-a1')}/credits/ledger?kind=purchase`);
    expect(ledger.body.items).toEqual([
      expect.objectContaining({
        id: purchase.entryId,
        kind: 'purchase',
        direction: 'in',
        amount: 500,
        counterparty: expect.objectContaining({ account: 'stripe' }),
      }),
    ]);
  });

  it('makes one movement of 20 concurrent duplicate deliveries', async () => {
    const { sessionId } = await buy('client-a2');
    const before = await entries('purchase');
    const payload = stripeEvent('checkout.session.completed', session(sessionId), now);
    const signature = signStripe(payload, now);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => deliver(server.url, payload, signature)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers.filter((a) => a.body.outcome === 'credited')).toHaveLength(1);
    expect(await entries('purchase')).toBe(before + 1);
    expect(await balance('client-a2')).toBe(500);
    expect(await verify(server.services.dataSource.manager)).toEqual([]);
  });

  it('refuses forged, tampered, unsigned and stale deliveries with 400 and changes nothing', async () => {
    const { sessionId, purchaseId } = await buy();
    const payload = stripeEvent('checkout.session.completed', session(sessionId), now);
    const tooOld = new Date(now.getTime() - 301_000);
    const stalePayload = stripeEvent('checkout.session.completed', session(sessionId), tooOld);
    const attempts = [
      deliver(server.url, payload, signStripe(payload, now, 'whsec_someone_else')),
      deliver(server.url, payload.replace('"paid"', '"paid" '), signStripe(payload, now)),
      deliver(server.url, payload, undefined),
      deliver(server.url, payload, 't=1,v1=deadbeef'),
      // A genuine delivery recorded and replayed after the tolerance (5 minutes).
      deliver(server.url, stalePayload, signStripe(stalePayload, tooOld)),
    ];
    for (const res of await Promise.all(attempts))
      expect([res.status, res.body.error.code]).toEqual([400, 'invalid_signature']);
    expect((await purchaseOf('client-a1', purchaseId)).state).toBe('pending');
    // The genuine one still works afterwards.
    expect((await deliver(server.url, payload, signStripe(payload, now))).body.outcome).toBe('credited');
  });

  it('acknowledges and ignores unknown sessions and event types', async () => {
    const before = await balance('client-a1');
    expect(await paid('cs_test_not_ours')).toEqual({
      status: 200,
      body: { outcome: 'ignored', reason: 'unknown purchase' },
    });
    expect((await send('customer.created', { id: 'cus_1', object: 'customer' })).body).toEqual({
      outcome: 'ignored',
      reason: 'event customer.created',
    });
    expect(await balance('client-a1')).toBe(before);
  });

  it('waits for a delayed payment, credits it when it succeeds, and credits nothing when it fails', async () => {
    const later = await buy('client-a2');
    const before = await balance('client-a2');
    const unpaid = session(later.sessionId, { payment_status: 'unpaid' });
    expect((await send('checkout.session.completed', unpaid)).body.outcome).toBe('ignored');
    expect(await balance('client-a2')).toBe(before);
    expect(
      (await send('checkout.session.async_payment_succeeded', session(later.sessionId))).body.outcome,
    ).toBe('credited');
    expect(await balance('client-a2')).toBe(before + 500);

    const failing = await buy('client-a2');
    const failed = await send('checkout.session.async_payment_failed', session(failing.sessionId));
    expect(failed.body.outcome).toBe('failed');
    expect(await purchaseOf('client-a2', failing.purchaseId)).toMatchObject({
      state: 'failed',
      entryId: null,
    });
    expect(await balance('client-a2')).toBe(before + 500);
  });

  it('marks an abandoned checkout expired once, credits nothing, and never expires a paid purchase', async () => {
    const abandoned = await buy('client-a2');
    const before = await balance('client-a2');
    const entriesBefore = await entries('purchase');
    const expired = session(abandoned.sessionId, { status: 'expired', payment_status: 'unpaid' });
    expect(await send('checkout.session.expired', expired)).toEqual({
      status: 200,
      body: { outcome: 'expired', purchaseId: abandoned.purchaseId },
    });
    for (let i = 0; i < 3; i++)
      expect((await send('checkout.session.expired', expired)).body.outcome).toBe('unchanged');
    expect(await purchaseOf('client-a2', abandoned.purchaseId)).toMatchObject({
      state: 'expired',
      entryId: null,
    });
    // A "completed" arriving for the expired session credits nothing either.
    expect((await paid(abandoned.sessionId)).body.outcome).toBe('unchanged');
    expect(await balance('client-a2')).toBe(before);
    expect(await entries('purchase')).toBe(entriesBefore);

    const bought = await buy('client-a2');
    expect((await paid(bought.sessionId)).body.outcome).toBe('credited');
    expect((await send('checkout.session.expired', session(bought.sessionId))).body.outcome).toBe(
      'unchanged',
    );
    expect((await purchaseOf('client-a2', bought.purchaseId)).state).toBe('paid');
    expect(await balance('client-a2')).toBe(before + 500);
    const unsigned = stripeEvent('checkout.session.expired', expired, now);
    expect((await deliver(server.url, unsigned, 't=1,v1=deadbeef')).status).toBe(400);
  });

  it('reverses a refund from the stored purchase, partly then fully, into a debt when the credits were spent', async () => {
    const org = 'grand-a11';
    const { sessionId, purchaseId } = await buy(org);
    expect((await paid(sessionId)).body.outcome).toBe('credited');
    // Spend 400 of the 500 before the refund.
    const key = (await agency.post(`/organizations/${id(org)}/api-keys`)).body.key;
    await superadmin.put('/credits/prices/ai.text', { credits: 400 });
    const used = await fetch(`${server.url}/api/v1/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ feature: 'ai.text', quantity: 1, idempotencyKey: randomUUID() }),
    });
    expect(used.status).toBe(200);
    const charge = (refunded: number) => ({
      id: `ch_for_${sessionId}`,
      object: 'charge',
      payment_intent: `pi_for_${sessionId}`,
      amount: 2500,
      amount_refunded: refunded,
      refunded: refunded === 2500,
    });
    // 1,000 of 2,500 cents back: 200 of the 500 credits.
    expect((await send('charge.refunded', charge(1000))).body.outcome).toBe('reversed');
    expect((await send('charge.refunded', charge(1000))).body.outcome).toBe('unchanged');
    expect(await balance(org)).toBe(-100);
    expect(await purchaseOf(org, purchaseId)).toMatchObject({ state: 'paid', reversedCredits: 200 });
    expect((await send('charge.refunded', charge(2500))).body.outcome).toBe('reversed');
    expect(await balance(org)).toBe(-400);
    const purchase = await purchaseOf(org, purchaseId);
    expect(purchase).toMatchObject({ state: 'refunded', reversedCredits: 500 });
    const reversals = await superadmin.get(`/organizations/${id(org)}/credits/ledger?kind=purchase_reversal`);
    expect(
      reversals.body.items.map((e: { amount: number; reversal: boolean; reversesId: string }) => [
        e.amount,
        e.reversal,
        e.reversesId,
      ]),
    ).toEqual([
      [300, true, purchase.entryId],
      [200, true, purchase.entryId],
    ]);
    // The debt blocks usage until credits arrive again.
    const blocked = await fetch(`${server.url}/api/v1/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ feature: 'ai.text', quantity: 1, idempotencyKey: randomUUID() }),
    });
    expect(blocked.status).toBe(402);
    expect(await verify(server.services.dataSource.manager)).toEqual([]);
  });

  it('ignores a refund for a payment that is not ours', async () => {
    const res = await send('charge.refunded', {
      id: 'ch_x',
      object: 'charge',
      payment_intent: 'pi_not_ours',
      amount: 100,
      amount_refunded: 100,
      refunded: true,
    });
    expect(res.body).toEqual({ outcome: 'ignored', reason: 'unknown purchase' });
  });
});
