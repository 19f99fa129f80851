import { describe, expect, it } from 'vitest';
import { DatabaseCluster, type DatabaseClusterProps } from '../../src/constructs/database-cluster.js';
import { tierPresets } from '../../src/tiers/tier-presets.js';
import { synthConstruct } from '../support/synth-construct.js';

const props: DatabaseClusterProps = {
  name: 'db',
  namespace: 'tenant-acme',
  labels: { 'luster.io/tenant': 'acme' },
  instances: 2,
  storageGi: 20,
  resources: tierPresets.pro.database.resources,
  database: 'cms',
  owner: 'cms',
  backup: {
    destinationPath: 's3://luster-backups/prod-1/acme',
    endpointUrl: undefined,
    credentialsSecretName: undefined,
    retentionDays: 14,
  },
};

describe('DatabaseCluster', () => {
  it('runs the tier instances with initdb, backups to the object store, and no password in git', () => {
    const [cluster] = synthConstruct((chart) => {
      new DatabaseCluster(chart, 'Database', props);
    });
    expect(cluster).toEqual({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: {
        name: 'db',
        namespace: 'tenant-acme',
        labels: { 'luster.io/tenant': 'acme' },
        annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
      },
      spec: {
        instances: 2,
        inheritedMetadata: { labels: { 'luster.io/tenant': 'acme' } },
        storage: { size: '20Gi' },
        resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } },
        bootstrap: { initdb: { database: 'cms', owner: 'cms' } },
        backup: {
          retentionPolicy: '14d',
          barmanObjectStore: {
            destinationPath: 's3://luster-backups/prod-1/acme',
            s3Credentials: { inheritFromIAMRole: true },
            wal: { compression: 'gzip' },
            data: { compression: 'gzip' },
          },
        },
      },
    });
    expect(JSON.stringify(cluster)).not.toMatch(/password/i);
  });

  it('references an in-cluster Secret for object store keys when one is configured', () => {
    const [cluster] = synthConstruct((chart) => {
      new DatabaseCluster(chart, 'Database', {
        ...props,
        backup: {
          ...props.backup,
          endpointUrl: 'https://minio.example.org',
          credentialsSecretName: 'backup-credentials',
        },
      });
    });
    expect(cluster?.spec.backup.barmanObjectStore).toMatchObject({
      endpointURL: 'https://minio.example.org',
      s3Credentials: {
        accessKeyId: { name: 'backup-credentials', key: 'ACCESS_KEY_ID' },
        secretAccessKey: { name: 'backup-credentials', key: 'ACCESS_SECRET_KEY' },
      },
    });
  });

  it.each([
    [{ instances: 0 }, "'instances' (0) must be a positive integer"],
    [{ storageGi: 2.5 }, "'storageGi' (2.5) must be a positive integer"],
    [
      { backup: { ...props.backup, retentionDays: 0 } },
      "'backup.retentionDays' (0) must be a positive integer",
    ],
  ])('refuses %j', (overrides, message) => {
    expect(() =>
      synthConstruct((chart) => new DatabaseCluster(chart, 'Database', { ...props, ...overrides })),
    ).toThrow(message);
  });
});
