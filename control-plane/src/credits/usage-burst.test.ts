import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, registerAndSignIn } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { verify } from './ledger.js';
import type { UsageAnswer } from './usage.service.js';

const BURST = 1000;
const GRANTED = 300;
const OVERDRAFT = 20;

/**
 * 1,000 usage reports at once for ONE organization, with nothing holding them back: the pool (20 connections) must not run dry while they queue on the one
 * balance row — every answer is a debit or a 402, never a 503 — and the debits are exactly what
 * the balance and overdraft allow, each one seeing a different balance.
 */
describe('a burst of usage on one organization', () => {
  let server: TestServer;
  let organizationId: string;
  let apiKey: string;
  // biome-ignore lint/suspicious/noExplicitAny: the tests' JSON client
  let superadmin: any;

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    const api = client(server, await adminToken(server));
    superadmin = api;
    const me = await api.get('/me');
    const made = await api.post('/organizations', {
      organizationName: 'Hot',
      projectType: 'website',
      parentId: me.body.memberships[0].organizationId,
    });
    expect(made.status).toBe(201);
    organizationId = made.body.organization.id;
    expect((await api.put('/credits/prices/ai.text', { credits: 1 })).status).toBe(200);
    expect((await api.put('/credits/prices/ai.image', { credits: 5 })).status).toBe(200);
    const granted = await api.post(`/organizations/${organizationId}/credits/grants`, {
      amount: GRANTED,
      idempotencyKey: randomUUID(),
    });
    expect(granted.status).toBe(201);
    expect(
      (await api.put(`/organizations/${organizationId}/credits/limit`, { overdraft: OVERDRAFT })).status,
    ).toBe(200);
    apiKey = (await api.post(`/organizations/${organizationId}/api-keys`)).body.key;
  }, 120_000);
  afterAll(() => server?.close());

  it('debits exactly what the balance and overdraft allow, and refuses the rest with 402, never 503', async () => {
    // Through the service (what the route calls): 1,000 open sockets would test the kernel's
    // accept queue; the pool is what ran dry.
    const answers = await Promise.all(
      Array.from({ length: BURST }, () =>
        server.services.usage
          .record({
            authorization: `Bearer ${apiKey}`,
            feature: 'ai.text',
            quantity: 1,
            idempotencyKey: randomUUID(),
          })
          .then(
            (debit) => ({ outcome: 'debited', balance: debit.balance }),
            (error) => ({ outcome: error.code ?? String(error), balance: error.data?.balance }),
          ),
      ),
    );
    expect([...new Set(answers.map((a) => a.outcome))].sort()).toEqual(['debited', 'insufficient_credits']);
    const debited = answers.filter((a) => a.outcome === 'debited');
    expect(debited).toHaveLength(GRANTED + OVERDRAFT);
    // One after the other on the locked row: every debit saw its own balance, down to -overdraft.
    expect(debited.map((a) => a.balance as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: GRANTED + OVERDRAFT }, (_, i) => i - OVERDRAFT),
    );
    const credits = await client(server, await adminToken(server)).get(
      `/organizations/${organizationId}/credits`,
    );
    expect(credits.body.balance).toBe(-OVERDRAFT);
    expect(await verify(server.services.dataSource.manager)).toEqual([]);
  }, 120_000);
  it('keeps to the monthly limit with mixed prices, and mails one low-balance crossing, however the reports are batched', async () => {
    const { organizationId: orgId, owner } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Mixed',
      email: 'owner@mixed-burst.test',
    });
    const granted = await superadmin.post(`/organizations/${orgId}/credits/grants`, {
      amount: 1000,
      idempotencyKey: randomUUID(),
    });
    expect(granted.status).toBe(201);
    const limit = await superadmin.put(`/organizations/${orgId}/credits/limit`, {
      monthly: 700,
      lowBalanceThreshold: 500,
    });
    expect(limit.status).toBe(200);
    const key = (await owner.post(`/organizations/${orgId}/api-keys`)).body.key as string;
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => {
        const feature = i % 3 === 0 ? 'ai.image' : 'ai.text';
        return server.services.usage
          .record({ authorization: `Bearer ${key}`, feature, quantity: 1, idempotencyKey: randomUUID() })
          .then(
            (debit) => ({ outcome: 'debited', ...debit }),
            (error) => ({ outcome: error.code ?? String(error), details: error.data }),
          );
      }),
    );
    expect([...new Set(answers.map((a) => a.outcome))].sort()).toEqual(['debited', 'limit_reached']);
    // Serial on the row: ordered by the balance each saw, every debit is the one before less its price.
    const debited = answers
      .filter((a): a is { outcome: string } & UsageAnswer => a.outcome === 'debited')
      .sort((a, b) => b.balance - a.balance);
    let balance = 1000;
    for (const d of debited) {
      balance -= d.charged;
      expect(d.balance).toBe(balance);
    }
    const spent = 1000 - balance;
    expect(spent).toBeLessThanOrEqual(700);
    // Nothing that fitted was refused: each 429 names a spend that this report would take past 700.
    for (const refused of answers.filter((a) => a.outcome === 'limit_reached')) {
      const details = (refused as { details: Record<string, number> }).details;
      expect(details.spentThisMonth + details.amount).toBeGreaterThan(700);
      expect(details.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(spent).toBeGreaterThan(695);
    // The balance crossed 500 once: one mail to the owner, and the flag set.
    const mails = await server.services.dataSource.query(
      `SELECT "to" FROM mail_outbox WHERE kind = 'credits_low_balance'`,
    );
    expect(mails).toEqual([{ to: 'owner@mixed-burst.test' }]);
    const [row] = await server.services.dataSource.query(
      `SELECT "lowBalanceNotified" AS notified FROM credit_balance WHERE "organizationId" = $1`,
      [orgId],
    );
    expect(row.notified).toBe(true);
    expect(await verify(server.services.dataSource.manager)).toEqual([]);
  }, 120_000);
});
