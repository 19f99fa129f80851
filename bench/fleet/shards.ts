// Two ways to pick a tenant's shard folder, and how evenly each spreads real names.
import { createHash } from 'node:crypto';

export type ShardBy = 'prefix' | 'hash';

/** Today's rule (synth's shardOf): the slug's first two characters. */
export function prefixShard(slug: string): string {
  return slug.slice(0, 2);
}

/** Two hex characters of sha256(slug): 256 shards whatever the names look like. */
export function hashShard(slug: string): string {
  return createHash('sha256').update(slug).digest('hex').slice(0, 2);
}

export const shardFunctions: Record<ShardBy, (slug: string) => string> = {
  prefix: prefixShard,
  hash: hashShard,
};

export interface ShardSkew {
  /** Shards holding at least one tenant. */
  shards: number;
  max: number;
  /** Tenants per non-empty shard. */
  mean: number;
  /** 99th percentile of the non-empty shards' sizes (nearest rank). */
  p99: number;
  largest: string;
}

/** Sizes of the shards the slugs fall into: what one shard Kustomization would hold. */
export function shardSkew(slugs: readonly string[], shardOf: (slug: string) => string): ShardSkew {
  const sizes = new Map<string, number>();
  for (const slug of slugs) {
    const shard = shardOf(slug);
    sizes.set(shard, (sizes.get(shard) ?? 0) + 1);
  }
  const sorted = [...sizes.values()].sort((a, b) => a - b);
  const [largest, max] = [...sizes].reduce((top, entry) => (entry[1] > top[1] ? entry : top), ['', 0]);
  const rank = Math.max(0, Math.ceil(0.99 * sorted.length) - 1);
  return { shards: sizes.size, max, mean: slugs.length / sizes.size, p99: sorted[rank] ?? 0, largest };
}
