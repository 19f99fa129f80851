import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { buildTree, type Tree } from '../test-support/tree.js';
import { verify } from './ledger.js';

type Client = ReturnType<typeof client>;

describe('metered usage with per-organization API keys', () => {
  let server: TestServer;
  let tree: Tree;
  let superadmin: Client;
  let agency: Client;
  let clientAdmin: Client;
  // The ledger's clock: which month usage is charged to and which day the report shows.
  let now = new Date('2026-03-15T12:00:00Z');
  const id = (name: string) => tree.ids[name] as string;
  const report = (key: string, body: Record<string, unknown>) =>
    fetch(`${server.url}/api/v1/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ feature: 'ai.text', quantity: 1, idempotencyKey: randomUUID(), ...body }),
    }).then(async (res) => ({
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: await res.json(),
    }));
  const balance = async (name: string) =>
    (await superadmin.get(`/organizations/${id(name)}/credits`)).body.balance;

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv, { clock: () => now });
    tree = await buildTree(server);
    superadmin = client(server, tree.tokens.superadmin);
    agency = client(server, tree.tokens.agency_admin);
    clientAdmin = client(server, tree.tokens.client_admin);
    expect((await superadmin.put('/credits/prices/ai.text', { credits: 3 })).status).toBe(200);
    for (const name of ['client-a1', 'client-a2'])
      expect(
        (
          await superadmin.post(`/organizations/${id(name)}/credits/grants`, {
            amount: 100,
            idempotencyKey: randomUUID(),
          })
        ).status,
      ).toBe(201);
  }, 120_000);
  afterAll(() => server?.close());

  it('lets only superadmins set prices, which everyone signed in can read', async () => {
    expect((await agency.put('/credits/prices/ai.text', { credits: 1 })).body.error.code).toBe('forbidden');
    expect((await clientAdmin.get('/credits/prices')).body.items).toEqual([
      { feature: 'ai.text', credits: 3 },
    ]);
    expect((await superadmin.put('/credits/prices/Bad Name', { credits: 1 })).status).toBe(400);
  });

  it("issues keys to the organization's admins, shows each once and lists only a prefix", async () => {
    const made = await clientAdmin.post(`/organizations/${id('client-a1')}/api-keys`);
    expect(made.status).toBe(201);
    expect(made.body.key).toMatch(/^lck_[A-Za-z0-9_-]{43}$/);
    const listed = await clientAdmin.get(`/organizations/${id('client-a1')}/api-keys`);
    expect(listed.body.items).toEqual([
      { id: made.body.id, prefix: made.body.key.slice(0, 10), createdAt: now.toISOString() },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.key);
    const [stored] = await server.services.dataSource.query('SELECT hash FROM credit_api_key WHERE id = $1', [
      made.body.id,
    ]);
    expect(stored.hash).not.toContain(made.body.key.slice(4));
    expect(
      (await client(server, tree.tokens.viewer).post(`/organizations/${id('client-a1')}/api-keys`)).body.error
        .code,
    ).toBe('forbidden');
    expect((await agency.post(`/organizations/${id('client-b1')}/api-keys`)).body.error.code).toBe(
      'organization_not_found',
    );
  });

  it('debits usage at the table price, and a retry with the same key charges nothing', async () => {
    const { key } = (await clientAdmin.post(`/organizations/${id('client-a1')}/api-keys`)).body;
    const idempotencyKey = randomUUID();
    const first = await report(key, { quantity: 2, idempotencyKey, occurredAt: '2026-03-14T08:00:00Z' });
    expect(first).toMatchObject({ status: 200, body: { balance: 94, charged: 6, replayed: false } });
    const again = await report(key, { quantity: 2, idempotencyKey });
    expect(again).toMatchObject({ status: 200, body: { balance: 94, charged: 6, replayed: true } });
    // Fifty racing retries of one report are one charge.
    const racing = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => report(key, { idempotencyKey: racing })),
    );
    expect(answers.filter((a) => a.body.replayed === false)).toHaveLength(1);
    expect(await balance('client-a1')).toBe(91);
    const ledger = await clientAdmin.get(`/organizations/${id('client-a1')}/credits/ledger?kind=usage`);
    expect(ledger.body.items.map((e: { feature: string; amount: number }) => [e.feature, e.amount])).toEqual([
      ['ai.text', 3],
      ['ai.text', 6],
    ]);
  });

  it('refuses anything but a live key of the organization', async () => {
    const { key, id: keyId } = (await clientAdmin.post(`/organizations/${id('client-a1')}/api-keys`)).body;
    expect((await report(tree.tokens.client_admin, {})).body.error.code).toBe('invalid_api_key');
    expect((await report(`lck_${'A'.repeat(43)}`, {})).status).toBe(401);
    const rotated = (await clientAdmin.post(`/organizations/${id('client-a1')}/api-keys`)).body.key;
    expect((await clientAdmin.delete(`/organizations/${id('client-a1')}/api-keys/${keyId}`)).status).toBe(
      204,
    );
    expect((await report(key, {})).body.error.code).toBe('invalid_api_key');
    expect((await report(rotated, {})).status).toBe(200);
    expect(
      (await clientAdmin.delete(`/organizations/${id('client-a1')}/api-keys/${keyId}`)).body.error.code,
    ).toBe('api_key_not_found');
    expect((await report(rotated, { feature: 'video.render' })).body.error.code).toBe('unknown_feature');
    expect((await report(rotated, { quantity: 0 })).status).toBe(400);
  });

  it('answers 402 past the balance and overdraft, 429 past the monthly limit, with balance and limit', async () => {
    // The agency may issue its client's keys too.
    const { key } = (await agency.post(`/organizations/${id('client-a2')}/api-keys`)).body;
    expect(await balance('client-a2')).toBe(100);
    expect(
      (await agency.put(`/organizations/${id('client-a2')}/credits/limit`, { monthly: 60, overdraft: 10 }))
        .status,
    ).toBe(200);
    expect((await report(key, { quantity: 20 })).body).toMatchObject({ balance: 40, charged: 60 });
    const capped = await report(key, { quantity: 1 });
    expect(capped.status).toBe(429);
    expect(capped.body.error).toMatchObject({
      code: 'limit_reached',
      details: { balance: 40, spentThisMonth: 60, limit: { monthly: 60, overdraft: 10 } },
    });
    // The count starts again at the next UTC month: 2026-04-01T00:00Z is 16.5 days after the clock.
    expect(capped.retryAfter).toBe(String(16.5 * 24 * 3600));
    now = new Date('2026-03-31T23:59:59.500Z');
    expect((await report(key, { quantity: 1 })).retryAfter).toBe('1');
    // A new month starts the count again; the overdraft lets usage go to -10 and no further.
    now = new Date('2026-04-01T00:00:00Z');
    expect((await report(key, { quantity: 16 })).body).toMatchObject({ balance: -8 });
    const broke = await report(key, { quantity: 1 });
    expect(broke.status).toBe(402);
    expect(broke.body.error).toMatchObject({
      code: 'insufficient_credits',
      details: { balance: -8, amount: 3, limit: { monthly: 60, overdraft: 10 } },
    });
    now = new Date('2026-04-02T00:00:00Z');
  });

  it('reports usage by feature per day and per month', async () => {
    const byDay = await agency.get(
      `/organizations/${id('client-a2')}/credits/usage?from=2026-03-01T00:00:00Z&to=2026-05-01T00:00:00Z`,
    );
    expect(byDay.body.items).toEqual([
      { period: '2026-03-15', feature: 'ai.text', quantity: 20, credits: 60 },
      { period: '2026-04-01', feature: 'ai.text', quantity: 16, credits: 48 },
    ]);
    const byMonth = await clientAdmin.get(
      `/organizations/${id('client-a1')}/credits/usage?granularity=month&from=2026-01-01`,
    );
    expect(byMonth.body.items).toEqual([{ period: '2026-03', feature: 'ai.text', quantity: 4, credits: 12 }]);
    expect((await clientAdmin.get(`/organizations/${id('client-a2')}/credits/usage`)).status).toBe(404);
    expect(await verify(server.services.dataSource.manager)).toEqual([]);
  });

  it("mails the organization's admins once each time usage takes the balance below their threshold", async () => {
    const { key } = (await clientAdmin.post(`/organizations/${id('client-a1')}/api-keys`)).body;
    const set = await agency.put(`/organizations/${id('client-a1')}/credits/limit`, {
      lowBalanceThreshold: 80,
    });
    expect(set.body).toMatchObject({ balance: 88, lowBalanceThreshold: 80 });
    const mails = async () =>
      (
        await server.services.dataSource.query(
          `SELECT "to" FROM mail_outbox WHERE kind = 'credits_low_balance' ORDER BY "createdAt"`,
        )
      ).map((m: { to: string }) => m.to);
    expect((await report(key, { quantity: 2 })).body.balance).toBe(82);
    expect(await mails()).toEqual([]);
    expect((await report(key, { quantity: 1 })).body.balance).toBe(79);
    expect(await mails()).toEqual(['client_admin@client-a1.test']);
    expect((await report(key, { quantity: 1 })).body.balance).toBe(76);
    expect(await mails()).toHaveLength(1);
    // Back above the threshold, then below again: a new crossing, a new mail.
    await superadmin.post(`/organizations/${id('client-a1')}/credits/grants`, {
      amount: 10,
      idempotencyKey: randomUUID(),
    });
    expect((await report(key, { quantity: 3 })).body.balance).toBe(77);
    expect(await mails()).toEqual(['client_admin@client-a1.test', 'client_admin@client-a1.test']);
  });

  it('answers reports as every API route answers: request id, headers, body errors, metrics', async () => {
    // Answered ahead of Express (usage-endpoint.ts): what Express did for every route must still hold.
    const { key } = (await clientAdmin.post(`/organizations/${id('client-a1')}/api-keys`)).body;
    const send = (body: string, headers: Record<string, string> = {}, path = '/api/v1/usage') =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
        body,
      });
    const valid = () => JSON.stringify({ feature: 'ai.text', quantity: 1, idempotencyKey: randomUUID() });
    const ok = await send(valid(), { 'x-request-id': 'cms-report-1' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBe('cms-report-1');
    expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await ok.json()).toEqual({ balance: 74, charged: 3, replayed: false });
    // Every spelling Express routed here still arrives: any case, a trailing slash, a query.
    for (const path of ['/API/v1/Usage', '/api/v1/usage/', '/api/v1/usage?from=cms'])
      expect((await send(valid(), {}, path)).status).toBe(200);

    const malformed = await send('{"feature":', { 'x-request-id': 'cms-report-2' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toEqual({
      code: 'malformed_json',
      message: 'The request body is not valid JSON',
      requestId: 'cms-report-2',
    });
    expect((await (await send('"ai.text"')).json()).error.code).toBe('malformed_json');
    const large = await send(
      JSON.stringify({ feature: 'ai.text', quantity: 1, idempotencyKey: 'x'.repeat(2e6) }),
    );
    expect(large.status).toBe(413);
    expect((await large.json()).error.code).toBe('payload_too_large');
    const invalid = await send(
      JSON.stringify({ feature: 'ai.text', quantity: 0, idempotencyKey: randomUUID() }),
    );
    expect(invalid.status).toBe(400);
    const { error } = await invalid.json();
    expect(error.code).toBe('invalid_input');
    expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.quantity']);
    expect(error.requestId).toBe(invalid.headers.get('x-request-id'));
    // Not JSON: nothing is parsed, so the body misses every field.
    const form = await send('feature=ai.text', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    expect((await form.json()).error.code).toBe('invalid_input');
    // Anything but a POST is not a report: Express answers it as any unknown route.
    const get = await fetch(`${server.url}/api/v1/usage`, { headers: { authorization: `Bearer ${key}` } });
    expect(get.status).toBe(404);
    expect((await get.json()).error.code).toBe('route_not_found');
    expect(await balance('client-a1')).toBe(65);

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const count = (status: number) =>
      Number(
        new RegExp(
          `luster_http_request_duration_seconds_count\\{method="POST",route="/api/v1/usage",status="${status}"\\} (\\d+)`,
        ).exec(metrics)?.[1],
      );
    expect(count(200)).toBeGreaterThanOrEqual(4);
    expect(count(400)).toBeGreaterThanOrEqual(4);
    expect(count(413)).toBe(1);
  });
});
