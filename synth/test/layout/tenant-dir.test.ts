import { describe, expect, it } from 'vitest';
import { shardOf, tenantDir } from '../../src/layout/tenant-dir.js';

describe('tenantDir', () => {
  it('places a tenant under its cluster and the shard of its first two characters', () => {
    expect(tenantDir('prod-1', 'acme')).toBe('tenants/prod-1/ac/acme');
    expect(tenantDir('eu', 'z9-shop')).toBe('tenants/eu/z9/z9-shop');
  });

  it('shards by the first two characters', () => {
    expect(shardOf('globex')).toBe('gl');
    expect(shardOf('ab')).toBe('ab');
  });
});
