import { describe, expect, it } from 'vitest';
import { TenantNamespace } from '../../src/constructs/tenant-namespace.js';
import { synthConstruct } from '../support/synth-construct.js';

describe('TenantNamespace', () => {
  it('enforces restricted Pod Security, names the Flux tenant and is never pruned', () => {
    // GIVEN the namespace of tenant acme
    // WHEN it is synthesized
    const [namespace] = synthConstruct((chart) => {
      new TenantNamespace(chart, 'Namespace', {
        name: 'tenant-acme',
        tenant: 'acme',
        labels: { 'luster.io/tenant': 'acme' },
        annotations: { 'luster.io/display-name': 'Acme' },
      });
    });
    // THEN it is exactly this object
    expect(namespace).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'tenant-acme',
        labels: {
          'luster.io/tenant': 'acme',
          'toolkit.fluxcd.io/tenant': 'acme',
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/warn': 'restricted',
        },
        annotations: { 'luster.io/display-name': 'Acme', 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
      },
      spec: {},
    });
  });
});
