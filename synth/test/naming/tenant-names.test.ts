import { describe, expect, it } from 'vitest';
import { certificateName, tenantName } from '../../src/naming/tenant-names.js';

describe('tenant names', () => {
  it('names the namespace, Flux Kustomization and ServiceAccount tenant-<slug>', () => {
    expect(tenantName('acme')).toBe('tenant-acme');
  });

  it('derives a readable, stable certificate name from the host', () => {
    expect(certificateName('shop.acme.com')).toMatch(/^tls-shop-acme-com-[0-9a-f]{8}$/);
    expect(certificateName('shop.acme.com')).toBe(certificateName('shop.acme.com'));
  });

  it('keeps hosts that flatten alike apart', () => {
    expect(certificateName('a-b.acme.com')).not.toBe(certificateName('a.b-acme.com'));
  });

  it('stays a 63-character DNS label for the longest hosts', () => {
    const name = certificateName(`${'a'.repeat(63)}.${'b'.repeat(63)}.example.com`);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });
});
