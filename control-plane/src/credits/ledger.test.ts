import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../db/data-source.js';
import { DomainError } from '../errors/index.js';
import { createLogger } from '../logger.js';
import { createTestDatabase } from '../test-support/database.js';
import { platformTotals, post, type Side, type Transfer, verify } from './ledger.js';
import { createLedgerCheck } from './ledger-check.js';

const march = new Date('2026-03-15T12:00:00Z');
const april = new Date('2026-04-01T00:00:00Z');
const org = (organizationId: string): Side => ({ account: 'organization', organizationId });
const issuance: Side = { account: 'issuance' };
const usage: Side = { account: 'usage' };

/** Runs `task` `count` times, `width` at a time; answers the outcomes in order. */
async function atOnce<T>(width: number, count: number, task: () => Promise<T>): Promise<T[]> {
  const outcomes: T[] = [];
  let started = 0;
  const lane = async () => {
    while (started < count) {
      const i = started++;
      outcomes[i] = await task();
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return outcomes;
}

describe('the credit ledger', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  const move = (t: Partial<Transfer> & Pick<Transfer, 'from' | 'to' | 'amount'>) =>
    dataSource.transaction((tx) =>
      post(tx, { idempotencyKey: randomUUID(), kind: 'grant', at: march, floor: 'zero', ...t }),
    );
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof DomainError ? error.code : error),
    );
  const balance = async (organizationId: string) =>
    Number(
      (
        await dataSource.query(`SELECT balance FROM credit_balance WHERE "organizationId" = $1`, [
          organizationId,
        ])
      )[0]?.balance ?? 0,
    );
  const entries = async () => Number((await dataSource.query('SELECT count(*) AS n FROM credit_entry'))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('credits');
    dataSource = createDataSource(db.url);
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('moves credits between two accounts as one entry and keeps the balance row in step', async () => {
    const a = randomUUID();
    const posted = await move({ kind: 'issue', from: issuance, to: org(a), amount: 500 });
    expect(posted).toMatchObject({ replayed: false, fromBalance: null, toBalance: 500 });
    expect(posted.entry).toMatchObject({
      kind: 'issue',
      fromAccount: 'issuance',
      toOrganizationId: a,
      amount: 500,
    });
    expect(await balance(a)).toBe(500);
    expect(await verify(dataSource.manager)).toEqual([]);
  });

  it('answers the same idempotency key with the first movement, never a second one', async () => {
    const a = randomUUID();
    const key = `test:${randomUUID()}`;
    const first = await move({ idempotencyKey: key, kind: 'issue', from: issuance, to: org(a), amount: 70 });
    const again = await move({ idempotencyKey: key, kind: 'issue', from: issuance, to: org(a), amount: 70 });
    expect(again).toMatchObject({ replayed: true, entry: { id: first.entry.id } });
    expect(await balance(a)).toBe(70);
  });

  it('makes one movement when ten requests with the same key race', async () => {
    const a = randomUUID();
    const key = `test:${randomUUID()}`;
    const before = await entries();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        move({ idempotencyKey: key, kind: 'issue', from: issuance, to: org(a), amount: 9 }),
      ),
    );
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await entries()).toBe(before + 1);
    expect(await balance(a)).toBe(9);
  });

  it('refuses a key reused for a different movement', async () => {
    const a = randomUUID();
    const key = `test:${randomUUID()}`;
    await move({ idempotencyKey: key, kind: 'issue', from: issuance, to: org(a), amount: 5 });
    expect(
      await refusal(move({ idempotencyKey: key, kind: 'issue', from: issuance, to: org(a), amount: 6 })),
    ).toBe('idempotency_key_reused');
    expect(await balance(a)).toBe(5);
  });

  it('refuses to take an organization below zero and writes nothing', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await move({ kind: 'issue', from: issuance, to: org(a), amount: 10 });
    const before = await entries();
    expect(await refusal(move({ from: org(a), to: org(b), amount: 11 }))).toBe('insufficient_credits');
    expect(await entries()).toBe(before);
    expect([await balance(a), await balance(b)]).toEqual([10, 0]);
    await move({ from: org(a), to: org(b), amount: 10 });
    expect([await balance(a), await balance(b)]).toEqual([0, 10]);
  });

  it('lets usage, and only usage, go as far below zero as the overdraft', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await move({ kind: 'issue', from: issuance, to: org(a), amount: 10 });
    await dataSource.query(`UPDATE credit_balance SET overdraft = 5 WHERE "organizationId" = $1`, [a]);
    expect(await refusal(move({ from: org(a), to: org(b), amount: 11 }))).toBe('insufficient_credits');
    const used = await move({ kind: 'usage', from: org(a), to: usage, amount: 15, floor: 'overdraft' });
    expect(used.fromBalance).toBe(-5);
    expect(
      await refusal(move({ kind: 'usage', from: org(a), to: usage, amount: 1, floor: 'overdraft' })),
    ).toBe('insufficient_credits');
  });

  it('counts usage per calendar month and starts again in the next one', async () => {
    const a = randomUUID();
    await move({ kind: 'issue', from: issuance, to: org(a), amount: 100 });
    await move({ kind: 'usage', from: org(a), to: usage, amount: 30, floor: 'overdraft' });
    await move({ kind: 'usage', from: org(a), to: usage, amount: 20, floor: 'overdraft' });
    const seen: number[] = [];
    const spent = (at: Date) =>
      move({
        kind: 'usage',
        from: org(a),
        to: usage,
        amount: 1,
        at,
        floor: 'overdraft',
        check: async ({ from }) => {
          seen.push(from?.spentThisMonth ?? -1);
        },
      });
    await spent(march);
    await spent(april);
    expect(seen).toEqual([50, 0]);
  });

  it('never lets concurrent debits take an organization below zero', async () => {
    const a = randomUUID();
    await move({ kind: 'issue', from: issuance, to: org(a), amount: 100 });
    // As many at once as the pool has connections: more would only queue for one, and on a busy
    // machine fail the pool's 5 s wait instead of racing in the database.
    const outcomes = await atOnce(20, 150, () =>
      refusal(move({ kind: 'usage', from: org(a), to: usage, amount: 1, floor: 'overdraft' })),
    );
    expect(outcomes.filter((o) => o === null)).toHaveLength(100);
    expect(outcomes.filter((o) => o === 'insufficient_credits')).toHaveLength(50);
    expect(await balance(a)).toBe(0);
    expect(await verify(dataSource.manager)).toEqual([]);
  });

  it('moves credits both ways between two organizations at once without deadlocking', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await move({ kind: 'issue', from: issuance, to: org(a), amount: 1000 });
    await move({ kind: 'issue', from: issuance, to: org(b), amount: 1000 });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0
          ? move({ from: org(a), to: org(b), amount: 3 })
          : move({ from: org(b), to: org(a), amount: 2 }),
      ),
    );
    expect([await balance(a), await balance(b)]).toEqual([1000 - 60 + 40, 1000 + 60 - 40]);
  });

  it('keeps entries append-only in the database itself', async () => {
    const a = randomUUID();
    const { entry } = await move({ kind: 'issue', from: issuance, to: org(a), amount: 1 });
    await expect(
      dataSource.query('UPDATE credit_entry SET amount = 2 WHERE id = $1', [entry.id]),
    ).rejects.toThrow(/append-only/);
    await expect(dataSource.query('DELETE FROM credit_entry WHERE id = $1', [entry.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query('TRUNCATE credit_entry')).rejects.toThrow(/append-only/);
  });

  it('balances the platform accounts against the organizations: every entry is double', async () => {
    const totals = await platformTotals(dataSource.manager);
    const [{ sum }] = await dataSource.query(
      'SELECT coalesce(sum(balance), 0)::float8 AS sum FROM credit_balance',
    );
    expect(totals.issuance).toBeLessThan(0);
    expect(sum + totals.issuance + totals.stripe + totals.usage).toBe(0);
  });

  it('finds a balance that differs from its entries, at start and in the gauge', async () => {
    const registry = new Registry();
    const check = createLedgerCheck({ dataSource, logger: createLogger('silent'), registry });
    const gauge = async () =>
      (await registry.getSingleMetric('luster_credit_ledger_mismatches')?.get())?.values[0]?.value;
    expect(await gauge()).toBe(-1);
    await check.start(0);
    expect(await gauge()).toBe(0);
    const a = randomUUID();
    await move({ kind: 'issue', from: issuance, to: org(a), amount: 40 });
    await dataSource.query(`UPDATE credit_balance SET balance = 41 WHERE "organizationId" = $1`, [a]);
    expect(await check.run()).toEqual([{ organizationId: a, balance: 41, entries: 40 }]);
    expect(await gauge()).toBe(1);
    await dataSource.query(`UPDATE credit_balance SET balance = 40 WHERE "organizationId" = $1`, [a]);
    await check.run();
    expect(await gauge()).toBe(0);
    await check.stop();
  });
});
