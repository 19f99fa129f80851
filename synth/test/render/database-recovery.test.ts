import { describe, expect, it } from 'vitest';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import type { TenantSpecInput } from '../../src/spec/tenant-spec.js';
import { tierPresets } from '../../src/tiers/tier-presets.js';
import { aSpec, objectOf, objectsOf } from '../support/specs.js';

const PRUNE = 'kustomize.toolkit.fluxcd.io/prune';
const render = (database: TenantSpecInput['database'], overrides: Partial<TenantSpecInput> = {}) =>
  renderTenant(parseTenantSpec(aSpec({ database, ...overrides })));

// renderTenant validates every object against the vendored schemas (the CNPG Cluster CRD
// included) and throws on a violation: each render below passing is that check.
describe('rendering a database recovered from backups', () => {
  it('a restore: the new database recovers up to the time, the theme uses it, the replaced one is kept', () => {
    const files = render({
      name: 'db-1',
      recovery: { cluster: 'prod-1', database: 'db', targetTime: '2026-12-01T10:30:00Z' },
      kept: { name: 'db' },
    });
    const restored = objectOf(files, 'Cluster', 'db-1');
    expect(restored.spec.bootstrap.recovery.recoveryTarget).toEqual({ targetTime: '2026-12-01T10:30:00Z' });
    expect(restored.spec.externalClusters[0].barmanObjectStore).toMatchObject({
      destinationPath: 's3://luster-backups/prod-1/acme',
      serverName: 'db',
    });
    const kept = objectOf(files, 'Cluster', 'db');
    expect(kept.spec.bootstrap).toEqual({ initdb: { database: 'cms', owner: 'cms' } });
    expect(kept.metadata.annotations[PRUNE]).toBe('disabled');
    expect(objectOf(files, 'ScheduledBackup', 'db-daily').spec.cluster).toEqual({ name: 'db' });
    expect(objectOf(files, 'ScheduledBackup', 'db-1-daily').spec.cluster).toEqual({ name: 'db-1' });
    const env = objectOf(files, 'Deployment', 'theme').spec.template.spec.containers[0].env;
    expect(env).toContainEqual({
      name: 'DATABASE_URL',
      valueFrom: { secretKeyRef: { name: 'db-1-app', key: 'uri' } },
    });
  });

  it('a released kept database loses its prune guard; the current one keeps it', () => {
    const files = render({ name: 'db-1', kept: { name: 'db', released: true } });
    expect(objectOf(files, 'Cluster', 'db').metadata.annotations?.[PRUNE]).toBeUndefined();
    expect(objectOf(files, 'ScheduledBackup', 'db-daily').metadata.annotations?.[PRUNE]).toBeUndefined();
    expect(objectOf(files, 'Cluster', 'db-1').metadata.annotations[PRUNE]).toBe('disabled');
  });

  it('while a database is kept, the network policies and the quota cover both', () => {
    const single = render({ name: 'db-1' });
    const both = render({ name: 'db-1', kept: { name: 'db' } });
    const selectorOf = (files: typeof single) =>
      objectOf(files, 'NetworkPolicy', 'database-from-operator').spec.podSelector;
    expect(selectorOf(single)).toEqual({ matchLabels: { 'cnpg.io/cluster': 'db-1' } });
    expect(selectorOf(both)).toEqual({
      matchExpressions: [{ key: 'cnpg.io/cluster', operator: 'In', values: ['db-1', 'db'] }],
    });
    const hard = (files: typeof single) => objectOf(files, 'ResourceQuota', 'tenant-quota').spec.hard;
    const { quota, database } = tierPresets.pro;
    expect(hard(single)).toMatchObject({ pods: quota.pods, 'requests.storage': `${quota.storageGi}Gi` });
    // Room for one more database of the tier: its instances, their volumes at the largest size.
    expect(hard(both)).toMatchObject({
      pods: quota.pods + database.instances,
      persistentvolumeclaims: quota.persistentVolumeClaims + database.instances,
      'requests.storage': `${quota.storageGi + database.instances * database.maxStorageGi}Gi`,
    });
  });

  it('a move: the database recovers from the archive of the cluster it left and archives on its own', () => {
    const files = render(
      { name: 'db-1', recovery: { cluster: 'prod-1', database: 'db' } },
      { cluster: 'prod-2' },
    );
    const cluster = objectOf(files, 'Cluster', 'db-1');
    expect(cluster.spec.externalClusters[0].barmanObjectStore.destinationPath).toBe(
      's3://luster-backups/prod-1/acme',
    );
    expect(cluster.spec.backup.barmanObjectStore.destinationPath).toBe('s3://luster-backups/prod-2/acme');
    expect(cluster.spec.bootstrap.recovery.recoveryTarget).toBeUndefined();
  });

  it('without a restore nothing changes: one database named db, created empty', () => {
    const clusters = objectsOf(render(undefined)).filter(({ object }) => object.kind === 'Cluster');
    expect(clusters.map(({ object }) => [object.metadata.name, Object.keys(object.spec.bootstrap)])).toEqual([
      ['db', ['initdb']],
    ]);
  });

  it.each([
    [
      { name: 'db', kept: { name: 'db' } },
      "the kept database must have a name other than the current one ('db')",
    ],
    [
      { recovery: { cluster: 'prod-1', database: 'db', targetTime: 'last week' } },
      'database.recovery.targetTime must be an RFC 3339 time',
    ],
    [{ name: 'Db' }, 'database.name must be a lowercase DNS label'],
  ])('refuses %j', (database, message) => {
    expect(() => render(database as TenantSpecInput['database'])).toThrow(message);
  });
});
