import { describe, expect, it } from 'vitest';
import { hashShard, prefixShard, shardSkew } from './shards.js';
import { realisticSlugs } from './slugs.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

describe('realistic slugs', () => {
  it('gives the same distinct, valid slugs for the same seed and others for another seed', () => {
    const slugs = realisticSlugs(5000, 3);
    expect(realisticSlugs(5000, 3)).toEqual(slugs);
    expect(realisticSlugs(5000, 4)).not.toEqual(slugs);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) {
      expect(slug).toMatch(DNS_LABEL);
      expect(slug.length).toBeLessThanOrEqual(56);
    }
  });

  it('starts many names with "the-" and "st", and almost none with q, x or z', () => {
    const slugs = realisticSlugs(20_000, 1);
    const share = (test: (s: string) => boolean) => slugs.filter(test).length / slugs.length;
    expect(share((s) => s.startsWith('the-'))).toBeGreaterThan(0.09);
    expect(share((s) => s.startsWith('st'))).toBeGreaterThan(0.05);
    expect(share((s) => /^[qxz]/.test(s))).toBeLessThan(0.03);
  });
});

describe('shard skew', () => {
  it('counts max, mean and p99 of the non-empty shards', () => {
    const skew = shardSkew(['aa1', 'aa2', 'aa3', 'ab1', 'bc1'], prefixShard);
    expect(skew).toEqual({ shards: 3, max: 3, mean: 5 / 3, p99: 3, largest: 'aa' });
  });

  it('hash shards are two hex characters, stable per slug', () => {
    expect(hashShard('acme')).toMatch(/^[0-9a-f]{2}$/);
    expect(hashShard('acme')).toBe(hashShard('acme'));
  });

  it('with realistic names the first-two-character shard is far less even than the hash shard', () => {
    const slugs = realisticSlugs(100_000, 1);
    const prefix = shardSkew(slugs, prefixShard);
    const hash = shardSkew(slugs, hashShard);
    expect(hash.shards).toBe(256);
    expect(hash.max / hash.mean).toBeLessThan(1.3);
    expect(prefix.largest).toBe('th');
    expect(prefix.max / prefix.mean).toBeGreaterThan(10);
  });
});
