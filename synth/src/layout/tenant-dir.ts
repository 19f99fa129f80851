// Layout of the GitOps repo, which synth owns under tenants/:
//   tenants/<cluster>/<shard>/<slug>/            the tenant's folder; nothing outside it changes
//                                                when the tenant does
//   tenants/<cluster>/<shard>/<slug>/app/        the workload, applied as the tenant
//   tenants/<cluster>/<shard>/<slug>/platform/   (artifacts layout) namespace, guard rails, RBAC,
//                                                applied by the tenant's platform Kustomization
// In the artifacts layout (the default) the folder itself holds only the tenant's two Flux Kustomizations,
// which its shard's Kustomization applies; in the legacy layout it holds the platform objects and
// the workload Kustomization, applied by the cluster's one `tenants` Kustomization (fleet-layout.ts).
import { DEFAULT_SHARD_SCHEME, type ShardScheme, shardOf } from './shards.js';

export const WORKLOAD_DIR = 'app';
export const PLATFORM_DIR = 'platform';

/** Folder of one tenant, relative to the GitOps repo root: `tenants/<cluster>/<shard>/<slug>`. */
export function tenantDir(
  cluster: string,
  slug: string,
  shardScheme: ShardScheme = DEFAULT_SHARD_SCHEME,
): string {
  return `tenants/${cluster}/${shardOf(slug, shardScheme)}/${slug}`;
}
