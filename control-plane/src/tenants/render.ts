import { parseTenantSpec, type RenderOptions, renderTenant, tenantDir } from '@luster/synth';
import { parse, stringify } from 'yaml';
import type { FileWrite } from '../gitops/port.js';
import { type TenantRows, tenantSpecOf } from './tenant-spec.js';

export interface RenderedTenant {
  /** `tenants/<cluster>/<shard>/<slug>`, repo-relative. */
  dir: string;
  /** Files relative to `dir`; `null` when the tenant's folder must go entirely (purged). */
  files: FileWrite[] | null;
}

/** Workload folder synth renders below the tenant folder (synth/src/layout/tenant-dir.ts). */
const WORKLOAD_DIR = 'app/';
const KUSTOMIZATION = 'kustomization.yaml';
/** Kinds that hold a tenant's data; synth marks them `prune: disabled`, and deprovisioning keeps them. */
const DATA_KINDS = new Set(['Cluster', 'ScheduledBackup']);

/**
 * The tenant's folder as the DB says it should be:
 *   - active / provisioning / suspended: synth's full render (suspension is synth's `state`);
 *   - deprovisioned: the platform folder stays and `app/` keeps only the database and its backup
 *     schedule (its kustomization.yaml rewritten to list them), so Flux prunes the theme workload
 *     while the data stays managed and backed up until a purge;
 *   - deleted (purged): no folder at all. The namespace and database are `prune: disabled`, so
 *     even then Flux leaves them; deleting the data is the operator's explicit last step.
 */
export function renderTenantFiles(rows: TenantRows, options: RenderOptions): RenderedTenant {
  const dir = tenantDir(rows.tenant.cluster, rows.tenant.slug);
  if (rows.tenant.state === 'deleted') return { dir, files: null };
  const spec = parseTenantSpec(tenantSpecOf(rows));
  const prefix = `${dir}/`;
  let files: FileWrite[] = renderTenant(spec, options).map((f) => {
    if (!f.path.startsWith(prefix)) {
      // synth owns the layout; a file outside the tenant's folder would be a synth bug.
      throw new Error(`synth rendered '${f.path}' outside the tenant folder '${dir}'`);
    }
    return { path: f.path.slice(prefix.length), content: f.content };
  });
  if (rows.tenant.state === 'deprovisioned') files = retainDataOnly(files);
  return { dir, files };
}

function retainDataOnly(files: FileWrite[]): FileWrite[] {
  const kept: FileWrite[] = [];
  const workload: string[] = [];
  for (const file of files) {
    if (!file.path.startsWith(WORKLOAD_DIR)) {
      kept.push(file);
      continue;
    }
    const name = file.path.slice(WORKLOAD_DIR.length);
    if (name === KUSTOMIZATION) continue;
    const doc = parse(
      typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content),
    );
    if (DATA_KINDS.has(doc?.kind)) {
      kept.push(file);
      workload.push(name);
    }
  }
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: workload.sort(),
  };
  kept.push({ path: `${WORKLOAD_DIR}${KUSTOMIZATION}`, content: stringify(kustomization) });
  return kept.sort((a, b) => (a.path < b.path ? -1 : 1));
}
