import { describe, expect, it } from 'vitest';
import { shardOf } from '../../src/layout/shards.js';
import { tenantDir } from '../../src/layout/tenant-dir.js';

describe('tenantDir', () => {
  it('places a tenant under its cluster and the shard of its first two characters by default', () => {
    expect(tenantDir('prod-1', 'acme')).toBe('tenants/prod-1/ac/acme');
    expect(tenantDir('eu', 'z9-shop')).toBe('tenants/eu/z9/z9-shop');
  });

  it('places it under its hash shard when the layout shards by hash', () => {
    expect(tenantDir('prod-1', 'acme', 'hash')).toBe(`tenants/prod-1/${shardOf('acme', 'hash')}/acme`);
    expect(tenantDir('prod-1', 'acme', 'hash')).toBe('tenants/prod-1/82/acme');
  });
});
