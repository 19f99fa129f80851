// clusters/<cluster>/infrastructure.yaml, and the legacy layout's tenants.yaml.

/** The per-cluster values infrastructure/configs is built with (Flux post-build substitution). */
export interface InfrastructureValues {
  /** The control plane's public base URL: Flux events go to `<url>/hooks/flux`. */
  readonly lusterUrl: string;
  /** The Let's Encrypt account e-mail. */
  readonly acmeEmail: string;
  /** The host name the control plane calls the Flux Receiver on. */
  readonly fluxReceiverHost: string;
}

/** What the template ships: obviously fake values, each marked REPLACE_ME in the file. */
export const placeholders: InfrastructureValues = {
  lusterUrl: 'https://luster.example.com',
  acmeEmail: 'REPLACE_ME@example.com',
  fluxReceiverHost: 'flux-receiver.example.com',
};

const mark = (value: string, placeholder: string): string => (value === placeholder ? 'REPLACE_ME: ' : '');

/**
 * Where the two infrastructure Kustomizations read infrastructure/ from: the GitRepository itself
 * (legacy: Flux older than 2.7), or an ExternalArtifact per folder (artifacts layout).
 */
export type InfrastructureSource =
  | { kind: 'GitRepository' }
  | { kind: 'ExternalArtifact'; gitRepositoryName: string };

/** The ExternalArtifact (and Kustomization) name of each infrastructure folder in the artifacts layout. */
const INFRASTRUCTURE_FOLDERS = ['controllers', 'configs'] as const;

// The GitRepository's revision is the commit, so a Kustomization reading it reconciles on every
// commit — at fleet scale every tenant change would rebuild and dry-run the shared operators and
// configs. An ExternalArtifact's revision is the digest of its own files: it moves only when
// infrastructure/<folder> does. No originRevision: the control plane matches no infrastructure
// event to a change, and with it the annotation would move on every commit and wake both
// Kustomizations at their next interval anyway (fluxcd/source-watcher#303).
function infrastructureGenerator(gitRepositoryName: string): string {
  const artifacts = INFRASTRUCTURE_FOLDERS.map(
    (folder) => `    - name: infrastructure-${folder}
      copy:
        - from: "@repo/infrastructure/${folder}/**"
          to: "@artifact/"
`,
  ).join('');
  return `# infrastructure/controllers and infrastructure/configs as artifacts of their own, whose revision
# moves only when their files do: a tenant's commit leaves both Kustomizations below asleep.
apiVersion: source.extensions.fluxcd.io/v1beta1
kind: ArtifactGenerator
metadata:
  name: infrastructure
  namespace: flux-system
spec:
  sources:
    - alias: repo
      kind: GitRepository
      name: ${gitRepositoryName}
  artifacts:
${artifacts}---
`;
}

/** A Kustomization's sourceRef and path for one infrastructure folder. */
function sourceOf(source: InfrastructureSource, folder: (typeof INFRASTRUCTURE_FOLDERS)[number]): string {
  if (source.kind === 'GitRepository') {
    return `  sourceRef:
    kind: GitRepository
    name: flux-system
  path: ./infrastructure/${folder}`;
  }
  return `  sourceRef:
    kind: ExternalArtifact
    name: infrastructure-${folder}
  path: ./`;
}

/** infrastructure.yaml: shared operators, then the configuration that needs them. */
export function infrastructureFile(
  cluster: string,
  v: InfrastructureValues,
  source: InfrastructureSource,
): string {
  return `# Shared operators first, then the configuration that needs their CRDs and webhooks.
# Both run as kustomize-controller (cluster-admin): with --default-service-account=default an
# unnamed service account would have no rights at all.
${source.kind === 'ExternalArtifact' ? infrastructureGenerator(source.gitRepositoryName) : ''}apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: infrastructure-controllers
  namespace: flux-system
spec:
  serviceAccountName: kustomize-controller
${sourceOf(source, 'controllers')}
  interval: 1h
  retryInterval: 2m
  # Helm installs of three operators (CRDs included) on a fresh cluster.
  timeout: 15m
  prune: true
  # Ready only once every HelmRelease is Ready, so configs never race the CRDs or webhooks.
  wait: true
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: infrastructure-configs
  namespace: flux-system
spec:
  dependsOn:
    - name: infrastructure-controllers
  serviceAccountName: kustomize-controller
${sourceOf(source, 'configs')}
  interval: 1h
  retryInterval: 1m
  timeout: 5m
  prune: true
  wait: true
  # The per-cluster values of the shared configs. infrastructure/configs is the same folder for
  # every cluster; what differs between clusters lives here, in one reviewable place.
  postBuild:
    substitute:
      # Sent as event metadata with every Flux event, so the control plane knows which
      # cluster reported it.
      cluster_name: ${cluster}
      # ${mark(v.lusterUrl, placeholders.lusterUrl)}the control plane's public base URL (Provider → <url>/hooks/flux).
      luster_url: ${v.lusterUrl}
      # ${mark(v.acmeEmail, placeholders.acmeEmail)}the Let's Encrypt account e-mail (expiry notices; example.com is refused).
      acme_email: ${v.acmeEmail}
      # ${mark(v.fluxReceiverHost, placeholders.fluxReceiverHost)}the host name the control plane calls the Flux Receiver on.
      flux_receiver_host: ${v.fluxReceiverHost}
`;
}

/** The legacy layout's tenants.yaml: one Kustomization applying every tenant's platform objects. */
export function legacyTenantsFile(cluster: string, gitRepositoryName: string): string {
  return `# Tenants of this cluster, rendered and committed by the Luster control plane.
#
# ./tenants/${cluster} has no kustomization.yaml on purpose (a global index rewritten for every
# tenant is forbidden). kustomize-controller then generates one: each folder below the path that
# holds a kustomization.yaml (a tenant, tenants/${cluster}/<shard>/<slug>) is added as a whole and
# not descended into, so a tenant's app/ folder is applied only by that tenant's own Kustomization.
#
# What this Kustomization applies per tenant: Namespace tenant-<slug>, ResourceQuota, LimitRange,
# NetworkPolicies, the RoleBinding to ClusterRole luster-tenant-reconciler, and in flux-system
# the ServiceAccount tenant-<slug> and the Flux Kustomization tenant-<slug> that applies app/
# as that service account.
#
# Legacy layout (Flux older than 2.7): this Kustomization and every tenant's read the whole
# repository, so every commit wakes all of them, and one tenant whose platform objects fail
# validation stops this Kustomization for every tenant. The artifacts layout avoids both
# (docs/fleet-layout.md).
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: tenants
  namespace: flux-system
spec:
  dependsOn:
    - name: infrastructure-configs
  # Creates namespaces and RBAC: only the platform's own account may do that.
  serviceAccountName: kustomize-controller
  sourceRef:
    kind: GitRepository
    name: ${gitRepositoryName}
  path: ./tenants/${cluster}
  interval: 10m
  retryInterval: 1m
  timeout: 5m
  prune: true
  # Each tenant's own Kustomization carries the health checks of its workload; waiting here
  # would let one unhealthy tenant hold back every other tenant's namespace and RBAC.
  wait: false
`;
}
