import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client } from '../test-support/api-client.js';
import { type ChildServer, spawnControlPlane } from '../test-support/child-process.js';
import { createTestDatabase } from '../test-support/database.js';
import { startTestServer } from '../test-support/server.js';
import { verify } from './ledger.js';

const REPORTS = 600;
const IN_FLIGHT = 40;
const PRICE = 3;
const GRANTED = 1_000_000;

/**
 * A real control-plane process (tsx, src/main.ts) killed with SIGKILL in the middle of a burst of
 * usage reports, then restarted on the same database: every report the dead process acknowledged
 * is in the ledger once, a retry of every report with its key charges each exactly once, and the
 * books balance.
 */
describe('usage debits across a kill -9 of the control plane', () => {
  let dataDir: string;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  let organizationId: string;
  let apiKey: string;
  let child: ChildServer | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'luster-usage-crash-'));
    db = await createTestDatabase('usage_crash');
    env = {
      ...apiTestEnv,
      DATABASE_URL: db.url,
      LUSTER_DATA_DIR: dataDir,
      LUSTER_ADMIN_EMAIL: 'admin@example.test',
      LUSTER_ADMIN_PASSWORD: 'correct-horse-battery',
      RECONCILE_INTERVAL_SECONDS: '0',
    };
    // The organization, its credits, the price and the CMS's key, set up in process; then the
    // data is handed over to the process that will be killed.
    const setup = await startTestServer(env, { dataDir, databaseUrl: db.url });
    const api = client(setup, await adminToken(setup));
    const me = await api.get('/me');
    const made = await api.post('/organizations', {
      organizationName: 'Metered',
      projectType: 'website',
      parentId: me.body.memberships[0].organizationId,
    });
    expect(made.status).toBe(201);
    organizationId = made.body.organization.id;
    expect((await api.put('/credits/prices/ai.text', { credits: PRICE })).status).toBe(200);
    const granted = await api.post(`/organizations/${organizationId}/credits/grants`, {
      amount: GRANTED,
      idempotencyKey: randomUUID(),
    });
    expect(granted.status).toBe(201);
    apiKey = (await api.post(`/organizations/${organizationId}/api-keys`)).body.key;
    await setup.stop();
    child = await spawnControlPlane(env);
  }, 180_000);

  afterAll(async () => {
    if (child && child.process.exitCode === null && child.process.signalCode === null) {
      child.process.kill('SIGTERM');
      await child.exited;
    }
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const report = (url: string, idempotencyKey: string) =>
    fetch(`${url}/api/v1/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ feature: 'ai.text', quantity: 1, idempotencyKey }),
    }).then(async (res) => ({ status: res.status, body: await res.json() }));

  it('loses no acknowledged debit and duplicates none', async () => {
    const victim = child as ChildServer;
    const keys = Array.from({ length: REPORTS }, () => randomUUID());
    const acknowledged = new Map<string, number>();
    let next = 0;
    let killed = false;
    const burst = Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < keys.length) {
          const key = keys[next++] as string;
          const answer = await report(victim.url, key).catch(() => null);
          if (answer && answer.status >= 200 && answer.status < 300) {
            acknowledged.set(key, answer.body.charged);
            // Mid-burst: some reports answered, others in flight inside the process.
            if (acknowledged.size === 100 && !killed) {
              killed = true;
              victim.process.kill('SIGKILL');
            }
          }
        }
      }),
    );
    await burst;
    expect(killed).toBe(true);
    expect(await victim.exited).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(100);
    expect(acknowledged.size).toBeLessThan(REPORTS);

    const restarted = await startTestServer(env, { dataDir, databaseUrl: db.url });
    try {
      const { dataSource } = restarted.services;
      const ledgerKeys = async () =>
        (
          (await dataSource.query(
            `SELECT "idempotencyKey" AS key, amount::float8 AS amount FROM credit_entry
              WHERE kind = 'usage' AND "fromOrganizationId" = $1`,
            [organizationId],
          )) as { key: string; amount: number }[]
        ).map((e) => {
          expect(e.amount).toBe(PRICE);
          return e.key.slice(`usage:${organizationId}:`.length);
        });
      // Nothing the dead process acknowledged is missing.
      const survived = await ledgerKeys();
      for (const key of acknowledged.keys()) expect(survived).toContain(key);
      expect(await verify(dataSource.manager)).toEqual([]);

      // The CMS retries every report with its key: each is charged exactly once in all.
      for (let i = 0; i < keys.length; i += IN_FLIGHT) {
        const answers = await Promise.all(
          keys
            .slice(i, i + IN_FLIGHT)
            .map(async (key) => ({ key, answer: await report(restarted.url, key) })),
        );
        for (const { key, answer } of answers) {
          expect(answer.status).toBe(200);
          expect(answer.body.charged).toBe(PRICE);
          // What the dead process acknowledged (and what it committed unanswered) is a replay now.
          expect(answer.body.replayed).toBe(survived.includes(key));
        }
      }
      const charged = await ledgerKeys();
      expect(charged).toHaveLength(REPORTS);
      expect(new Set(charged)).toEqual(new Set(keys));
      const [balance] = await dataSource.query(
        `SELECT balance::float8 AS balance FROM credit_balance WHERE "organizationId" = $1`,
        [organizationId],
      );
      expect(balance.balance).toBe(GRANTED - REPORTS * PRICE);
      expect(await verify(dataSource.manager)).toEqual([]);
    } finally {
      await restarted.stop();
    }
  }, 180_000);
});
