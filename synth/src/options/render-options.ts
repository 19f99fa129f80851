// Platform-wide settings of a render: the same for every tenant of an installation.
import { DEFAULT_FLUX_LAYOUT, type FluxLayout, fluxLayouts } from '../layout/fleet-layout.js';
import { DEFAULT_SHARD_SCHEME, type ShardScheme, shardSchemes } from '../layout/shards.js';
import { hostnameProblem } from '../spec/dns-names.js';

/** Where CloudNativePG archives WAL and base backups (barman-cloud, S3-compatible). */
export interface BackupStoreOptions {
  /**
   * Object store prefix; each tenant writes below `<destinationPath>/<cluster>/<slug>`.
   * @default 's3://luster-backups'
   */
  readonly destinationPath?: string;
  /**
   * Endpoint of an S3-compatible store such as MinIO; unset for AWS S3.
   * @default - AWS S3
   */
  readonly endpointUrl?: string;
  /**
   * Secret in each tenant namespace holding `ACCESS_KEY_ID` and `ACCESS_SECRET_KEY`, delivered
   * outside synth (e.g. SOPS or an external-secrets controller). Unset: the database pods use their
   * cloud identity (IRSA / workload identity) and no key is referenced.
   * @default - inherit the cloud identity
   */
  readonly credentialsSecretName?: string;
}

export interface RenderOptions {
  /**
   * Zone under which each tenant is served as `<platformSubdomain>.<baseDomain>`.
   * @default 'luster.app'
   */
  readonly baseDomain?: string;
  /**
   * IngressClass of the platform's ingress controller.
   * @default 'nginx'
   */
  readonly ingressClassName?: string;
  /**
   * cert-manager ClusterIssuer that signs every tenant certificate.
   * @default 'letsencrypt-prod'
   */
  readonly clusterIssuer?: string;
  /**
   * Flux GitRepository (in `flux-system`) the tenant Kustomizations read from.
   * @default 'flux-system'
   */
  readonly gitRepositoryName?: string;
  /**
   * Registries (host, optionally with a path prefix) theme images may come from.
   * @default ['registry.luster.io']
   */
  readonly allowedImageRegistries?: readonly string[];
  /**
   * Namespace of the ingress controller: the only source of traffic to the theme.
   * @default 'ingress-nginx'
   */
  readonly ingressNamespace?: string;
  /**
   * Namespace of the CloudNativePG operator, which must reach the database pods.
   * @default 'cnpg-system'
   */
  readonly cnpgOperatorNamespace?: string;
  /**
   * CIDRs the database pods may reach on TCP 443 and 6443: the Kubernetes API (the CNPG instance
   * manager talks to it) and the backup object store. Narrow this where those addresses are known.
   * @default ['0.0.0.0/0']
   */
  readonly databaseEgressCidrs?: readonly string[];
  /**
   * CIDRs the theme pods may reach on TCP 443: the S3 endpoint of the tenant's media bucket
   * (credentials from the Secret `media-credentials`). Narrow this where its addresses are known.
   * @default ['0.0.0.0/0']
   */
  readonly mediaEgressCidrs?: readonly string[];
  /**
   * How often Flux re-applies a tenant's workload, as a Go duration.
   * @default '10m'
   */
  readonly reconcileInterval?: string;
  /**
   * How long Flux waits for a tenant's objects to become ready, as a Go duration.
   * @default '10m'
   */
  readonly reconcileTimeout?: string;
  /**
   * Backup object store.
   * @default - see BackupStoreOptions
   */
  readonly backup?: BackupStoreOptions;
  /**
   * How Flux reaches the tenant's files: `artifacts` (Flux 2.7+, per-tenant ExternalArtifacts, a
   * commit wakes only what it changed) or `legacy` (every Kustomization reads the whole repository).
   * Must match the cluster's entry point (renderClusterEntry).
   * @default 'artifacts'
   */
  readonly fluxLayout?: FluxLayout;
  /**
   * Shard folder of a tenant: `hash` (two hex characters of sha256(slug), even) or `prefix` (the
   * slug's first two characters). Must match the cluster's entry point (renderClusterEntry).
   * @default 'hash'
   */
  readonly shardScheme?: ShardScheme;
}

