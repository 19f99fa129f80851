import type { TenantSpecInput } from '../../src/spec/tenant-spec.js';
import { aSpec } from './specs.js';

/** One tenant per tier and a suspended one: the set the snapshot, determinism and kustomize tests render. */
export const fixtureSpecs: readonly TenantSpecInput[] = [
  aSpec({
    slug: 'blue-bakery',
    tier: 'starter',
    projectType: 'website',
    plugins: ['seo-assistant'],
    domains: { custom: ['www.bluebakery.de'] },
  }),
  aSpec({ slug: 'acme', tier: 'pro' }),
  aSpec({
    slug: 'globex',
    tier: 'enterprise',
    parentOrganizationId: '9b2e4c61-7a3d-4f5e-8c1b-0d2f4a6c8e01',
    domains: { platformSubdomain: 'globex-corp', custom: ['shop.globex.com', 'globex.io'] },
    database: { storageGi: 200, backupSchedule: '0 0 2 * * *' },
  }),
  aSpec({ slug: 'initech', tier: 'pro', state: 'suspended', domains: { custom: [] } }),
];
