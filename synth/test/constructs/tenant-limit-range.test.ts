import { describe, expect, it } from 'vitest';
import { TenantLimitRange } from '../../src/constructs/tenant-limit-range.js';
import { synthConstruct } from '../support/synth-construct.js';

describe('TenantLimitRange', () => {
  it('gives containers without resources the tier defaults', () => {
    const [limitRange] = synthConstruct((chart) => {
      new TenantLimitRange(chart, 'Limits', {
        namespace: 'tenant-acme',
        labels: { a: 'b' },
        limitRange: {
          defaultRequest: { cpuMillicores: 50, memoryMi: 64 },
          defaultLimit: { cpuMillicores: 1000, memoryMi: 1024 },
        },
      });
    });
    expect(limitRange).toEqual({
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'tenant-limits', namespace: 'tenant-acme', labels: { a: 'b' } },
      spec: {
        limits: [
          {
            type: 'Container',
            defaultRequest: { cpu: '50m', memory: '64Mi' },
            default: { cpu: '1', memory: '1Gi' },
          },
        ],
      },
    });
  });

  it('refuses defaults that request more than their limit', () => {
    expect(() =>
      synthConstruct((chart) => {
        new TenantLimitRange(chart, 'Limits', {
          namespace: 'tenant-acme',
          labels: { a: 'b' },
          limitRange: {
            defaultRequest: { cpuMillicores: 500, memoryMi: 64 },
            defaultLimit: { cpuMillicores: 250, memoryMi: 128 },
          },
        });
      }),
    ).toThrow(
      "'limitRange.defaultRequest' (500m, 64Mi) must not exceed 'limitRange.defaultLimit' (250m, 128Mi)",
    );
  });
});
