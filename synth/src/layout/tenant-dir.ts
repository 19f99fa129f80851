// Layout of the GitOps repo, which synth owns under tenants/:
//   tenants/<cluster>/<shard>/<slug>/       platform objects, applied by the cluster-level Kustomization
//   tenants/<cluster>/<shard>/<slug>/app/   the workload, applied by the tenant's own Kustomization
// Sharding by the slug's first two characters keeps folders small at 10,000 tenants, and no file
// outside a tenant's folder changes when that tenant does.

export const WORKLOAD_DIR = 'app';

/** The shard folder of a slug: its first two characters. */
export function shardOf(slug: string): string {
  return slug.slice(0, 2);
}

/** Folder of one tenant, relative to the GitOps repo root: `tenants/<cluster>/<shard>/<slug>`. */
export function tenantDir(cluster: string, slug: string): string {
  return `tenants/${cluster}/${shardOf(slug)}/${slug}`;
}
