import { renderArgoEntry } from '../argocd/render-argocd-entry.js';
import { ValidationError } from '../errors/validation-error.js';
import { type FluxLayout, fluxLayouts } from '../layout/fleet-layout.js';
import {
  allShards,
  SHARD_MARKER,
  type ShardScheme,
  shardMarkerContent,
  shardSchemes,
} from '../layout/shards.js';
import { defaultRenderOptions } from '../options/render-options.js';
import { toYamlFile } from '../output/yaml-document.js';
import type { RenderedFile } from '../render/render-tenant.js';
import { hostnameProblem } from '../spec/dns-names.js';
import { validateManifests } from '../validation/validate-manifests.js';
import {
  fluxSystemKustomization,
  GOTK_COMPONENTS_PLACEHOLDER,
  gotkSyncPlaceholder,
} from './bootstrap-files.js';
import { clusterGenerator, shardObjects } from './fleet-objects.js';
import {
  type InfrastructureValues,
  infrastructureFile,
  legacyTenantsFile,
  placeholders,
} from './infrastructure-file.js';

export interface ClusterEntryOptions extends Partial<InfrastructureValues> {
  /** The cluster's name: a DNS label, the folder under clusters/ and tenants/. */
  readonly cluster: string;
  /**
   * Must be the fluxLayout the cluster's tenants are rendered with.
   * @default RenderOptions' default
   */
  readonly fluxLayout?: FluxLayout;
  /**
   * Must be the shardScheme the cluster's tenants are rendered with.
   * @default RenderOptions' default
   */
  readonly shardScheme?: ShardScheme;
  /**
   * The GitRepository (in flux-system) bootstrap creates for the repository.
   * @default 'flux-system'
   */
  readonly gitRepositoryName?: string;
  /**
   * The GitOps repository as Argo CD reads it (argocd/<cluster>/).
   * @default '<lusterUrl>/git/gitops.git', the control plane's embedded repository
   */
  readonly argoRepoUrl?: string;
}

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const HTTP_URL = /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?(\/[A-Za-z0-9._~/-]*)?$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+$/;

function check(condition: boolean, message: string): void {
  if (!condition) throw new RangeError(`invalid ClusterEntryOptions: ${message}`);
}

/** The values are written into YAML unquoted: only shapes that cannot break out of a scalar. */
function resolveValues(options: ClusterEntryOptions): InfrastructureValues {
  const values = {
    lusterUrl: options.lusterUrl ?? placeholders.lusterUrl,
    acmeEmail: options.acmeEmail ?? placeholders.acmeEmail,
    fluxReceiverHost: options.fluxReceiverHost ?? placeholders.fluxReceiverHost,
  };
  check(HTTP_URL.test(values.lusterUrl), `'lusterUrl' (${values.lusterUrl}) must be an http(s) URL`);
  check(EMAIL.test(values.acmeEmail), `'acmeEmail' (${values.acmeEmail}) must be an e-mail address`);
  const hostProblem = hostnameProblem(values.fluxReceiverHost);
  check(hostProblem === null, `'fluxReceiverHost' (${values.fluxReceiverHost}) ${hostProblem}`);
  return values;
}

/** The objects of the artifacts layout's tenants part, one file for the cluster and one per shard. */
function artifactsFiles(
  cluster: string,
  shardScheme: ShardScheme,
  gitRepositoryName: string,
): RenderedFile[] {
  const generator = clusterGenerator(cluster, gitRepositoryName);
  const shards = allShards(shardScheme).map((shard) => ({ shard, objects: shardObjects(shard) }));
  const violations = validateManifests([generator, ...shards.flatMap((s) => s.objects)]);
  if (violations.length > 0) throw new ValidationError(violations);
  const dir = `clusters/${cluster}`;
  return [
    { path: `${dir}/tenants.yaml`, content: toYamlFile(generator, tenantsComment(cluster)) },
    ...shards.map(({ shard, objects }) => ({
      path: `${dir}/tenant-shards/${shard}.yaml`,
      content: objects
        .map((o, i) => toYamlFile(o, i === 0 ? shardComment(cluster, shard) : undefined))
        .join('---\n'),
    })),
    // Every shard folder exists from the start, so the generator yields each shard's artifacts
    // whether or not the shard holds a tenant (SHARD_MARKER says why).
    ...shards.map(({ shard }) => ({
      path: `tenants/${cluster}/${shard}/${SHARD_MARKER}`,
      content: shardMarkerContent(cluster, shard),
    })),
  ];
}

