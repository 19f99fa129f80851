import { resolveRenderOptions } from '@luster/synth';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organization } from '../access/organization.entities.js';
import { createCatalogService } from '../catalog/catalog.service.js';
import { insertOrganizationWithTenant } from '../tenants/provisioning.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { platformDatabase } from '../test-support/platform-database.js';
import { Cluster } from './cluster.entities.js';
import { occupiesSlotSql } from './placement.js';

/**
 * Placement under concurrency, on real PostgreSQL: many organizations created at once, each in
 * its own transaction as registration and "add a client" do, must never put more tenants on a
 * cluster than its capacity — the last slot goes to exactly one of them.
 */
describe('placing tenants concurrently', () => {
  let scene: Awaited<ReturnType<typeof platformDatabase>>;
  let dataSource: DataSource;
  let platform: Organization;
  let n = 0;

  beforeAll(async () => {
    // More connections than the attempts below: every one of them runs at the same time.
    scene = await platformDatabase('placement', { maxConnections: 16 });
    ({ dataSource, platform } = scene);
  });
  afterAll(() => scene?.close());

  /**
   * Creates `count` organizations at once, the i-th under `parentOf(i)` (the platform by
   * default); answers each one's cluster or error code.
   */
  async function createAtOnce(count: number, parentOf: (i: number) => string = () => platform.id) {
    const { allowedImageRegistries } = resolveRenderOptions({ baseDomain: 'luster.test' });
    const catalog = createCatalogService({ dataSource, allowedImageRegistries });
    const attempts = Array.from({ length: count }, (_, i) => {
      const slug = `org-${++n}`;
      return dataSource.transaction(async (tx) => {
        const { tenant } = await insertOrganizationWithTenant(tx, catalog, {
          parent: { id: parentOf(i) },
          name: slug,
          slug,
          kind: 'organization',
          projectType: 'website',
          tier: 'starter',
          seedDemoData: false,
          state: 'provisioning',
        });
        // Work after the insert, as registration's change and mail are: the lock is still held.
        await tx.query('SELECT pg_sleep(0.05)');
        return tenant.cluster;
      });
    });
    return (await Promise.allSettled(attempts)).map((r) =>
      r.status === 'fulfilled' ? r.value : String((r.reason as { code?: string }).code),
    );
  }

  const tenantsOn = async (cluster: string) => dataSource.manager.countBy(Tenant, { cluster });

  it('fills two clusters to exactly their capacity and refuses the rest with no_cluster_capacity', async () => {
    await dataSource.manager.insert(Cluster, [
      { name: 'alpha', capacity: 3 },
      { name: 'beta', capacity: 2 },
    ]);
    const outcomes = await createAtOnce(12);
    expect(outcomes.filter((o) => o === 'alpha')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'beta')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'no_cluster_capacity')).toHaveLength(7);
    expect([await tenantsOn('alpha'), await tenantsOn('beta')]).toEqual([3, 2]);
    // A refused creation wrote nothing: no organization without its tenant.
    const [{ orphans }] = await dataSource.query(
      `SELECT count(*)::int AS orphans FROM organization o
        WHERE o.kind <> 'platform' AND NOT EXISTS (SELECT 1 FROM tenant t WHERE t."organizationId" = o.id)`,
    );
    expect(orphans).toBe(0);
  });

  it('gives the last slot to exactly one of many, and never a cluster closed to new tenants', async () => {
    await dataSource.manager.update(Cluster, { name: 'alpha' }, { capacity: 4 });
    await dataSource.manager.insert(Cluster, { name: 'gamma', capacity: 100, acceptsTenants: false });
    const outcomes = await createAtOnce(6);
    expect(outcomes.filter((o) => o === 'alpha')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'no_cluster_capacity')).toHaveLength(5);
    expect(await tenantsOn('alpha')).toBe(4);
    expect(await tenantsOn('gamma')).toBe(0);
  });

  it('fills two clusters preferred crosswise by two agencies at once without a deadlock: the rest get no_cluster_capacity', async () => {
    await dataSource.manager.insert(Cluster, [
      { name: 'delta', capacity: 3 },
      { name: 'epsilon', capacity: 3 },
    ]);
    const agency = async (slug: string, preferredCluster: string) => {
      const row = await dataSource.manager.save(
        dataSource.manager.create(Organization, {
          slug,
          name: slug,
          kind: 'agency',
          parentId: platform.id,
          path: platform.path,
          preferredCluster,
        }),
      );
      await dataSource.manager.update(Organization, { id: row.id }, { path: `${platform.path}${row.id}/` });
      return row.id;
    };
    // Each agency's clients try its preferred cluster first and the other one next: opposite lock
    // orders once both fill up, the case that deadlocked while a full cluster's lock was kept.
    const towardDelta = await agency('prefers-delta', 'delta');
    const towardEpsilon = await agency('prefers-epsilon', 'epsilon');
    const outcomes = await createAtOnce(16, (i) => (i % 2 === 0 ? towardDelta : towardEpsilon));
    expect(outcomes.filter((o) => o === 'delta')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'epsilon')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'no_cluster_capacity')).toHaveLength(10);
    expect([await tenantsOn('delta'), await tenantsOn('epsilon')]).toEqual([3, 3]);
  });

  it("keeps each cluster's tenant count as tenants come, are purged or rejected, move and go", async () => {
    /** Every cluster's kept count next to a count of its tenants taking a slot. */
    const counts = async () =>
      dataSource.query(
        `SELECT c.name, c.tenants AS kept,
                (SELECT count(*)::int FROM tenant t WHERE t.cluster = c.name AND ${occupiesSlotSql}) AS counted
           FROM cluster c ORDER BY c.name`,
      ) as Promise<{ name: string; kept: number; counted: number }[]>;
    const consistent = (rows: { kept: number; counted: number }[]) => rows.every((r) => r.kept === r.counted);
    expect(consistent(await counts())).toBe(true);
    const [purged, rejected, moved] = (await dataSource.manager.findBy(Tenant, { cluster: 'delta' })).map(
      (t) => t.id,
    );
    const [gone] = (await dataSource.manager.findBy(Tenant, { cluster: 'epsilon' })).map((t) => t.id);
    await dataSource.manager.update(Tenant, { id: purged }, { state: 'deleted' });
    await dataSource.manager.update(Tenant, { id: rejected }, { state: 'rejected' });
    // Neither a purged tenant's other fields nor its cluster count any more.
    await dataSource.manager.update(Tenant, { id: purged }, { tier: 'pro', cluster: 'epsilon' });
    await dataSource.manager.update(Tenant, { id: moved }, { cluster: 'epsilon' });
    await dataSource.manager.delete(Tenant, { id: gone });
    const after = await counts();
    expect(consistent(after)).toBe(true);
    expect(after.filter((r) => r.name === 'delta' || r.name === 'epsilon').map((r) => r.kept)).toEqual([
      0, 3,
    ]);
  });
});
