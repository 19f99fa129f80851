// Which Flux objects carry a tenant's files to its cluster (docs/fleet-layout.md):
//
//   artifacts (Flux 2.7+, the default): an ArtifactGenerator per cluster splits the repository into
//     one ExternalArtifact per shard, an ArtifactGenerator per shard splits that into one per tenant
//     part (platform/, app/). An artifact's revision is the digest of its own files, so a commit
//     wakes only the Kustomizations whose files it changed, and one tenant's invalid objects fail
//     only that tenant's Kustomization.
//   legacy (Flux < 2.7): every Kustomization reads the whole repository; one `tenants`
//     Kustomization per cluster applies every tenant's platform objects. Every commit wakes every
//     tenant's Kustomization, and one invalid tenant blocks the platform objects of all.
export const fluxLayouts = ['artifacts', 'legacy'] as const;
export type FluxLayout = (typeof fluxLayouts)[number];
/** RenderOptions.fluxLayout's default. */
export const DEFAULT_FLUX_LAYOUT: FluxLayout = 'artifacts';

/** Names of the Flux objects (all in flux-system) of the artifacts layout. */
export const fleetNames = {
  /** The cluster's ArtifactGenerator, yielding `shard-<shard>` and `fleet-<shard>`. */
  clusterGenerator: 'tenants',
  /** Artifact of a whole shard folder, and the shard's ArtifactGenerator that splits it. */
  shard: (shard: string) => `shard-${shard}`,
  /** Artifact of a shard's tenant folders without their sub-folders, and the Kustomization applying it. */
  fleet: (shard: string) => `fleet-${shard}`,
  /** A tenant's platform Kustomization and the artifact of its platform/ folder. */
  platform: (slug: string) => `platform-${slug}`,
} as const;
