import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { verify } from './ledger.js';

const ORGANIZATIONS = 60;
const REPORTS = 8;

/** What each organization starts with: some nothing at all, some a monthly limit, some a threshold. */
const planOf = (i: number) => ({
  granted: i % 7,
  monthly: i % 3 === 0 && i % 7 > 0 ? 2 : null,
  threshold: i % 4 === 1 && i % 7 > 0 ? 2 : null,
});

/**
 * Reports of many organizations at once share debit statements (usage-debit.ts): every report is
 * still judged on ITS organization's row — each debited exactly once, refused with that
 * organization's 402 or 429, one low-balance crossing per organization — and the ledger balances.
 */
describe('usage spread over many organizations at once', () => {
  let server: TestServer;
  // biome-ignore lint/suspicious/noExplicitAny: the tests' JSON client
  let admin: any;
  const orgs: { id: string; key: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    const [platform] = await server.services.dataSource.query(
      `SELECT id, path FROM organization WHERE kind = 'platform'`,
    );
    // Organization rows without tenants (provisioning 60 through git is not what is tested);
    // their credits, limits and keys go through the API.
    const made: { id: string }[] = await server.services.dataSource.query(
      `INSERT INTO organization (id, slug, name, kind, "parentId", path)
       SELECT g.id, 'spread-' || g.n, 'Spread ' || g.n, 'organization', $1, $2 || g.id || '/'
         FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $3) n) g ORDER BY g.n
       RETURNING id`,
      [platform.id, platform.path, ORGANIZATIONS],
    );
    expect((await admin.put('/credits/prices/ai.text', { credits: 1 })).status).toBe(200);
    for (const [i, { id }] of made.entries()) {
      const plan = planOf(i);
      if (plan.granted > 0) {
        const granted = await admin.post(`/organizations/${id}/credits/grants`, {
          amount: plan.granted,
          idempotencyKey: randomUUID(),
        });
        expect(granted.status).toBe(201);
        const limit = await admin.put(`/organizations/${id}/credits/limit`, {
          ...(plan.monthly === null ? {} : { monthly: plan.monthly }),
          ...(plan.threshold === null ? {} : { lowBalanceThreshold: plan.threshold }),
        });
        expect(limit.status).toBe(200);
      }
      const key = await admin.post(`/organizations/${id}/api-keys`);
      expect(key.status).toBe(201);
      orgs.push({ id, key: key.body.key });
    }
  }, 300_000);
  afterAll(() => server?.close());

  it('debits each report of each organization exactly once, with that organization’s refusals', async () => {
    // Every report sent twice with its key, all at once, interleaved across organizations.
    const reports = orgs.flatMap((org, i) =>
      Array.from({ length: REPORTS }, () => ({ i, org, idempotencyKey: randomUUID() })),
    );
    const sent = [...reports, ...reports].sort((a, b) => a.idempotencyKey.localeCompare(b.idempotencyKey));
    const answers = await Promise.all(
      sent.map((r) =>
        server.services.usage
          .record({
            authorization: `Bearer ${r.org.key}`,
            feature: 'ai.text',
            quantity: 1,
            idempotencyKey: r.idempotencyKey,
          })
          .then(
            (debit) => ({ ...r, code: 'debited', replayed: debit.replayed, balance: debit.balance }),
            (error) => ({ ...r, code: error.code ?? String(error), replayed: false, balance: NaN }),
          ),
      ),
    );
    for (const [i, org] of orgs.entries()) {
      const plan = planOf(i);
      const expected = Math.min(plan.granted, plan.monthly ?? REPORTS, REPORTS);
      const mine = answers.filter((a) => a.i === i);
      const byKey = new Map<string, typeof mine>();
      for (const a of mine) byKey.set(a.idempotencyKey, [...(byKey.get(a.idempotencyKey) ?? []), a]);
      const debitedKeys = [...byKey.values()].filter((pair) => pair.some((a) => a.code === 'debited'));
      expect(debitedKeys, `organization ${i}`).toHaveLength(expected);
      for (const pair of byKey.values()) {
        // Both answers of one key agree; a debited key was charged once and replayed once.
        expect(new Set(pair.map((a) => a.code)).size, `organization ${i}`).toBe(1);
        if (pair[0]?.code === 'debited') expect(pair.map((a) => a.replayed).sort()).toEqual([false, true]);
      }
      const refusal =
        plan.monthly !== null && plan.monthly < plan.granted ? 'limit_reached' : 'insufficient_credits';
      expect(
        [...new Set(mine.filter((a) => a.code !== 'debited').map((a) => a.code))],
        `organization ${i}`,
      ).toEqual(expected < REPORTS ? [refusal] : []);
      // Charged one after the other on its own row: the fresh debits saw granted-1 … granted-expected.
      expect(
        mine
          .filter((a) => a.code === 'debited' && !a.replayed)
          .map((a) => a.balance)
          .sort((a, b) => b - a),
      ).toEqual(Array.from({ length: expected }, (_, n) => plan.granted - 1 - n));
      const [row] = await server.services.dataSource.query(
        `SELECT (SELECT count(*)::int FROM credit_entry WHERE "fromOrganizationId" = $1 AND kind = 'usage') AS entries,
                (SELECT balance::int FROM credit_balance WHERE "organizationId" = $1) AS balance,
                (SELECT "lowBalanceNotified" FROM credit_balance WHERE "organizationId" = $1) AS notified`,
        [org.id],
      );
      expect(row.entries, `organization ${i}`).toBe(expected);
      expect(row.balance ?? 0, `organization ${i}`).toBe(plan.granted - expected);
      expect(row.notified ?? false, `organization ${i}`).toBe(
        plan.threshold !== null && expected > 0 && plan.granted - expected < plan.threshold,
      );
    }
    expect(await verify(server.services.dataSource.manager)).toEqual([]);
  }, 300_000);
});
