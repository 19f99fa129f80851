import { App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { PlatformChart } from '../../src/charts/platform-chart.js';
import { tenantContext } from '../../src/charts/tenant-context.js';
import { resolveRenderOptions } from '../../src/options/render-options.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import type { TenantSpecInput } from '../../src/spec/tenant-spec.js';
import { aSpec } from '../support/specs.js';

describe('PlatformChart', () => {
  it("holds the namespace, its guard rails and Flux's identity for the tenant, whatever the tier or state", () => {
    const variants: Partial<TenantSpecInput>[] = [
      {},
      { tier: 'starter', domains: { custom: [] } },
      { state: 'suspended' },
    ];
    for (const overrides of variants) {
      const chart = new PlatformChart(
        new App(),
        'platform',
        tenantContext(parseTenantSpec(aSpec(overrides)), resolveRenderOptions()),
      );
      const objects = chart
        .toJson()
        .map((o: any) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`);
      expect(objects.sort()).toEqual([
        'LimitRange tenant-acme/tenant-limits',
        'Namespace /tenant-acme',
        'NetworkPolicy tenant-acme/allow-dns',
        'NetworkPolicy tenant-acme/allow-ingress-controller',
        'NetworkPolicy tenant-acme/database-egress',
        'NetworkPolicy tenant-acme/database-from-operator',
        'NetworkPolicy tenant-acme/database-from-theme',
        'NetworkPolicy tenant-acme/database-replication',
        'NetworkPolicy tenant-acme/default-deny',
        'NetworkPolicy tenant-acme/theme-to-database',
        'NetworkPolicy tenant-acme/theme-to-media',
        'ResourceQuota tenant-acme/tenant-quota',
        'RoleBinding tenant-acme/flux-reconciler',
        'ServiceAccount flux-system/tenant-acme',
      ]);
    }
  });

  it('records who the namespace belongs to', () => {
    const spec = parseTenantSpec(aSpec({ parentOrganizationId: 'agency-7' }));
    const chart = new PlatformChart(new App(), 'platform', tenantContext(spec, resolveRenderOptions()));
    const namespace = chart.toJson().find((o: any) => o.kind === 'Namespace');
    expect(namespace.metadata.annotations).toEqual({
      'luster.io/display-name': 'Acme Inc.',
      'luster.io/organization-id': spec.organizationId,
      'luster.io/parent-organization-id': 'agency-7',
      'kustomize.toolkit.fluxcd.io/prune': 'disabled',
    });
  });
});
