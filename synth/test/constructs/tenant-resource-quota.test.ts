import { describe, expect, it } from 'vitest';
import { TenantResourceQuota } from '../../src/constructs/tenant-resource-quota.js';
import { tierPresets } from '../../src/tiers/tier-presets.js';
import { synthConstruct } from '../support/synth-construct.js';

describe('TenantResourceQuota', () => {
  it('caps compute, pods, volumes and storage with the tier numbers', () => {
    const [quota] = synthConstruct((chart) => {
      new TenantResourceQuota(chart, 'Quota', {
        namespace: 'tenant-acme',
        labels: { a: 'b' },
        quota: tierPresets.pro.quota,
      });
    });
    expect(quota).toEqual({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tenant-quota', namespace: 'tenant-acme', labels: { a: 'b' } },
      spec: {
        hard: {
          'requests.cpu': '4',
          'requests.memory': '6Gi',
          'limits.cpu': '14',
          'limits.memory': '8Gi',
          pods: 12,
          persistentvolumeclaims: 3,
          'requests.storage': '150Gi',
        },
      },
    });
  });

  it('refuses a quota without pods, naming the field and the value', () => {
    expect(() =>
      synthConstruct((chart) => {
        new TenantResourceQuota(chart, 'Quota', {
          namespace: 'tenant-acme',
          labels: {},
          quota: { ...tierPresets.pro.quota, pods: 0 },
        });
      }),
    ).toThrow("'quota.pods' (0) must be a positive integer");
  });
});
