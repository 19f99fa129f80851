import { App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { tenantContext } from '../../src/charts/tenant-context.js';
import { WorkloadChart } from '../../src/charts/workload-chart.js';
import { resolveRenderOptions } from '../../src/options/render-options.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import type { TenantSpecInput } from '../../src/spec/tenant-spec.js';
import { aSpec } from '../support/specs.js';

function kindsOf(overrides: Partial<TenantSpecInput>): string[] {
  const chart = new WorkloadChart(
    new App(),
    'workload',
    tenantContext(parseTenantSpec(aSpec(overrides)), resolveRenderOptions()),
  );
  return chart
    .toJson()
    .map((o: any) => o.kind)
    .sort();
}

const ALWAYS = ['Certificate', 'Cluster', 'ConfigMap', 'Deployment', 'ScheduledBackup', 'Service'];

describe('WorkloadChart', () => {
  it.each<[string, Partial<TenantSpecInput>, string[]]>([
    ['starter', { tier: 'starter', domains: { custom: [] } }, [...ALWAYS, 'Ingress']],
    [
      'pro',
      { tier: 'pro', domains: { custom: [] } },
      [...ALWAYS, 'HorizontalPodAutoscaler', 'Ingress', 'PodDisruptionBudget'],
    ],
    ['suspended pro', { tier: 'pro', state: 'suspended', domains: { custom: [] } }, ALWAYS],
  ])('renders for %s exactly these kinds', (_name, overrides, kinds) => {
    expect(kindsOf(overrides)).toEqual([...kinds].sort());
  });

  it('asks the theme to import the demo pack of its project type only when demo content is on', () => {
    const configOf = (overrides: Partial<TenantSpecInput>) =>
      new WorkloadChart(
        new App(),
        'workload',
        tenantContext(parseTenantSpec(aSpec(overrides)), resolveRenderOptions()),
      )
        .toJson()
        .find((o: any) => o.kind === 'ConfigMap').data;
    expect(configOf({ demoContent: true, projectType: 'ecommerce' }).LUSTER_DEMO_CONTENT).toBe('ecommerce');
    expect(configOf({ demoContent: true, projectType: 'website' }).LUSTER_DEMO_CONTENT).toBe('website');
    expect(configOf({})).not.toHaveProperty('LUSTER_DEMO_CONTENT');
  });

  it('adds one certificate per custom domain', () => {
    const count = kindsOf({
      tier: 'enterprise',
      domains: { custom: ['a.acme.com', 'b.acme.com', 'c.acme.com'] },
    }).filter((kind) => kind === 'Certificate').length;
    expect(count).toBe(4);
  });

  it('redirects the other custom domains to the primary one, keeping path and query', () => {
    const objects = new WorkloadChart(
      new App(),
      'workload',
      tenantContext(
        parseTenantSpec(
          aSpec({
            slug: 'acme',
            tier: 'pro',
            domains: { custom: ['a.acme.com', 'b.acme.com', 'c.acme.com'], primary: 'b.acme.com' },
          }),
        ),
        resolveRenderOptions({ baseDomain: 'luster.example' }),
      ),
    ).toJson();
    const ingress = (name: string) =>
      objects.find((o: any) => o.kind === 'Ingress' && o.metadata.name === name);
    const hostsOf = (o: any) => o.spec.rules.map((r: any) => r.host);
    expect(hostsOf(ingress('theme'))).toEqual(['acme.luster.example', 'b.acme.com']);
    const redirect = ingress('theme-redirect');
    expect(hostsOf(redirect)).toEqual(['a.acme.com', 'c.acme.com']);
    expect(redirect.metadata.annotations).toEqual({
      'nginx.ingress.kubernetes.io/permanent-redirect': 'https://b.acme.com$request_uri',
    });
    expect(redirect.spec.tls.map((t: any) => t.hosts)).toEqual([['a.acme.com'], ['c.acme.com']]);
  });

  it('renders no redirect without a primary domain, and refuses a primary that is not a custom domain', () => {
    expect(kindsOf({ tier: 'pro', domains: { custom: ['a.acme.com', 'b.acme.com'] } })).toEqual(
      [
        ...ALWAYS,
        'Certificate',
        'Certificate',
        'HorizontalPodAutoscaler',
        'Ingress',
        'PodDisruptionBudget',
      ].sort(),
    );
    expect(() =>
      parseTenantSpec(aSpec({ tier: 'pro', domains: { custom: ['a.acme.com'], primary: 'z.acme.com' } })),
    ).toThrow(/primary domain 'z.acme.com' is not one of the custom domains/);
  });
});
