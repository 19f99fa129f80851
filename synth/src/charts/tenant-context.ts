// Everything the charts derive from one spec and one set of options, computed once.
import { type Component, tenantLabels } from '../labels/tenant-labels.js';
import { PLATFORM_DIR, tenantDir, WORKLOAD_DIR } from '../layout/tenant-dir.js';
import { tenantName } from '../naming/tenant-names.js';
import type { ResolvedRenderOptions } from '../options/render-options.js';
import type { TenantSpec } from '../spec/tenant-spec.js';
import { type TierPreset, tierPresets } from '../tiers/tier-presets.js';

export interface TenantContext {
  readonly spec: TenantSpec;
  readonly tier: TierPreset;
  readonly options: ResolvedRenderOptions;
  /** `tenant-<slug>`: namespace, Flux Kustomization and Flux ServiceAccount. */
  readonly name: string;
  /** The tenant's folder, relative to the GitOps repo root. */
  readonly dir: string;
  /** Folder of the platform objects: `<dir>/platform` (artifacts layout) or `<dir>` (legacy). */
  readonly platformDir: string;
  /** Folder of the workload, applied by the tenant's Flux Kustomization. */
  readonly workloadDir: string;
  /** `<platformSubdomain>.<baseDomain>`. */
  readonly platformHost: string;
  /** The platform host first, then the custom domains in spec order. */
  readonly hosts: readonly string[];
  /** No theme pod and no traffic (suspended, or no workload at all). */
  readonly suspended: boolean;
  /** Deprovisioned or purging: only the database and its backups are rendered in the workload. */
  readonly dataOnly: boolean;
  /** False once a purge is approved: the namespace, database and backups lose their prune guard. */
  readonly dataRetained: boolean;
  labels(component: Component): Record<string, string>;
}

export function tenantContext(spec: TenantSpec, options: ResolvedRenderOptions): TenantContext {
  const dir = tenantDir(spec.cluster, spec.slug, options.shardScheme);
  const platformHost = `${spec.domains.platformSubdomain ?? spec.slug}.${options.baseDomain}`;
  return {
    spec,
    tier: tierPresets[spec.tier],
    options,
    name: tenantName(spec.slug),
    dir,
    platformDir: options.fluxLayout === 'artifacts' ? `${dir}/${PLATFORM_DIR}` : dir,
    workloadDir: `${dir}/${WORKLOAD_DIR}`,
    platformHost,
    hosts: [platformHost, ...spec.domains.custom],
    suspended: spec.state !== 'active',
    dataOnly: spec.state === 'deprovisioned' || spec.state === 'purging',
    dataRetained: spec.state !== 'purging',
    labels: (component) => tenantLabels(spec.slug, spec.tier, component),
  };
}
