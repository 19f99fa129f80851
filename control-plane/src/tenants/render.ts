import { parseTenantSpec, type RenderOptions, renderTenant, tenantDir } from '@luster/synth';
import { parse, parseAllDocuments, stringify } from 'yaml';
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
const PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';

/**
 * The tenant's folder as the DB says it should be:
 *   - active / provisioning / suspended: synth's full render (suspension is synth's `state`);
 *   - deprovisioned: the platform folder stays and `app/` keeps only the database and its backup
 *     schedule (its kustomization.yaml rewritten to list them), so Flux prunes the theme workload
 *     while the data stays managed and backed up until a purge;
 *   - purging (an approved purge, first commit): as deprovisioned, with the data objects released
 *     to Flux (no `prune: disabled`);
 *   - deleted (purged, second commit): no folder at all, so Flux prunes what was released.
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
  if (rows.tenant.state === 'purging') files = retainDataOnly(files).map(releaseToFlux);
  return { dir, files };
}

/**
 * An approved purge, first commit: the data objects (Namespace, database, backup schedule) lose
 * `kustomize.toolkit.fluxcd.io/prune: disabled`, so once Flux has applied this, removing the
 * folder (the second commit, changes/purge.ts) makes Flux delete them.
 */
function releaseToFlux(file: FileWrite): FileWrite {
  const text = typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
  if (!text.includes(PRUNE_ANNOTATION)) return file;
  const docs = parseAllDocuments(text).map((doc) => {
    const value = doc.toJS();
    const annotations = value?.metadata?.annotations;
    if (annotations && PRUNE_ANNOTATION in annotations) {
      delete annotations[PRUNE_ANNOTATION];
      if (Object.keys(annotations).length === 0) delete value.metadata.annotations;
    }
    return stringify(value);
  });
  return { path: file.path, content: docs.join('---\n') };
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
