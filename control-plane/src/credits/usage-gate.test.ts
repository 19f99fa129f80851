import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv } from '../test-support/api-client.js';
import { approvedAgencyWithClient } from '../test-support/approved-agency.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { verify } from './ledger.js';

/**
 * The approval gate on usage: an API key debits only while its organization and every one above
 * it are approved and live — the same rule and answers as `authorize()` gives writes
 * (`409 invalid_state` once stopped, `403 agency_not_approved` before approval), checked inside
 * the debit statement. A refused report moves nothing.
 */
describe('usage of an organization that is not approved and live', () => {
  let server: TestServer;
  let scene: Awaited<ReturnType<typeof approvedAgencyWithClient>>;
  let agencyKey: string;
  let clientKey: string;

  const report = (key: string, idempotencyKey = randomUUID()) =>
    fetch(`${server.url}/api/v1/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ feature: 'ai.text', quantity: 1, idempotencyKey }),
    }).then(async (res) => ({ status: res.status, body: await res.json() }));
  const outcome = (a: { status: number; body: { error?: { code: string } } }) => [
    a.status,
    a.body.error?.code ?? null,
  ];
  const usageEntries = async () =>
    (
      await server.services.dataSource.query(
        `SELECT count(*)::int AS n FROM credit_entry WHERE kind = 'usage'`,
      )
    )[0].n;
  const setState = (organizationId: string, state: string) =>
    server.services.dataSource.query(`UPDATE tenant SET state = $2 WHERE "organizationId" = $1`, [
      organizationId,
      state,
    ]);

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    scene = await approvedAgencyWithClient(server, {
      agency: 'Gate Agency',
      email: 'owner@gate-agency.test',
      client: 'Gate Client',
    });
    const { admin, agencyId, clientId } = scene;
    expect((await admin.put('/credits/prices/ai.text', { credits: 1 })).status).toBe(200);
    for (const id of [agencyId, clientId]) {
      const granted = await admin.post(`/organizations/${id}/credits/grants`, {
        amount: 100,
        idempotencyKey: randomUUID(),
      });
      expect(granted.status).toBe(201);
    }
    agencyKey = (await admin.post(`/organizations/${agencyId}/api-keys`)).body.key;
    clientKey = (await admin.post(`/organizations/${clientId}/api-keys`)).body.key;
  }, 180_000);
  afterAll(() => server?.close());

  it('refuses a suspended organization with 409 invalid_state, and debits again once it is resumed', async () => {
    expect(outcome(await report(clientKey))).toEqual([200, null]);
    const before = await usageEntries();
    const suspended = await scene.agency.post(`/organizations/${scene.clientId}/suspend`, {
      reason: 'unpaid invoice',
    });
    expect(suspended.status).toBe(200);
    const refused = await report(clientKey);
    expect(outcome(refused)).toEqual([409, 'invalid_state']);
    expect(refused.body.error.details).toMatchObject({ organizationId: scene.clientId, state: 'suspended' });
    expect(await usageEntries()).toBe(before);
    expect((await scene.admin.get(`/organizations/${scene.clientId}/credits`)).body.balance).toBe(99);

    expect((await scene.agency.post(`/organizations/${scene.clientId}/resume`)).status).toBe(200);
    expect(outcome(await report(clientKey))).toEqual([200, null]);
    expect(await usageEntries()).toBe(before + 1);
  });

  it('refuses a client whose agency is stopped or unapproved, naming the agency', async () => {
    for (const [state, status, code] of [
      ['suspended', 409, 'invalid_state'],
      ['deprovisioned', 409, 'invalid_state'],
      ['pending_review', 403, 'agency_not_approved'],
      ['rejected', 403, 'agency_not_approved'],
    ] as const) {
      await setState(scene.agencyId, state);
      const before = await usageEntries();
      for (const key of [clientKey, agencyKey]) {
        const refused = await report(key);
        expect([state, ...outcome(refused)]).toEqual([state, status, code]);
        expect(refused.body.error.details).toMatchObject({ organizationId: scene.agencyId, state });
      }
      expect(await usageEntries()).toBe(before);
    }
    await setState(scene.agencyId, 'active');
    expect(outcome(await report(clientKey))).toEqual([200, null]);
    expect(outcome(await report(agencyKey))).toEqual([200, null]);
  });

  it('refuses a retry of a report debited before the suspension as well: nothing is answered from a stopped organization', async () => {
    const idempotencyKey = randomUUID();
    expect(outcome(await report(clientKey, idempotencyKey))).toEqual([200, null]);
    await setState(scene.clientId, 'suspended');
    expect(outcome(await report(clientKey, idempotencyKey))).toEqual([409, 'invalid_state']);
    await setState(scene.clientId, 'active');
    const replayed = await report(clientKey, idempotencyKey);
    expect(replayed.body).toMatchObject({ replayed: true, charged: 1 });
    expect(await verify(server.services.dataSource.manager)).toEqual([]);
  });
});
