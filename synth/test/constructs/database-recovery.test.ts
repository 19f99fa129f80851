import { describe, expect, it } from 'vitest';
import { DatabaseCluster, type DatabaseClusterProps } from '../../src/constructs/database-cluster.js';
import { tierPresets } from '../../src/tiers/tier-presets.js';
import { synthConstruct } from '../support/synth-construct.js';

const props: DatabaseClusterProps = {
  name: 'db-2',
  namespace: 'tenant-acme',
  labels: { 'luster.io/tenant': 'acme' },
  instances: 1,
  storageGi: 5,
  resources: tierPresets.starter.database.resources,
  database: 'cms',
  owner: 'cms',
  backup: {
    destinationPath: 's3://luster-backups/prod-2/acme',
    endpointUrl: 'https://minio.example.org',
    credentialsSecretName: 'backup-credentials',
    retentionDays: 7,
  },
};

const clusterOf = (extra: Partial<DatabaseClusterProps>) =>
  synthConstruct((chart) => {
    new DatabaseCluster(chart, 'Database', { ...props, ...extra });
  })[0] as Record<string, any>;

describe('DatabaseCluster recovering from backups', () => {
  it('bootstraps from the source archive up to a point in time, reading it with its own store settings', () => {
    const cluster = clusterOf({
      recovery: {
        destinationPath: 's3://luster-backups/prod-1/acme',
        serverName: 'db',
        targetTime: '2026-12-01T10:30:00Z',
      },
    });
    expect(cluster.spec.bootstrap).toEqual({
      recovery: {
        source: 'origin',
        database: 'cms',
        owner: 'cms',
        recoveryTarget: { targetTime: '2026-12-01T10:30:00Z' },
      },
    });
    expect(cluster.spec.externalClusters).toEqual([
      {
        name: 'origin',
        barmanObjectStore: {
          destinationPath: 's3://luster-backups/prod-1/acme',
          serverName: 'db',
          endpointURL: 'https://minio.example.org',
          s3Credentials: {
            accessKeyId: { name: 'backup-credentials', key: 'ACCESS_KEY_ID' },
            secretAccessKey: { name: 'backup-credentials', key: 'ACCESS_SECRET_KEY' },
          },
          wal: { compression: 'gzip' },
        },
      },
    ]);
    // Its own backups go to its own archive, never into the one it recovers from.
    expect(cluster.spec.backup.barmanObjectStore.destinationPath).toBe('s3://luster-backups/prod-2/acme');
  });

  it('replays the whole archive when no point in time is asked for (a move)', () => {
    const cluster = clusterOf({
      recovery: { destinationPath: 's3://luster-backups/prod-1/acme', serverName: 'db' },
    });
    expect(cluster.spec.bootstrap).toEqual({ recovery: { source: 'origin', database: 'cms', owner: 'cms' } });
  });

  it.each([
    [
      { destinationPath: 's3://luster-backups/prod-2/acme', serverName: 'db-2' },
      "'recovery' (s3://luster-backups/prod-2/acme/db-2) must differ from the database's own archive",
    ],
    [
      { destinationPath: 's3://luster-backups/prod-1/acme', serverName: 'db', targetTime: 'yesterday' },
      "'recovery.targetTime' (yesterday) must be an RFC 3339 time",
    ],
  ])('refuses %j', (recovery, message) => {
    expect(() => clusterOf({ recovery })).toThrow(message);
  });
});
