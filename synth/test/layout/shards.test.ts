import { describe, expect, it } from 'vitest';
import { allShards, shardOf } from '../../src/layout/shards.js';

// Company-like slugs with the skew of real names: many start with `the-`, `st…`, `co…`.
function skewedSlugs(count: number): string[] {
  const starts = ['the-', 'the-', 'the-', 'st', 'st', 'co', 'sh', 'ma', 'ac', 'qx'];
  return Array.from({ length: count }, (_, i) => `${starts[i % starts.length]}shop-${i}`);
}

function maxOverMean(slugs: readonly string[], shard: (slug: string) => string): number {
  const sizes = new Map<string, number>();
  for (const slug of slugs) sizes.set(shard(slug), (sizes.get(shard(slug)) ?? 0) + 1);
  return Math.max(...sizes.values()) / (slugs.length / sizes.size);
}

describe('shardOf', () => {
  it('prefix: the first two characters', () => {
    expect(shardOf('globex', 'prefix')).toBe('gl');
    expect(shardOf('ab', 'prefix')).toBe('ab');
  });

  it('hash: the first two hex characters of sha256(slug), the same in every process', () => {
    // sha256('acme') = 822b33ad…, sha256('globex') = 5bc1a08d…
    expect(shardOf('acme', 'hash')).toBe('82');
    expect(shardOf('globex', 'hash')).toBe('5b');
  });

  it('hash spreads skewed real-world names evenly; the prefix does not', () => {
    const slugs = skewedSlugs(25_600);
    expect(maxOverMean(slugs, (s) => shardOf(s, 'hash'))).toBeLessThan(1.3);
    expect(maxOverMean(slugs, (s) => shardOf(s, 'prefix'))).toBeGreaterThan(2);
  });
});

describe('allShards', () => {
  it('lists every hash shard once, sorted: 256', () => {
    const shards = allShards('hash');
    expect(shards).toHaveLength(256);
    expect(new Set(shards).size).toBe(256);
    expect([...shards].sort()).toEqual(shards);
    expect(shards[0]).toBe('00');
    expect(shards.at(-1)).toBe('ff');
  });

  it('lists every prefix shard a valid slug can have: 36 × 36', () => {
    const shards = allShards('prefix');
    expect(shards).toHaveLength(1296);
    for (const slug of ['acme', '9lives', 'z0', 'the-shop'])
      expect(shards).toContain(shardOf(slug, 'prefix'));
  });

  it('contains the shard of any slug', () => {
    const hash = new Set(allShards('hash'));
    for (const slug of skewedSlugs(2_000)) expect(hash.has(shardOf(slug, 'hash'))).toBe(true);
  });
});
