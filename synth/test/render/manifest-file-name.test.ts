import { describe, expect, it } from 'vitest';
import { manifestFileName } from '../../src/render/manifest-file-name.js';

describe('manifestFileName', () => {
  it.each([
    ['Namespace', 'tenant-acme', 'namespace-tenant-acme.yaml'],
    ['HorizontalPodAutoscaler', 'theme', 'horizontal-pod-autoscaler-theme.yaml'],
    ['NetworkPolicy', 'default-deny', 'network-policy-default-deny.yaml'],
    ['Kustomization', 'tenant-acme', 'kustomization-tenant-acme.yaml'],
  ])('%s %s → %s', (kind, name, file) => {
    expect(manifestFileName({ kind, metadata: { name } })).toBe(file);
  });
});
