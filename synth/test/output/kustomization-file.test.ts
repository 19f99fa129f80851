import { describe, expect, it } from 'vitest';
import { kustomizationFile } from '../../src/output/kustomization-file.js';

describe('kustomizationFile', () => {
  it('lists the resources of a folder, sorted', () => {
    expect(kustomizationFile(['service-theme.yaml', 'deployment-theme.yaml'])).toBe(
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '  - deployment-theme.yaml',
        '  - service-theme.yaml',
        '',
      ].join('\n'),
    );
  });
});
