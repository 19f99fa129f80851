import { type ClusterEntryOptions, renderClusterEntry } from '@luster/synth';
import { parseAllDocuments } from 'yaml';
import type { FileWrite } from '../gitops/port.js';

/*
 * The two edits of a legacy cluster's entry point `clusters/<cluster>/` (docs/fleet-layout.md):
 * `prune: false` on Kustomization `tenants` first, then the artifacts layout's files. What the
 * operator set there is carried over: the values infrastructure-configs substitutes, the
 * GitRepository name, and flux-system/ — written by `flux bootstrap`, never by us — is left alone.
 */

interface FluxObject {
  kind?: string;
  metadata?: { name?: string };
  spec?: {
    prune?: unknown;
    sourceRef?: { name?: unknown };
    postBuild?: { substitute?: Record<string, unknown> };
  };
}

function objects(text: string): FluxObject[] {
  return parseAllDocuments(text).map((d) => (d.toJS() ?? {}) as FluxObject);
}

function named(text: string, kind: string, name: string): FluxObject | undefined {
  return objects(text).find((o) => o.kind === kind && o.metadata?.name === name);
}

/** Whether the legacy `tenants.yaml` has `prune: false`: the upgrade's precondition. */
export function pruneIsOff(tenantsYaml: string): boolean {
  return named(tenantsYaml, 'Kustomization', 'tenants')?.spec?.prune === false;
}

/**
 * The legacy `tenants.yaml` with `prune: false`, or `null` when it has it already. Throws when the
 * file has no `prune: true` line this edit can turn (edited by hand: the operator sets it).
 */
export function withPruneOff(tenantsYaml: string): string | null {
  if (pruneIsOff(tenantsYaml)) return null;
  const edited = tenantsYaml.replace(
    /^( +)prune: true[ \t]*$/m,
    (_line, indent: string) =>
      `${indent}# luster fleet-layout prepare: the upgrade to the artifacts layout removes this Kustomization;\n` +
      `${indent}# with prune off, Flux leaves what it applied in place for each platform-<slug> to take over.\n` +
      `${indent}prune: false`,
  );
  if (!pruneIsOff(edited))
    throw new Error(
      'its Kustomization tenants has no `prune: true` line to turn off: set `prune: false` by hand',
    );
  return edited;
}

/** What renderClusterEntry needs to re-render the cluster with the operator's values. */
export function entryOptionsOf(
  cluster: string,
  files: { infrastructure: string | null; tenants: string },
): ClusterEntryOptions {
  const source = named(files.tenants, 'Kustomization', 'tenants')?.spec?.sourceRef?.name;
  const values = files.infrastructure
    ? named(files.infrastructure, 'Kustomization', 'infrastructure-configs')?.spec?.postBuild?.substitute
    : undefined;
  const text = (key: string) => (typeof values?.[key] === 'string' ? (values[key] as string) : undefined);
  const options: ClusterEntryOptions = {
    cluster,
    fluxLayout: 'artifacts',
    shardScheme: 'hash',
    ...(typeof source === 'string' ? { gitRepositoryName: source } : {}),
  };
  const lusterUrl = text('luster_url');
  const acmeEmail = text('acme_email');
  const fluxReceiverHost = text('flux_receiver_host');
  return {
    ...options,
    ...(lusterUrl ? { lusterUrl } : {}),
    ...(acmeEmail ? { acmeEmail } : {}),
    ...(fluxReceiverHost ? { fluxReceiverHost } : {}),
  };
}

export interface ArtifactsEntry {
  /** Relative to `clusters/<cluster>/`: infrastructure.yaml (unless kept), tenants.yaml, tenant-shards/. */
  writes: FileWrite[];
  /** Relative to `tenants/<cluster>/`: each shard folder's marker. */
  shardMarkers: FileWrite[];
  /** Relative to `argocd/<cluster>/`: the cluster's Argo CD entry point, as a new cluster gets it. */
  argocd: FileWrite[];
  /** Whether infrastructure.yaml was left as it is (it differs from synth's legacy render: edited by hand). */
  infrastructureKept: boolean;
}

/**
 * The artifacts layout's files of `cluster` (and its Argo CD entry point, which the same render holds). infrastructure.yaml is re-rendered only when it is
 * exactly synth's legacy one with the same values; one edited by hand is kept (it still works: it
 * reads the GitRepository, as in the legacy layout, at the cost of waking on every commit).
 */
export function artifactsEntry(options: ClusterEntryOptions, infrastructure: string | null): ArtifactsEntry {
  const { cluster } = options;
  const legacyInfrastructure = renderClusterEntry({ ...options, fluxLayout: 'legacy' }).find(
    (f) => f.path === `clusters/${cluster}/infrastructure.yaml`,
  )?.content;
  const infrastructureKept = infrastructure !== null && infrastructure !== legacyInfrastructure;
  const entry: ArtifactsEntry = { writes: [], shardMarkers: [], argocd: [], infrastructureKept };
  for (const file of renderClusterEntry(options)) {
    if (file.path.startsWith(`tenants/${cluster}/`)) {
      entry.shardMarkers.push({ path: file.path.slice(`tenants/${cluster}/`.length), content: file.content });
      continue;
    }
    if (file.path.startsWith(`argocd/${cluster}/`)) {
      entry.argocd.push({ path: file.path.slice(`argocd/${cluster}/`.length), content: file.content });
      continue;
    }
    const path = file.path.slice(`clusters/${cluster}/`.length);
    if (path.startsWith('flux-system/') || (path === 'infrastructure.yaml' && infrastructureKept)) continue;
    entry.writes.push({ path, content: file.content });
  }
  return entry;
}
