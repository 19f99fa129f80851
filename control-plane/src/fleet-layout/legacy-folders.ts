import { allShards, SHARD_MARKER, tenantDir } from '@luster/synth';

/*
 * Where an earlier release put each tenant's folder on a legacy cluster. Releases before the hash
 * shards wrote `tenants/<cluster>/<first two characters>/<slug>` (synth's `prefix` scheme), and the
 * first ones `tenants/<cluster>/<slug>`; a tenant whose two schemes agree is already where it goes.
 * A folder is the tenant's when it holds its kustomization.yaml — what kustomize-controller, and so
 * the legacy Kustomization `tenants`, takes as one tenant.
 */

export interface TenantOnCluster {
  id: string;
  slug: string;
}

export interface FolderMove {
  tenantId: string;
  slug: string;
  /** The folder the earlier release wrote. */
  from: string;
}

/**
 * Each tenant's folder among `paths` (every file under `tenants/<cluster>/` at the head), and the
 * files no tenant of the database owns — `strays`, which the upgrade refuses to guess about: left in
 * place, the artifacts layout's generator would read them as shards of their own.
 */
export function legacyFolders(
  cluster: string,
  paths: readonly string[],
  tenants: readonly TenantOnCluster[],
): { moves: FolderMove[]; strays: string[] } {
  const present = new Set(paths);
  const moves: FolderMove[] = [];
  for (const { id, slug } of tenants) {
    const candidates = [
      tenantDir(cluster, slug, 'prefix'),
      `tenants/${cluster}/${slug}`,
      tenantDir(cluster, slug, 'hash'),
    ];
    const from = candidates.find((dir) => present.has(`${dir}/kustomization.yaml`));
    if (from) moves.push({ tenantId: id, slug, from });
  }
  const owned = moves.map((m) => `${m.from}/`);
  const markers = new Set(allShards('hash').map((shard) => `tenants/${cluster}/${shard}/${SHARD_MARKER}`));
  const strays = paths.filter(
    (path) =>
      // Files right under tenants/<cluster>/ (a README) are no tenant's and no shard's.
      path.split('/').length > 3 && !markers.has(path) && !owned.some((dir) => path.startsWith(dir)),
  );
  return { moves, strays };
}
