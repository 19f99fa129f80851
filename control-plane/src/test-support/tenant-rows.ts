import type { TenantRows } from '../tenants/tenant-spec.js';

/** A tenant's rows as the writer loads them — Acme, active, on `production` — with `tenant` overridden. */
export function tenantRows(tenant: Partial<TenantRows['tenant']> = {}): TenantRows {
  return {
    tenant: {
      slug: 'acme',
      organizationId: '3f1c9a52-8d7e-4b1a-9f0e-2c4d6e8a0b1c',
      tier: 'starter',
      projectType: 'website',
      plugins: ['seo-assistant'],
      state: 'active',
      cluster: 'production',
      seedDemoData: false,
      branding: {},
      customDomains: [],
      primaryDomain: null,
      database: { name: 'db' },
      ...tenant,
    },
    organization: { name: 'Acme', parentId: null },
    parent: null,
    theme: {
      name: 'luster-starter',
      version: '1.4.0',
      image: 'registry.luster.io/themes/luster-starter:1.4.0',
    },
  };
}