export interface ResolvedRenderOptions {
  readonly baseDomain: string;
  readonly ingressClassName: string;
  readonly clusterIssuer: string;
  readonly gitRepositoryName: string;
  readonly allowedImageRegistries: readonly string[];
  readonly ingressNamespace: string;
  readonly cnpgOperatorNamespace: string;
  readonly databaseEgressCidrs: readonly string[];
  readonly mediaEgressCidrs: readonly string[];
  readonly reconcileInterval: string;
  readonly reconcileTimeout: string;
  readonly backup: {
    readonly destinationPath: string;
    readonly endpointUrl: string | undefined;
    readonly credentialsSecretName: string | undefined;
  };
  readonly fluxLayout: FluxLayout;
  readonly shardScheme: ShardScheme;
}

export const defaultRenderOptions: ResolvedRenderOptions = {
  baseDomain: 'luster.app',
  ingressClassName: 'nginx',
  clusterIssuer: 'letsencrypt-prod',
  gitRepositoryName: 'flux-system',
  allowedImageRegistries: ['registry.luster.io'],
  ingressNamespace: 'ingress-nginx',
  cnpgOperatorNamespace: 'cnpg-system',
  databaseEgressCidrs: ['0.0.0.0/0'],
  mediaEgressCidrs: ['0.0.0.0/0'],
  reconcileInterval: '10m',
  reconcileTimeout: '10m',
  backup: {
    destinationPath: 's3://luster-backups',
    endpointUrl: undefined,
    credentialsSecretName: undefined,
  },
  fluxLayout: DEFAULT_FLUX_LAYOUT,
  shardScheme: DEFAULT_SHARD_SCHEME,
};

const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;

function check(condition: boolean, message: string): void {
  if (!condition) throw new RangeError(`invalid RenderOptions: ${message}`);
}

/** Fills in defaults and rejects settings that would render broken objects, naming the option. */
export function resolveRenderOptions(options: RenderOptions = {}): ResolvedRenderOptions {
  const resolved: ResolvedRenderOptions = {
    ...defaultRenderOptions,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    backup: { ...defaultRenderOptions.backup, ...options.backup },
  };
  const domainProblem = hostnameProblem(resolved.baseDomain);
  check(domainProblem === null, `'baseDomain' (${resolved.baseDomain}) ${domainProblem}`);
  check(
    resolved.allowedImageRegistries.length > 0,
    "'allowedImageRegistries' must name at least one registry",
  );
  check(resolved.databaseEgressCidrs.length > 0, "'databaseEgressCidrs' must name at least one CIDR");
  check(resolved.mediaEgressCidrs.length > 0, "'mediaEgressCidrs' must name at least one CIDR");
  for (const key of ['reconcileInterval', 'reconcileTimeout'] as const) {
    check(GO_DURATION.test(resolved[key]), `'${key}' (${resolved[key]}) must be a Go duration such as 10m`);
  }
  check(
    fluxLayouts.includes(resolved.fluxLayout),
    `'fluxLayout' (${resolved.fluxLayout}) must be one of ${fluxLayouts.join(', ')}`,
  );
  check(
    shardSchemes.includes(resolved.shardScheme),
    `'shardScheme' (${resolved.shardScheme}) must be one of ${shardSchemes.join(', ')}`,
  );
  check(
    /^(s3|gs|azure):\/\/[^/]/.test(resolved.backup.destinationPath),
    `'backup.destinationPath' (${resolved.backup.destinationPath}) must be an object store URL such as s3://bucket`,
  );
  return resolved;
}
