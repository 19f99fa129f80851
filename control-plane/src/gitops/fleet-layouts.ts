import { parseAllDocuments } from 'yaml';
import type { GitopsWriter } from './port.js';

/*
 * Which fleet layout (docs/fleet-layout.md) a cluster's entry point in the repository has, read from
 * `clusters/<cluster>/tenants.yaml`: the one file both layouts name alike and fill differently. The
 * control plane renders only the artifacts layout; a repository an earlier release wrote is legacy
 * until `luster fleet-layout upgrade` rewrites it, and tenant changes to its clusters wait for that
 * (a tenant written in the new layout next to legacy ones would make a mixed repository that no
 * Flux object reads as intended).
 */

/** `artifacts`: ArtifactGenerator `tenants`; `legacy`: Kustomization `tenants`; `unknown`: neither. */
export type EntryLayout = 'artifacts' | 'legacy' | 'unknown';

export const CLUSTER_TENANTS_FILE = 'tenants.yaml';

interface FluxObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown };
}

/** The layout of one `clusters/<cluster>/tenants.yaml`, by the object named `tenants` it declares. */
export function entryLayoutOf(text: string): EntryLayout {
  let objects: FluxObject[];
  try {
    objects = parseAllDocuments(text).map((d) => d.toJS() as FluxObject);
  } catch {
    return 'unknown';
  }
  const tenants = objects.filter((o) => o?.metadata?.name === 'tenants');
  if (tenants.length !== 1) return 'unknown';
  const [{ apiVersion, kind }] = tenants as [FluxObject];
  if (kind === 'ArtifactGenerator' && String(apiVersion).startsWith('source.extensions.fluxcd.io/'))
    return 'artifacts';
  if (kind === 'Kustomization' && String(apiVersion).startsWith('kustomize.toolkit.fluxcd.io/'))
    return 'legacy';
  return 'unknown';
}

/**
 * Every cluster whose entry point has a `tenants.yaml` at `ref`, with its layout. A cluster folder
 * without one (not written yet) is not listed: nothing reads its tenants, so nothing can mix.
 */
export async function clusterLayouts(
  reader: Pick<GitopsWriter, 'listFiles' | 'readFile'>,
  ref: string,
): Promise<Map<string, EntryLayout>> {
  const layouts = new Map<string, EntryLayout>();
  for (const file of await reader.listFiles(ref, 'clusters')) {
    const parts = file.path.split('/');
    if (parts.length !== 3 || parts[2] !== CLUSTER_TENANTS_FILE) continue;
    const text = await reader.readFile(ref, file.path);
    if (text !== null) layouts.set(parts[1] as string, entryLayoutOf(text));
  }
  return layouts;
}
