import { toYamlFile } from './yaml-document.js';

export const KUSTOMIZATION_FILE = 'kustomization.yaml';

/** The kustomization.yaml that lets `kubectl kustomize` (and Flux) build a folder of manifests. */
export function kustomizationFile(resources: readonly string[]): string {
  return toYamlFile({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: [...resources].sort(),
  });
}
