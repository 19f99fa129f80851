import { describe, expect, it } from 'vitest';
import { FluxKustomization } from '../../src/constructs/flux-kustomization.js';
import { synthConstruct } from '../support/synth-construct.js';

const props = {
  name: 'tenant-acme',
  namespace: 'flux-system',
  labels: { a: 'b' },
  path: './tenants/prod-1/ac/acme/app',
  serviceAccountName: 'tenant-acme',
  targetNamespace: 'tenant-acme',
  source: { kind: 'GitRepository', name: 'flux-system' },
  interval: '10m',
  timeout: '5m',
  comment: 'why',
} as const;

describe('FluxKustomization', () => {
  it('reads an ExternalArtifact from its root, after the Kustomizations it depends on', () => {
    const [kustomization] = synthConstruct((chart) => {
      new FluxKustomization(chart, 'Kustomization', {
        ...props,
        source: { kind: 'ExternalArtifact', name: 'tenant-acme' },
        path: './',
        dependsOn: ['platform-acme'],
      });
    });
    expect(kustomization?.spec).toMatchObject({
      dependsOn: [{ name: 'platform-acme' }],
      path: './',
      sourceRef: { kind: 'ExternalArtifact', name: 'tenant-acme' },
    });
  });

  it('leaves the namespace of each object alone without a targetNamespace', () => {
    const [kustomization] = synthConstruct((chart) => {
      new FluxKustomization(chart, 'Kustomization', { ...props, targetNamespace: undefined });
    });
    expect(kustomization?.spec.targetNamespace).toBeUndefined();
    expect(kustomization?.spec.dependsOn).toBeUndefined();
  });

  it('applies the app folder as the tenant, pruning and waiting for health', () => {
    const [kustomization] = synthConstruct((chart) => {
      new FluxKustomization(chart, 'Kustomization', props);
    });
    expect(kustomization).toEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'tenant-acme', namespace: 'flux-system', labels: { a: 'b' } },
      spec: {
        interval: '10m',
        retryInterval: '2m',
        timeout: '5m',
        path: './tenants/prod-1/ac/acme/app',
        prune: true,
        wait: true,
        serviceAccountName: 'tenant-acme',
        targetNamespace: 'tenant-acme',
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    });
  });

  it('refuses a path that is not relative to the repo root', () => {
    expect(() =>
      synthConstruct((chart) => {
        new FluxKustomization(chart, 'Kustomization', { ...props, path: 'tenants/prod-1/ac/acme/app' });
      }),
    ).toThrow("'path' (tenants/prod-1/ac/acme/app) must be relative to the source root, starting with ./");
  });
});
