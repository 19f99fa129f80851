import { renderedTenantStates } from '@luster/contract';
import { allShards, SHARD_MARKER, tenantDir } from '@luster/synth';
import { type DataSource, In } from 'typeorm';
import type { FolderChange, GitopsWriter } from '../gitops/port.js';
import { renderTenantFiles, type TenantRenderOptions } from '../tenants/render.js';
import { loadTenantRows } from '../tenants/tenant-rows.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { FleetLayoutError } from './fleet-layout-error.js';
import type { MovedTenant } from './upgrade-record.js';

/*
 * Where an earlier release put each tenant's folder on a legacy cluster. Releases before the hash
 * shards wrote `tenants/<cluster>/<first two characters>/<slug>` (synth's `prefix` scheme), and the
 * first ones `tenants/<cluster>/<slug>`; a tenant whose two schemes agree is already where it goes.
 * A folder is the tenant's when it holds its kustomization.yaml — what kustomize-controller, and so
 * the legacy Kustomization `tenants`, takes as one tenant. The upgrade re-renders each such folder
 * from the database into its hash shard (`legacyTenantFolders`).
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

/** Every tenant folder of a legacy cluster: re-rendered into its shard, the old one removed. */
export async function legacyTenantFolders(
  deps: {
    dataSource: DataSource;
    writer: Pick<GitopsWriter, 'listFiles'>;
    renderOptions: TenantRenderOptions;
  },
  head: string,
  cluster: string,
): Promise<{ folders: FolderChange[]; moved: MovedTenant[] }> {
  const { dataSource, writer } = deps;
  const tenants = await dataSource.manager.find(Tenant, {
    select: { id: true, slug: true },
    where: { cluster, state: In([...renderedTenantStates]) },
  });
  const paths = (await writer.listFiles(head, `tenants/${cluster}`)).map((f) => f.path);
  const { moves, strays } = legacyFolders(cluster, paths, tenants);
  if (strays.length > 0) {
    throw new FleetLayoutError(
      `tenants/${cluster}/ holds files of no tenant the database knows (${strays.slice(0, 5).join(', ')}${strays.length > 5 ? `, and ${strays.length - 5} more` : ''}): the artifacts layout would read them as tenants. Remove them with a commit of your own, then run this again`,
    );
  }
  const folders: FolderChange[] = [];
  for (const move of moves) {
    const rendered = renderTenantFiles(
      await loadTenantRows(dataSource.manager, move.tenantId),
      deps.renderOptions,
    );
    if (!rendered.files) continue;
    folders.push({ tenantDir: rendered.dir, files: rendered.files });
    if (move.from !== rendered.dir) folders.push({ tenantDir: move.from, files: null });
  }
  const moved: MovedTenant[] = moves.map((m) => ({ id: m.tenantId, cluster, slug: m.slug }));
  return { folders, moved };
}
