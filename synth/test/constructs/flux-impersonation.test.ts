import { describe, expect, it } from 'vitest';
import { FluxImpersonation } from '../../src/constructs/flux-impersonation.js';
import { synthConstruct } from '../support/synth-construct.js';

describe('FluxImpersonation', () => {
  it('binds the tenant ClusterRole, in the tenant namespace only, to a ServiceAccount next to the Kustomization', () => {
    const objects = synthConstruct((chart) => {
      new FluxImpersonation(chart, 'Flux', {
        serviceAccountName: 'tenant-acme',
        fluxNamespace: 'flux-system',
        tenantNamespace: 'tenant-acme',
        clusterRoleName: 'luster-tenant-reconciler',
        labels: { x: 'y' },
      });
    });
    expect(objects).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'tenant-acme', namespace: 'flux-system', labels: { x: 'y' } },
        automountServiceAccountToken: false,
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'flux-reconciler', namespace: 'tenant-acme', labels: { x: 'y' } },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'luster-tenant-reconciler',
        },
        subjects: [{ apiGroup: '', kind: 'ServiceAccount', name: 'tenant-acme', namespace: 'flux-system' }],
      },
    ]);
  });
});