function tenantsComment(cluster: string): string {
  return [
    'Tenants of this cluster, rendered and committed by the Luster control plane (artifacts layout,',
    'Flux 2.7+ with source-watcher; docs/fleet-layout.md).',
    '',
    `This generator splits the repository into two artifacts per shard folder of tenants/${cluster}:`,
    'shard-<shard> (the whole folder) and fleet-<shard> (each tenant folder without its platform/ and',
    "app/). tenant-shards/<shard>.yaml splits shard-<shard> into each tenant's platform-<slug> and",
    'tenant-<slug>, and applies fleet-<shard>: per tenant, Kustomization platform-<slug> (its platform/',
    'as kustomize-controller) and Kustomization tenant-<slug> (its app/ as the tenant).',
    '',
    "An artifact's revision is the digest of its own files, so a commit wakes only the Kustomizations",
    'whose files it changed, and an invalid object fails only the Kustomization that holds it. No file',
    'here lists tenants: adding one writes only its own folder.',
  ].join('\n');
}

function shardComment(cluster: string, shard: string): string {
  return [
    `Shard ${shard} of cluster ${cluster} (see ../tenants.yaml): the generator that splits artifact`,
    `shard-${shard} into one artifact per tenant part, and the Kustomization that applies the tenants'`,
    'Kustomizations, as kustomize-controller (it creates Kustomizations that impersonate tenants),',
    "without waiting for them (each carries its tenant's health; one unhealthy tenant must not hold",
    'back the shard). An empty shard keeps its folder (its README.md), so both stay Ready with nothing to apply.',
  ].join('\n');
}

/**
 * Every file of `clusters/<cluster>/`: Flux's bootstrap folder, the infrastructure Kustomizations
 * and what applies the cluster's tenants in the given layout; in the artifacts layout also each
 * shard folder's marker, `tenants/<cluster>/<shard>/README.md`, and the cluster's Argo CD entry
 * point `argocd/<cluster>/`. Pure and deterministic; the template's
 * clusters/production is exactly this for `production`. Throws RangeError for invalid options.
 */
export function renderClusterEntry(options: ClusterEntryOptions): RenderedFile[] {
  const { cluster } = options;
  const fluxLayout = options.fluxLayout ?? defaultRenderOptions.fluxLayout;
  const shardScheme = options.shardScheme ?? defaultRenderOptions.shardScheme;
  const gitRepositoryName = options.gitRepositoryName ?? defaultRenderOptions.gitRepositoryName;
  check(DNS_LABEL.test(cluster), `'cluster' (${cluster}) must be a DNS label`);
  // `--` ends the cluster in Argo CD Application names (argocd/application-names.ts).
  check(!cluster.includes('--'), `'cluster' (${cluster}) must not hold '--'`);
  check(
    fluxLayouts.includes(fluxLayout),
    `'fluxLayout' (${fluxLayout}) must be one of ${fluxLayouts.join(', ')}`,
  );
  check(
    shardSchemes.includes(shardScheme),
    `'shardScheme' (${shardScheme}) must be one of ${shardSchemes.join(', ')}`,
  );
  check(DNS_LABEL.test(gitRepositoryName), `'gitRepositoryName' (${gitRepositoryName}) must be a DNS label`);
  const values = resolveValues(options);
  const argoRepoUrl = options.argoRepoUrl ?? `${values.lusterUrl}/git/gitops.git`;
  check(HTTP_URL.test(argoRepoUrl), `'argoRepoUrl' (${argoRepoUrl}) must be an http(s) URL`);
  const dir = `clusters/${cluster}`;
  const tenants =
    fluxLayout === 'legacy'
      ? [{ path: `${dir}/tenants.yaml`, content: legacyTenantsFile(cluster, gitRepositoryName) }]
      : artifactsFiles(cluster, shardScheme, gitRepositoryName);
  return [
    { path: `${dir}/flux-system/gotk-components.yaml`, content: GOTK_COMPONENTS_PLACEHOLDER },
    { path: `${dir}/flux-system/gotk-sync.yaml`, content: gotkSyncPlaceholder(cluster) },
    { path: `${dir}/flux-system/kustomization.yaml`, content: fluxSystemKustomization(cluster) },
    {
      path: `${dir}/infrastructure.yaml`,
      content: infrastructureFile(
        cluster,
        values,
        fluxLayout === 'legacy' ? { kind: 'GitRepository' } : { kind: 'ExternalArtifact', gitRepositoryName },
      ),
    },
    ...tenants,
    // Argo CD reads each tenant's platform/ and app/ folders, which only the artifacts layout has.
    ...(fluxLayout === 'legacy'
      ? []
      : renderArgoEntry(cluster, { repoUrl: argoRepoUrl, lusterUrl: values.lusterUrl })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
}
