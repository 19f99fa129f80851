// The tenants the synth benchmark renders: deterministic, spread over the three tiers, some with
// custom domains, a few suspended — the mix a real installation has.
const tiers = ['starter', 'pro', 'enterprise'];

export function benchSpec(i) {
  const slug = `t${String(i).padStart(5, '0')}-shop`;
  const tier = tiers[i % 3];
  return {
    slug,
    organizationId: `org-${i}`,
    displayName: `Tenant ${i}`,
    parentOrganizationId: i % 4 === 0 ? 'agency-1' : null,
    tier,
    projectType: i % 2 ? 'ecommerce' : 'website',
    theme: { name: 'aurora', version: '1.4.0', image: 'registry.luster.io/themes/aurora:1.4.0' },
    plugins: i % 2 ? ['ecommerce', 'seo-assistant'] : ['seo-assistant'],
    domains: { custom: tier === 'starter' ? [] : [`www.${slug}.example.com`] },
    branding: { appName: `Shop ${i}`, primaryColor: '#0a7cff' },
    mediaBucket: `org-${slug}-media`,
    state: i % 50 === 49 ? 'suspended' : 'active',
    cluster: 'prod-1',
  };
}
