import { describe, expect, it } from 'vitest';
import { shardOf } from '../../src/layout/shards.js';
import { tenantDir } from '../../src/layout/tenant-dir.js';

describe('tenantDir', () => {
  it('places a tenant under its cluster and its hash shard by default', () => {
    expect(tenantDir('prod-1', 'acme')).toBe(`tenants/prod-1/${shardOf('acme', 'hash')}/acme`);
    expect(tenantDir('prod-1', 'acme')).toBe('tenants/prod-1/82/acme');
  });

  it('places it under the shard of its first two characters when the layout shards by prefix', () => {
    expect(tenantDir('prod-1', 'acme', 'prefix')).toBe('tenants/prod-1/ac/acme');
    expect(tenantDir('eu', 'z9-shop', 'prefix')).toBe('tenants/eu/z9/z9-shop');
  });
});
