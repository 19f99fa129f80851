import { describe, expect, it } from 'vitest';
import { DatabaseScheduledBackup } from '../../src/constructs/database-scheduled-backup.js';
import { synthConstruct } from '../support/synth-construct.js';

describe('DatabaseScheduledBackup', () => {
  it('backs the cluster up on schedule, starting right away, and is never pruned', () => {
    const [backup] = synthConstruct((chart) => {
      new DatabaseScheduledBackup(chart, 'Backup', {
        name: 'db-daily',
        namespace: 'tenant-acme',
        labels: { a: 'b' },
        clusterName: 'db',
        schedule: '0 15 2 * * *',
      });
    });
    expect(backup).toEqual({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'ScheduledBackup',
      metadata: {
        name: 'db-daily',
        namespace: 'tenant-acme',
        labels: { a: 'b' },
        annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
      },
      spec: {
        schedule: '0 15 2 * * *',
        cluster: { name: 'db' },
        method: 'barmanObjectStore',
        immediate: true,
        backupOwnerReference: 'self',
      },
    });
  });

  it('refuses a crontab-style schedule, naming the field', () => {
    expect(() =>
      synthConstruct((chart) => {
        new DatabaseScheduledBackup(chart, 'Backup', {
          name: 'db-daily',
          namespace: 'tenant-acme',
          labels: {},
          clusterName: 'db',
          schedule: '15 2 * * *',
        });
      }),
    ).toThrow(/'schedule' \(15 2 \* \* \*\) must have 6 fields/);
  });
});
