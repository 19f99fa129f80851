import { parseTenantSpec, type RenderOptions, renderTenant, tenantDir } from '@luster/synth';
import type { FileWrite } from '../gitops/port.js';
import { type TenantRows, tenantSpecOf } from './tenant-spec.js';

/** synth's options plus what the control plane alone knows and the spec needs. */
export interface TenantRenderOptions extends RenderOptions {
  /** S3_BUCKET_PREFIX: the rendered bucket name must be the one the bucket queue creates. */
  mediaBucketPrefix?: string;
}

export interface RenderedTenant {
  /** `tenants/<cluster>/<shard>/<slug>`, repo-relative. */
  dir: string;
  /** Files relative to `dir`; `null` when the tenant's folder must go entirely (purged). */
  files: FileWrite[] | null;
}

/**
 * The tenant's folder as the DB says it should be: synth's render of the tenant's state (active,
 * suspended, deprovisioned — data retained — or purging — data released to Flux, synth/README.md),
 * and for a deleted tenant (purged, second commit) no folder at all, so Flux prunes what the purge
 * released.
 */
export function renderTenantFiles(rows: TenantRows, options: TenantRenderOptions): RenderedTenant {
  const { mediaBucketPrefix = '', ...synthOptions } = options;
  const dir = tenantDir(rows.tenant.cluster, rows.tenant.slug, synthOptions.shardScheme);
  if (rows.tenant.state === 'deleted') return { dir, files: null };
  const spec = parseTenantSpec(tenantSpecOf(rows, mediaBucketPrefix));
  const prefix = `${dir}/`;
  const files = renderTenant(spec, synthOptions).map((f) => {
    if (!f.path.startsWith(prefix)) {
      // synth owns the layout; a file outside the tenant's folder would be a synth bug.
      throw new Error(`synth rendered '${f.path}' outside the tenant folder '${dir}'`);
    }
    return { path: f.path.slice(prefix.length), content: f.content };
  });
  return { dir, files };
}
