import {
  parseTenantSpec,
  type RenderOptions,
  renderTenant,
  type TenantSpecInput,
  tenantDir,
} from '@luster/synth';
import type { Config } from '../config.js';
import type { FileWrite } from '../gitops/port.js';
import { type TenantRows, tenantSpecOf } from './tenant-spec.js';

/** synth's options plus what the control plane alone knows and the spec needs. */
export interface TenantRenderOptions extends RenderOptions {
  /** S3_BUCKET_PREFIX: the rendered bucket name must be the one the bucket queue creates. */
  mediaBucketPrefix?: string;
}

/**
 * The render options of an installation, from its configuration: the server's writer and
 * `luster fleet-layout upgrade` must render every tenant byte for byte alike.
 */
export function tenantRenderOptions(
  config: Pick<Config, 'LUSTER_BASE_DOMAIN' | 'S3_BUCKET_PREFIX'>,
): TenantRenderOptions {
  return { baseDomain: config.LUSTER_BASE_DOMAIN, mediaBucketPrefix: config.S3_BUCKET_PREFIX ?? '' };
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
  const job = renderJob(rows, options);
  if (!job.input) return { dir: job.dir, files: null };
  return { dir: job.dir, files: renderInto(job.dir, job.input, job.options) };
}

/** What rendering a tenant takes — the spec's input and synth's options — or no input for none. */
export function renderJob(
  rows: TenantRows,
  options: TenantRenderOptions,
): { dir: string; input: TenantSpecInput | null; options: RenderOptions } {
  const { mediaBucketPrefix = '', ...synthOptions } = options;
  const dir = tenantDir(rows.tenant.cluster, rows.tenant.slug, synthOptions.shardScheme);
  if (rows.tenant.state === 'deleted') return { dir, input: null, options: synthOptions };
  return { dir, input: tenantSpecOf(rows, mediaBucketPrefix), options: synthOptions };
}

/**
 * The folder a move left on the cluster the tenant came from, when a release writes it: with the
 * prune guard lifted (`released`: the tenant rendered there as purging — data only, unguarded —
 * with the database it ran), or gone (`removed`). `null` while it is only kept: the move never
 * touches that folder, so the old copy runs on exactly as it was until released.
 */
export function renderKeptCopy(rows: TenantRows, options: TenantRenderOptions): RenderedTenant | null {
  const { kept } = rows.tenant.database;
  if (!kept || kept.cluster === rows.tenant.cluster || kept.stage === 'kept') return null;
  const dir = tenantDir(kept.cluster, rows.tenant.slug);
  if (kept.stage === 'removed') return { dir, files: null };
  const { mediaBucketPrefix = '', ...synthOptions } = options;
  const spec = {
    ...tenantSpecOf(rows, mediaBucketPrefix),
    cluster: kept.cluster,
    database: { name: kept.name, ...(kept.recovery ? { recovery: kept.recovery } : {}) },
    state: 'purging' as const,
  };
  return { dir, files: renderInto(dir, spec, synthOptions) };
}

function renderInto(dir: string, input: TenantSpecInput, options: RenderOptions): FileWrite[] {
  return inTenantFolder(dir, renderTenant(parseTenantSpec(input), options));
}

/** synth's files as paths inside the tenant's folder. */
export function inTenantFolder(
  dir: string,
  files: readonly { path: string; content: string }[],
): FileWrite[] {
  const prefix = `${dir}/`;
  return files.map((f) => {
    if (!f.path.startsWith(prefix)) {
      // synth owns the layout; a file outside the tenant's folder would be a synth bug.
      throw new Error(`synth rendered '${f.path}' outside the tenant folder '${dir}'`);
    }
    return { path: f.path.slice(prefix.length), content: f.content };
  });
}
