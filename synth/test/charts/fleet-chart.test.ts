import { App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { FleetChart } from '../../src/charts/fleet-chart.js';
import { tenantContext } from '../../src/charts/tenant-context.js';
import { type RenderOptions, resolveRenderOptions } from '../../src/options/render-options.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { aSpec } from '../support/specs.js';

const kustomizations = (options: RenderOptions) =>
  new FleetChart(new App(), 'fleet', tenantContext(parseTenantSpec(aSpec()), resolveRenderOptions(options)))
    .toJson()
    .map((o: any) => ({ name: o.metadata.name, spec: o.spec }));

describe('FleetChart', () => {
  it("legacy: one Kustomization reading the whole repository's app/ folder as the tenant", () => {
    expect(kustomizations({ fluxLayout: 'legacy', shardScheme: 'prefix' })).toEqual([
      {
        name: 'tenant-acme',
        spec: expect.objectContaining({
          sourceRef: { kind: 'GitRepository', name: 'flux-system' },
          path: './tenants/prod-1/ac/acme/app',
          serviceAccountName: 'tenant-acme',
          targetNamespace: 'tenant-acme',
        }),
      },
    ]);
  });

  it("artifacts: the platform's Kustomization and the tenant's, each reading its own artifact", () => {
    const [platform, workload] = kustomizations({ fluxLayout: 'artifacts', shardScheme: 'hash' });
    expect(platform).toEqual({
      name: 'platform-acme',
      spec: expect.objectContaining({
        sourceRef: { kind: 'ExternalArtifact', name: 'platform-acme' },
        path: './',
        serviceAccountName: 'kustomize-controller',
      }),
    });
    expect(platform?.spec.targetNamespace).toBeUndefined();
    expect(workload).toEqual({
      name: 'tenant-acme',
      spec: expect.objectContaining({
        sourceRef: { kind: 'ExternalArtifact', name: 'tenant-acme' },
        path: './',
        serviceAccountName: 'tenant-acme',
        targetNamespace: 'tenant-acme',
        dependsOn: [{ name: 'platform-acme' }],
      }),
    });
  });
});
