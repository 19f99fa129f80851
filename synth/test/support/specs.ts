import { parse } from 'yaml';
import type { RenderedFile } from '../../src/render/render-tenant.js';
import type { TenantSpecInput } from '../../src/spec/tenant-spec.js';

/** A valid spec for tenant `acme` on tier `pro`; override what the test is about. */
export function aSpec(overrides: Partial<TenantSpecInput> = {}): TenantSpecInput {
  return {
    slug: 'acme',
    organizationId: '3f1c9a52-8d7e-4b1a-9f0e-2c4d6e8a0b1c',
    displayName: 'Acme Inc.',
    parentOrganizationId: null,
    tier: 'pro',
    projectType: 'ecommerce',
    theme: { name: 'aurora', version: '1.4.0', image: 'registry.luster.io/themes/aurora:1.4.0' },
    plugins: ['seo-assistant', 'ecommerce'],
    domains: { custom: ['shop.acme.com'] },
    branding: { appName: 'Acme Studio', primaryColor: '#0a7cff' },
    mediaBucket: 'org-acme-media',
    state: 'active',
    cluster: 'prod-1',
    ...overrides,
  };
}

/** Every object of a render, parsed back from its YAML, with the file it came from. */
export function objectsOf(files: readonly RenderedFile[]): { path: string; object: Record<string, any> }[] {
  return files
    .filter((f) => !f.path.endsWith('/kustomization.yaml'))
    .map((f) => ({ path: f.path, object: parse(f.content) as Record<string, any> }));
}

/** The rendered object of `kind` named `name`; fails loudly when it is missing. */
export function objectOf(files: readonly RenderedFile[], kind: string, name: string): Record<string, any> {
  const found = objectsOf(files).find(({ object }) => object.kind === kind && object.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${files.map((f) => f.path).join(', ')}`);
  return found.object;
}
