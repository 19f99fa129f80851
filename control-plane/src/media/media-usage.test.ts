import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../db/data-source.js';
import { createTestDatabase } from '../test-support/database.js';

/**
 * media_usage is what presigning and the organization view read as "bytes used"; triggers on
 * media_object keep it (migration MediaUsage). Whatever writes the objects — one row or a bulk
 * statement, an upsert, a delete, a row moved to another organization, concurrent transactions —
 * each organization's usage must equal the sum of its objects' sizes.
 */
describe('media usage kept by the media_object triggers', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  const orgs = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    db = await createTestDatabase('media_usage');
    dataSource = createDataSource(db.url);
    await dataSource.initialize();
    await dataSource.runMigrations();
  }, 60_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  /** Usage as the triggers kept it against the sum over the objects, per organization. */
  async function compare() {
    const rows: { id: string; kept: string; summed: string }[] = await dataSource.query(
      `SELECT o.id, coalesce(u.bytes, 0)::text AS kept,
              (SELECT coalesce(sum(size), 0) FROM media_object m WHERE m."organizationId" = o.id)::text AS summed
         FROM unnest($1::uuid[]) AS o(id) LEFT JOIN media_usage u ON u."organizationId" = o.id`,
      [orgs],
    );
    for (const row of rows) expect(row.kept, row.id).toBe(row.summed);
    return rows.map((r) => Number(r.kept));
  }

  const insert = (org: string, key: string, size: number) =>
    dataSource.query(
      `INSERT INTO media_object ("organizationId", key, size, "contentType", "uploadedAt") VALUES ($1, $2, $3, 'image/png', now())
       ON CONFLICT ("organizationId", key) DO UPDATE SET size = excluded.size`,
      [org, key, size],
    );

  it('follows inserts, bulk inserts, upserts, size changes, moves and deletes', async () => {
    const [a, b] = orgs as [string, string];
    await insert(a, '2026/01/one.png', 100);
    await dataSource.query(
      `INSERT INTO media_object ("organizationId", key, size, "contentType", "uploadedAt")
       SELECT $1, format('2026/02/bulk-%s.png', i), i, 'image/png', now() FROM generate_series(1, 1000) i`,
      [b],
    );
    expect(await compare()).toEqual([100, 500_500, 0]);
    // The same key recorded again (S3 said a new size): an upsert's update.
    await insert(a, '2026/01/one.png', 250);
    await dataSource.query(
      `UPDATE media_object SET size = size * 2 WHERE "organizationId" = $1 AND size <= 10`,
      [b],
    );
    await dataSource.query(
      `UPDATE media_object SET "organizationId" = $1 WHERE "organizationId" = $2 AND key = '2026/02/bulk-1000.png'`,
      [a, b],
    );
    await dataSource.query(`DELETE FROM media_object WHERE "organizationId" = $1 AND size < 100`, [b]);
    const [kept] = await compare();
    expect(kept).toBe(1250);
    await dataSource.query(`DELETE FROM media_object WHERE "organizationId" = ANY($1)`, [orgs]);
    expect(await compare()).toEqual([0, 0, 0]);
  });

  it('stays exact under concurrent transactions on one organization and rollbacks', async () => {
    const org = orgs[2] as string;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        dataSource
          .transaction(async (tx) => {
            await tx.query(
              `INSERT INTO media_object ("organizationId", key, size, "contentType", "uploadedAt") VALUES ($1, $2, $3, 'image/png', now())`,
              [org, `2026/03/c-${i}.png`, 10 + i],
            );
            if (i % 4 === 0) throw new Error('rolled back on purpose');
          })
          .catch((error: Error) => {
            if (error.message !== 'rolled back on purpose') throw error;
          }),
      ),
    );
    const committed = Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 4 !== 0);
    const [, , kept] = await compare();
    expect(kept).toBe(committed.reduce((n, i) => n + 10 + i, 0));
  });
});
