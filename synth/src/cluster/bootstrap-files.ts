// The bootstrap folder of a cluster entry point, clusters/<cluster>/flux-system/. `flux bootstrap`
// overwrites the two gotk-*.yaml placeholders and keeps kustomization.yaml, whose patches lock Flux
// down for multi-tenancy from the very first reconcile.

/** flux-system/kustomization.yaml: Flux's installation with the multi-tenancy lockdown. */
export function fluxSystemKustomization(cluster: string): string {
  return `# Flux's own installation on this cluster, with the multi-tenancy lockdown.
#
# \`flux bootstrap\` (see README.md) overwrites gotk-components.yaml (the controllers) and
# gotk-sync.yaml (GitRepository + Kustomization \`flux-system\` for ./clusters/${cluster}) and keeps
# this file, so the patches below apply from the very first reconcile. Until bootstrap has run, the
# two files are comment-only placeholders and this folder builds to nothing.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - gotk-components.yaml
  - gotk-sync.yaml
patches:
  # A tenant's Kustomization must not read a source, or reference an object, in another
  # namespace (no borrowing the platform's credentials or repositories).
  - patch: |
      - op: add
        path: /spec/template/spec/containers/0/args/-
        value: --no-cross-namespace-refs=true
    target:
      kind: Deployment
      name: "(kustomize-controller|helm-controller|notification-controller|image-reflector-controller|image-automation-controller)"
  # Everything applied must come from a GitRepository Flux verified, never from a remote
  # kustomize base fetched at build time.
  - patch: |
      - op: add
        path: /spec/template/spec/containers/0/args/-
        value: --no-remote-bases=true
    target:
      kind: Deployment
      name: kustomize-controller
  # A Kustomization or HelmRelease that names no service account runs as \`default\` of its own
  # namespace, which has no RBAC: forgetting serviceAccountName fails closed, not as cluster-admin.
  - patch: |
      - op: add
        path: /spec/template/spec/containers/0/args/-
        value: --default-service-account=default
    target:
      kind: Deployment
      name: "(kustomize-controller|helm-controller)"
  # The platform's own Kustomization keeps cluster-admin (it installs Flux itself).
  - patch: |
      - op: add
        path: /spec/serviceAccountName
        value: kustomize-controller
    target:
      group: kustomize.toolkit.fluxcd.io
      kind: Kustomization
      name: flux-system
`;
}

/** flux-system/gotk-sync.yaml until bootstrap replaces it. */
export function gotkSyncPlaceholder(cluster: string): string {
  return `# Placeholder, replaced by \`flux bootstrap\` with GitRepository \`flux-system\` (ref.branch: main)
# and Kustomization \`flux-system\` (path: ./clusters/${cluster}), see README.md. Against the
# control plane's embedded repository the GitRepository reads with \`secretRef: luster-gitops-read\`
# (username any, password the read token; created in the cluster, never committed).
# Committed comment-only so that ./kustomization.yaml builds before bootstrap.
`;
}

/** flux-system/gotk-components.yaml until bootstrap replaces it: the same for every cluster. */
export const GOTK_COMPONENTS_PLACEHOLDER = `# Placeholder, replaced by \`flux bootstrap\` with the Flux controllers and CRDs (see README.md).
# Committed comment-only so that ./kustomization.yaml builds before bootstrap.
`;
