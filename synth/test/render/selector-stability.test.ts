import { describe, expect, it } from 'vitest';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import type { TenantSpecInput } from '../../src/spec/tenant-spec.js';
import { aSpec, objectOf, objectsOf } from '../support/specs.js';

// A Deployment's selector is immutable: if it changed, Flux could not apply the Deployment and the
// tenant would be stuck. It must not depend on the theme, the tier, the state or cdk8s internals.
const PINNED = { 'luster.io/tenant': 'acme', 'app.kubernetes.io/component': 'theme' };

const variants: [string, Partial<TenantSpecInput>][] = [
  ['pro on aurora 1.4.0', {}],
  [
    'another theme',
    {
      theme: {
        name: 'ecommerce-starter',
        version: '2.0.1',
        image: 'registry.luster.io/themes/ecommerce-starter:2.0.1',
      },
    },
  ],
  [
    'a new theme version',
    { theme: { name: 'aurora', version: '1.5.0', image: 'registry.luster.io/themes/aurora:1.5.0' } },
  ],
  ['starter', { tier: 'starter', domains: { custom: [] } }],
  ['enterprise', { tier: 'enterprise' }],
  ['suspended', { state: 'suspended' }],
  ['other plugins and branding', { plugins: ['forms'], branding: {} }],
];

describe('the theme selector', () => {
  it.each(variants)('is the pinned pair for %s', (_name, overrides) => {
    const files = renderTenant(parseTenantSpec(aSpec(overrides)));
    expect(objectOf(files, 'Deployment', 'theme').spec.selector).toEqual({ matchLabels: PINNED });
    expect(objectOf(files, 'Service', 'theme').spec.selector).toEqual(PINNED);
    for (const { object } of objectsOf(files)) {
      if (object.kind === 'PodDisruptionBudget')
        expect(object.spec.selector).toEqual({ matchLabels: PINNED });
      if (
        object.kind === 'NetworkPolicy' &&
        object.spec.podSelector.matchLabels?.['app.kubernetes.io/component']
      ) {
        expect(object.spec.podSelector).toEqual({ matchLabels: PINNED });
      }
    }
  });

  it('matches the labels of the pods it selects in every variant', () => {
    for (const [, overrides] of variants) {
      const template = objectOf(renderTenant(parseTenantSpec(aSpec(overrides))), 'Deployment', 'theme').spec
        .template;
      expect(template.metadata.labels).toMatchObject(PINNED);
    }
  });
});
