// The fleet-level Flux objects of the artifacts layout, per cluster and per shard. All live in
// flux-system: source-watcher creates each ExternalArtifact in its generator's namespace, and
// --no-cross-namespace-refs lets a Kustomization read a source of its own namespace only.
//
//   GitRepository flux-system ─ ArtifactGenerator tenants ─┬─ shard-<shard>: the whole shard folder
//                                                          └─ fleet-<shard>: its tenants' folders
//                                                             without platform/ and app/
//   ExternalArtifact shard-<shard> ─ ArtifactGenerator shard-<shard> ─┬─ platform-<slug>: platform/
//                                                                     └─ tenant-<slug>: app/
//   ExternalArtifact fleet-<shard> ─ Kustomization fleet-<shard>: each tenant's two Kustomizations
//
// Every artifact's revision is the digest of its own files: a commit that changes tenant X's app/
// changes shard-<X's shard> (so that shard's generator runs) and tenant-X, and nothing else, so
// only Kustomization tenant-X reconciles. No list of tenants exists anywhere: `pathPattern`
// captures each folder, so adding a tenant adds files in its own folder only.
import { ApiObject, App, Chart } from 'cdk8s';
import { Kustomization, KustomizationSpecSourceRefKind } from '../imports/kustomize.toolkit.fluxcd.io.js';
import {
  ArtifactGenerator,
  ArtifactGeneratorSpecSourcesKind,
} from '../imports/source.extensions.fluxcd.io.js';
import { fleetNames } from '../layout/fleet-layout.js';
import { PLATFORM_DIR, WORKLOAD_DIR } from '../layout/tenant-dir.js';
import { FLUX_NAMESPACE, PLATFORM_FLUX_ACCOUNT, tenantName } from '../naming/tenant-names.js';
import type { Manifest } from '../validation/object-identity.js';

/** The Kustomization every fleet-level Kustomization waits for (clusters/<cluster>/infrastructure.yaml). */
export const INFRASTRUCTURE_CONFIGS = 'infrastructure-configs';

// Placeholders source-watcher fills in per captured folder.
const SHARD = '{shard}';
const SLUG = '{slug}';

function objectsOf(build: (chart: Chart) => void): Manifest[] {
  const chart = new Chart(new App(), 'fleet');
  build(chart);
  return chart.node
    .findAll()
    .filter((c): c is ApiObject => c instanceof ApiObject)
    .map((o) => o.toJson() as Manifest);
}

/**
 * The cluster's one ArtifactGenerator: per shard folder of `tenants/<cluster>/`, the shard's
 * artifact and its fleet artifact. It is the only object that reads the whole repository on a
 * commit; its inventory holds two entries per shard, never one per tenant (status size stays far
 * below etcd's object limit at any tenant count).
 */
export function clusterGenerator(cluster: string, gitRepositoryName: string): Manifest {
  const shardFolder = `@repo/tenants/${cluster}/${SHARD}`;
  const [generator] = objectsOf((chart) => {
    new ArtifactGenerator(chart, 'Generator', {
      metadata: { name: fleetNames.clusterGenerator, namespace: FLUX_NAMESPACE },
      spec: {
        sources: [
          { alias: 'repo', kind: ArtifactGeneratorSpecSourcesKind.GIT_REPOSITORY, name: gitRepositoryName },
        ],
        pathPattern: shardFolder,
        artifacts: [
          {
            name: fleetNames.shard(SHARD),
            originRevision: '@repo',
            copy: [{ from: `${shardFolder}/**`, to: '@artifact/' }],
          },
          {
            name: fleetNames.fleet(SHARD),
            originRevision: '@repo',
            copy: [
              {
                from: `${shardFolder}/**`,
                to: '@artifact/',
                exclude: [`*/${PLATFORM_DIR}/**`, `*/${WORKLOAD_DIR}/**`],
              },
            ],
          },
        ],
      },
    });
  });
  return generator as Manifest;
}

/**
 * One shard's objects: the ArtifactGenerator that splits the shard's artifact into each tenant's
 * platform and workload artifacts, and the Kustomization that applies the shard's fleet artifact
 * (every tenant's two Kustomizations) with the platform's own account.
 */
export function shardObjects(shard: string): Manifest[] {
  const shardName = fleetNames.shard(shard);
  const fleetName = fleetNames.fleet(shard);
  return objectsOf((chart) => {
    new ArtifactGenerator(chart, 'Generator', {
      metadata: { name: shardName, namespace: FLUX_NAMESPACE },
      spec: {
        sources: [
          { alias: 'shard', kind: ArtifactGeneratorSpecSourcesKind.EXTERNAL_ARTIFACT, name: shardName },
        ],
        pathPattern: `@shard/${SLUG}`,
        artifacts: [
          {
            name: fleetNames.platform(SLUG),
            originRevision: '@shard',
            copy: [{ from: `@shard/${SLUG}/${PLATFORM_DIR}/**`, to: '@artifact/' }],
          },
          {
            name: tenantName(SLUG),
            originRevision: '@shard',
            copy: [{ from: `@shard/${SLUG}/${WORKLOAD_DIR}/**`, to: '@artifact/' }],
          },
        ],
      },
    });
    new Kustomization(chart, 'Fleet', {
      metadata: { name: fleetName, namespace: FLUX_NAMESPACE },
      spec: {
        dependsOn: [{ name: INFRASTRUCTURE_CONFIGS }],
        // Creates Kustomizations that impersonate any tenant: only the platform's account may.
        serviceAccountName: PLATFORM_FLUX_ACCOUNT,
        sourceRef: { kind: KustomizationSpecSourceRefKind.EXTERNAL_ARTIFACT, name: fleetName },
        path: './',
        interval: '10m',
        retryInterval: '1m',
        timeout: '5m',
        prune: true,
        // Each tenant's Kustomizations carry their own health: waiting here would let one
        // unhealthy tenant hold back the shard.
        wait: false,
      },
    });
  });
}
