// How tenant folders are spread over shard folders, `tenants/<cluster>/<shard>/<slug>`. A shard
// bounds the work of one fleet-level Kustomization and one ArtifactGenerator (artifacts layout), so
// shards should be even: real company names start with `the-`, `st…`, `co…` far more often than
// with `qx`, which makes the first two characters a skewed key. A hash spreads any set of slugs
// evenly over a fixed set of 256 shards, which also lets a cluster's entry point list every shard
// once, when the cluster is added, instead of growing as tenants arrive.
import { createHash } from 'node:crypto';

export const shardSchemes = ['hash', 'prefix'] as const;
/** `hash`: two hex characters of sha256(slug). `prefix`: the slug's first two characters. */
export type ShardScheme = (typeof shardSchemes)[number];
/** RenderOptions.shardScheme's default, and so every layout function's. */
export const DEFAULT_SHARD_SCHEME: ShardScheme = 'hash';

const HEX = '0123456789abcdef';
const SLUG_START = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The shard folder of a slug under `scheme`. */
export function shardOf(slug: string, scheme: ShardScheme = DEFAULT_SHARD_SCHEME): string {
  if (scheme === 'prefix') return slug.slice(0, 2);
  return createHash('sha256').update(slug).digest('hex').slice(0, 2);
}

/**
 * Every shard `scheme` can yield, sorted: 256 for `hash`, 1,296 for `prefix` (a slug is a DNS
 * label of at least two characters whose first two are letters or digits; a `-` second character
 * would make the shard folder itself an invalid label, which the writer refuses).
 */
export function allShards(scheme: ShardScheme): string[] {
  const alphabet = scheme === 'hash' ? HEX : [...SLUG_START].sort().join('');
  return [...alphabet].flatMap((a) => [...alphabet].map((b) => `${a}${b}`));
}

/**
 * The file every shard folder `tenants/<cluster>/<shard>/` holds from the day its cluster is added
 * (artifacts layout). Git keeps no empty folder: without it, removing a shard's last tenant would
 * remove the folder, so the cluster's generator would stop yielding the shard's artifacts and
 * `fleet-<shard>` would fail on a missing source instead of pruning the tenant's Kustomizations.
 * Not YAML, so neither kustomize-controller's generated kustomization nor a tenant pattern reads it.
 */
export const SHARD_MARKER = 'README.md';

/** The content of a shard folder's marker file. */
export function shardMarkerContent(cluster: string, shard: string): string {
  return `# Shard ${shard} of cluster ${cluster}

Tenant folders \`<slug>/\` whose shard is \`${shard}\`, written by the Luster control plane. This file
keeps the folder in git when it holds no tenant, so that Flux prunes a shard's last tenant like
any other (docs/fleet-layout.md). Do not remove it.
`;
}
