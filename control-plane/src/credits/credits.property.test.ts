import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, tokenFor } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { platformTotals, post, verify } from './ledger.js';

/*
 * Properties of the credits over random trees and random sequences of grants, takebacks and usage,
 * each made by a superadmin (-1) or by an agency admin of a random node. The expected outcome of
 * every step and every balance come from a model built on the generated parent pointers — not from
 * materialised paths, which is what the implementation uses:
 *
 *   · no sequence of grants moves credits up or sideways: a grant lands only strictly below the
 *     granter, a takeback returns only what that granter gave and the client has not spent;
 *   · the sum of all balances equals what the platform issued minus what usage spent.
 */

type Op = { op: 'grant' | 'takeback' | 'usage'; actor: number; target: number; amount: number };

const treeArb = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 }),
      ),
    ),
  );
const opArb = fc.record({
  op: fc.constantFrom<Op['op']>('grant', 'grant', 'takeback', 'usage'),
  actor: fc.integer({ min: -1, max: 6 }),
  target: fc.nat({ max: 6 }),
  amount: fc.integer({ min: 1, max: 60 }),
});

/** Runs at most `n` of the given tasks at a time. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

describe('credits over random trees', () => {
  let server: TestServer;
  let platform: { id: string; path: string };
  let superadmin: ReturnType<typeof client>;
  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    [platform] = await server.services.dataSource.query(
      `SELECT id, path FROM organization WHERE kind = 'platform'`,
    );
    superadmin = client(server, await adminToken(server));
  });
  afterAll(() => server?.close());

  async function insertTree(parents: number[]): Promise<{ ids: string[]; paths: string[] }> {
    const ids: string[] = [];
    const paths: string[] = [];
    const run = randomUUID().slice(0, 8);
    for (const [i, parent] of parents.entries()) {
      const id = randomUUID();
      ids.push(id);
      paths.push(`${parent === -1 ? platform.path : paths[parent]}${id}/`);
      await server.services.dataSource.query(
        `INSERT INTO organization (id, slug, name, kind, "parentId", path) VALUES ($1, $2, $3, 'agency', $4, $5)`,
        [id, `cp-${run}-${i}`, `Node ${i}`, parent === -1 ? platform.id : ids[parent], paths[i]],
      );
    }
    return { ids, paths };
  }

  async function agencyAdmin(organizationId: string) {
    const [user] = await server.services.dataSource.query(
      `INSERT INTO "user" (email, name, "passwordHash") VALUES ($1, 'Prop', '!') RETURNING id`,
      [`${randomUUID()}@credits-prop.test`],
    );
    await server.services.dataSource.query(
      `INSERT INTO membership ("userId", "organizationId", role) VALUES ($1, $2, 'agency_admin')`,
      [user.id, organizationId],
    );
    return client(server, tokenFor(server, user.id));
  }

  it('moves credits only down, and the books always balance', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, fc.array(opArb, { minLength: 1, maxLength: 25 }), async (parents, ops) => {
        const n = parents.length;
        const { ids } = await insertTree(parents);
        const admins = await Promise.all(ids.map((id) => agencyAdmin(id)));
        /** Whether node `d` is strictly below node `a` (-1: the platform, above everything). */
        const below = (d: number, a: number): boolean => {
          for (let i = parents[d] as number; ; i = parents[i] as number) {
            if (i === a) return true;
            if (i === -1) return false;
          }
        };
        const balance = Array<number>(n).fill(0);
        // outstanding[granter + 1][client]: what that granter gave and did not take back.
        const outstanding = Array.from({ length: n + 1 }, () => Array<number>(n).fill(0));
        for (const raw of ops) {
          const o = { ...raw, actor: raw.actor >= n ? raw.actor % n : raw.actor, target: raw.target % n };
          const id = ids[o.target] as string;
          const api = o.actor === -1 ? superadmin : (admins[o.actor] as ReturnType<typeof client>);
          const body = { amount: o.amount, idempotencyKey: randomUUID() };
          const downward = o.actor === -1 || below(o.target, o.actor);
          const seen = o.actor === -1 || o.target === o.actor || downward;
          let want: number | string;
          let got: number | string;
          if (o.op === 'usage') {
            want = (balance[o.target] as number) >= o.amount ? 'ok' : 'insufficient_credits';
            got = await server.services.dataSource
              .transaction((tx) =>
                post(tx, {
                  idempotencyKey: `prop:${randomUUID()}`,
                  kind: 'usage',
                  from: { account: 'organization', organizationId: id },
                  to: { account: 'usage' },
                  amount: o.amount,
                  at: new Date(),
                  floor: 'overdraft',
                }),
              )
              .then(
                () => 'ok',
                (error) => error.code,
              );
            if (want === 'ok') balance[o.target] = (balance[o.target] as number) - o.amount;
          } else {
            const res = await api.post(
              `/organizations/${id}/credits/${o.op === 'grant' ? 'grants' : 'takebacks'}`,
              body,
            );
            got = res.status === 201 ? 'ok' : res.body.error.code;
            const granted = outstanding[o.actor + 1] as number[];
            if (!seen) want = 'organization_not_found';
            else if (!downward) want = 'forbidden';
            else if (o.op === 'grant') {
              want =
                o.actor === -1 || (balance[o.actor] as number) >= o.amount ? 'ok' : 'insufficient_credits';
              if (want === 'ok') {
                if (o.actor !== -1) balance[o.actor] = (balance[o.actor] as number) - o.amount;
                balance[o.target] = (balance[o.target] as number) + o.amount;
                granted[o.target] = (granted[o.target] as number) + o.amount;
              }
            } else {
              want =
                (balance[o.target] as number) < o.amount
                  ? 'insufficient_credits'
                  : (granted[o.target] as number) < o.amount
                    ? 'takeback_exceeds_granted'
                    : 'ok';
              if (want === 'ok') {
                if (o.actor !== -1) balance[o.actor] = (balance[o.actor] as number) + o.amount;
                balance[o.target] = (balance[o.target] as number) - o.amount;
                granted[o.target] = (granted[o.target] as number) - o.amount;
              }
            }
          }
          expect({ ...o, got }).toEqual({ ...o, got: want });
        }
        const stored: { organizationId: string; balance: number }[] = await server.services.dataSource.query(
          `SELECT "organizationId", balance::float8 AS balance FROM credit_balance WHERE "organizationId" = ANY($1::uuid[])`,
          [ids],
        );
        const byId = new Map(stored.map((r) => [r.organizationId, r.balance]));
        expect(ids.map((id) => byId.get(id) ?? 0)).toEqual(balance);
        // Every grant in the whole ledger lands strictly below its granter, every takeback goes back up.
        const wrongWay = await server.services.dataSource.query(
          `SELECT e.id FROM credit_entry e
             JOIN organization f ON f.id = e."fromOrganizationId" JOIN organization t ON t.id = e."toOrganizationId"
            WHERE (e.kind = 'grant' AND NOT (t.path LIKE f.path || '%' AND t.id <> f.id))
               OR (e.kind = 'takeback' AND NOT (f.path LIKE t.path || '%' AND t.id <> f.id))`,
        );
        expect(wrongWay).toEqual([]);
        const totals = await platformTotals(server.services.dataSource.manager);
        const [{ sum }] = await server.services.dataSource.query(
          'SELECT coalesce(sum(balance), 0)::float8 AS sum FROM credit_balance',
        );
        // What the platform issued (its account's negated total) less what usage took in.
        expect(sum).toBe(Math.abs(totals.issuance) - totals.usage);
        expect(await verify(server.services.dataSource.manager)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  }, 300_000);

  it('never takes an organization below zero under 1,000 concurrent grants and usages', async () => {
    const { ids } = await insertTree([-1, 0]);
    const [agencyId, clientId] = ids as [string, string];
    const actor = await server.services.auth.authenticate({
      authorization: `Bearer ${tokenFor(server, (await agencyAdminId(agencyId)) as string)}`,
      orgContext: undefined,
    });
    expect(
      (
        await superadmin.post(`/organizations/${agencyId}/credits/grants`, {
          amount: 300,
          idempotencyKey: randomUUID(),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await superadmin.post(`/organizations/${clientId}/credits/grants`, {
          amount: 100,
          idempotencyKey: randomUUID(),
        })
      ).status,
    ).toBe(201);
    const seenBalances: number[] = [];
    // All 1,000 are started together; the pool (20 connections) lets through what the database
    // can take and a limiter keeps each one's wait for a connection under the pool's 5 s timeout
    // on a loaded test machine. They still contend for the same two rows throughout.
    const inFlight = limiter(100);
    const outcomes = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        inFlight(() =>
          i % 2 === 0
            ? server.services.credits
                .grant({ actor, organizationId: clientId, amount: 1, idempotencyKey: randomUUID() })
                .then(
                  () => 'granted',
                  (error) => error.code ?? String(error),
                )
            : server.services.dataSource
                .transaction((tx) =>
                  post(tx, {
                    idempotencyKey: `burst:${randomUUID()}`,
                    kind: 'usage',
                    from: { account: 'organization', organizationId: clientId },
                    to: { account: 'usage' },
                    amount: 1,
                    at: new Date(),
                    floor: 'overdraft',
                  }),
                )
                .then(
                  (posted) => {
                    seenBalances.push(posted.fromBalance as number);
                    return 'used';
                  },
                  (error) => error.code ?? String(error),
                ),
        ),
      ),
    );
    const count = (what: string) => outcomes.filter((o) => o === what).length;
    // The agency had 300 to give: exactly 300 of its 500 grants land.
    expect(count('granted')).toBe(300);
    expect(count('granted') + count('used') + count('insufficient_credits')).toBe(1000);
    expect(Math.min(...seenBalances)).toBeGreaterThanOrEqual(0);
    const [agencyLeft, clientLeft] = await Promise.all(
      ids.map(async (id) => (await superadmin.get(`/organizations/${id}/credits`)).body.balance as number),
    );
    expect(agencyLeft).toBe(0);
    expect(clientLeft).toBe(100 + 300 - count('used'));
    expect(clientLeft).toBeGreaterThanOrEqual(0);
    expect(await verify(server.services.dataSource.manager)).toEqual([]);
  }, 120_000);

  async function agencyAdminId(organizationId: string) {
    const [user] = await server.services.dataSource.query(
      `INSERT INTO "user" (email, name, "passwordHash") VALUES ($1, 'Burst', '!') RETURNING id`,
      [`${randomUUID()}@credits-burst.test`],
    );
    await server.services.dataSource.query(
      `INSERT INTO membership ("userId", "organizationId", role) VALUES ($1, $2, 'agency_admin')`,
      [user.id, organizationId],
    );
    return user.id as string;
  }
});
