import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { type StripeApi, startStripeApi, stripeEnv } from '../test-support/stripe-api.js';
import { buildTree, type Tree } from '../test-support/tree.js';

type Client = ReturnType<typeof client>;

/*
 * Packs, checkout, purchases, API keys, prices and the usage report over GraphQL: the same services
 * as REST, so the same golden rule — an organization outside the caller's view is
 * organization_not_found, a role without the permission is forbidden. Stripe cannot run here: the
 * SDK talks to a local server speaking Stripe's wire format (test-support/stripe-api.ts).
 *
 *   platform ─┬─ agency-a ─┬─ client-a1 ── grand-a11 ── great-a111
 *             │            └─ client-a2
 *             └─ agency-b ─── client-b1
 */
describe('credits over GraphQL', () => {
  let stripe: StripeApi;
  let server: TestServer;
  let tree: Tree;
  let superadmin: Client;
  let agency: Client;
  let clientAdmin: Client;
  let viewer: Client;
  const now = new Date('2026-06-10T08:00:00Z');
  const id = (name: string) => tree.ids[name] as string;
  const codeOf = (answer: { errors?: { extensions: { code: string } }[] }) =>
    answer.errors?.[0]?.extensions.code;

  beforeAll(async () => {
    stripe = await startStripeApi();
    server = await startTestServer({ ...apiTestEnv, ...stripeEnv(stripe) }, { clock: () => now });
    tree = await buildTree(server);
    superadmin = client(server, tree.tokens.superadmin);
    agency = client(server, tree.tokens.agency_admin);
    clientAdmin = client(server, tree.tokens.client_admin);
    viewer = client(server, tree.tokens.viewer);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stripe?.close();
  });

  const setPack = `mutation($id: ID!, $input: CreditPackInput!) { setCreditPack(packId: $id, input: $input) { id credits amount currency active } }`;
  const buy = `mutation($org: ID!, $pack: ID!) { buyCredits(organizationId: $org, packId: $pack) { sessionId url purchaseId } }`;

  it('lets superadmins set packs and everyone read them with paymentsConfigured', async () => {
    const input = { credits: 100, amount: 900, currency: 'usd' };
    const set = await superadmin.graphql(setPack, { id: 'small', input });
    expect(set.data.setCreditPack).toEqual({ id: 'small', ...input, active: true });
    expect(codeOf(await agency.graphql(setPack, { id: 'small', input }))).toBe('forbidden');
    expect(
      codeOf(await superadmin.graphql(setPack, { id: 'small', input: { ...input, currency: 'US' } })),
    ).toBe('invalid_input');
    const read = await viewer.graphql('{ creditPacks { items { id amount } paymentsConfigured } }');
    expect(read.data.creditPacks).toEqual({
      items: [{ id: 'small', amount: 900 }],
      paymentsConfigured: true,
    });
  });

  it('buys through the golden rule and follows the purchase', async () => {
    const bought = await clientAdmin.graphql(buy, { org: id('client-a1'), pack: 'small' });
    expect(bought.data.buyCredits.url).toContain(bought.data.buyCredits.sessionId);
    expect(codeOf(await clientAdmin.graphql(buy, { org: id('client-b1'), pack: 'small' }))).toBe(
      'organization_not_found',
    );
    expect(codeOf(await viewer.graphql(buy, { org: id('client-a1'), pack: 'small' }))).toBe('forbidden');
    expect(codeOf(await clientAdmin.graphql(buy, { org: id('client-a1'), pack: 'nope' }))).toBe(
      'unknown_pack',
    );
    const purchase = `query($org: ID!, $p: ID!) { creditPurchase(organizationId: $org, purchaseId: $p) { id state credits entryId } }`;
    const seen = await viewer.graphql(purchase, {
      org: id('client-a1'),
      p: bought.data.buyCredits.purchaseId,
    });
    expect(seen.data.creditPurchase).toEqual({
      id: bought.data.buyCredits.purchaseId,
      state: 'pending',
      credits: 100,
      entryId: null,
    });
    expect(
      codeOf(await agency.graphql(purchase, { org: id('client-a2'), p: bought.data.buyCredits.purchaseId })),
    ).toBe('purchase_not_found');
    expect(
      codeOf(
        await client(server, tree.tokens.agency_admin).graphql(purchase, { org: id('client-b1'), p: 'x' }),
      ),
    ).toBe('organization_not_found');
  });

  it('issues an API key shown once, lists it by prefix, and revokes it, for admins of visible organizations', async () => {
    const create = `mutation($org: ID!) { createCreditApiKey(organizationId: $org) { id key prefix } }`;
    const list = `query($org: ID!) { creditApiKeys(organizationId: $org) { id prefix } }`;
    const made = (await clientAdmin.graphql(create, { org: id('client-a1') })).data.createCreditApiKey;
    expect(made.key).toMatch(/^lck_/);
    const listed = await clientAdmin.graphql(list, { org: id('client-a1') });
    expect(listed.data.creditApiKeys).toEqual([{ id: made.id, prefix: made.prefix }]);
    expect(JSON.stringify(listed)).not.toContain(made.key);
    expect(codeOf(await viewer.graphql(create, { org: id('client-a1') }))).toBe('forbidden');
    expect(codeOf(await viewer.graphql(list, { org: id('client-a1') }))).toBe('forbidden');
    expect(codeOf(await clientAdmin.graphql(list, { org: id('client-a2') }))).toBe('organization_not_found');
    const revoke = `mutation($org: ID!, $key: ID!) { revokeCreditApiKey(organizationId: $org, keyId: $key) }`;
    expect(codeOf(await agency.graphql(revoke, { org: id('client-a2'), key: made.id }))).toBe(
      'api_key_not_found',
    );
    expect((await clientAdmin.graphql(revoke, { org: id('client-a1'), key: made.id })).data).toEqual({
      revokeCreditApiKey: true,
    });
    expect((await clientAdmin.graphql(list, { org: id('client-a1') })).data.creditApiKeys).toEqual([]);
  });

  it('lets superadmins set prices, everyone read them, and reports usage to those who see the organization', async () => {
    const price = `mutation($f: String!, $c: Float!) { setCreditPrice(feature: $f, credits: $c) { feature credits } }`;
    expect((await superadmin.graphql(price, { f: 'seo.audit', c: 2 })).data.setCreditPrice).toEqual({
      feature: 'seo.audit',
      credits: 2,
    });
    expect(codeOf(await agency.graphql(price, { f: 'seo.audit', c: 1 }))).toBe('forbidden');
    expect(codeOf(await superadmin.graphql(price, { f: 'Bad Name', c: 1 }))).toBe('invalid_input');
    expect((await viewer.graphql('{ creditPrices { feature credits } }')).data.creditPrices).toEqual([
      { feature: 'seo.audit', credits: 2 },
    ]);

    await superadmin.post(`/organizations/${id('client-a1')}/credits/grants`, {
      amount: 50,
      idempotencyKey: randomUUID(),
    });
    const key = (await clientAdmin.post(`/organizations/${id('client-a1')}/api-keys`)).body.key;
    const used = await fetch(`${server.url}/api/v1/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ feature: 'seo.audit', quantity: 3, idempotencyKey: randomUUID() }),
    });
    expect(used.status).toBe(200);
    // Up to the end of the month: the default end is the clock's now, and the debit was made at exactly now.
    const report = `query($org: ID!, $g: String) { creditUsage(organizationId: $org, granularity: $g, to: "2026-07-01T00:00:00Z") { period feature quantity credits } }`;
    expect((await viewer.graphql(report, { org: id('client-a1'), g: 'month' })).data.creditUsage).toEqual([
      { period: '2026-06', feature: 'seo.audit', quantity: 3, credits: 6 },
    ]);
    expect(codeOf(await viewer.graphql(report, { org: id('client-a2') }))).toBe('organization_not_found');
    expect(codeOf(await viewer.graphql(report, { org: id('client-a1'), g: 'week' }))).toBe('invalid_input');
  });
});
