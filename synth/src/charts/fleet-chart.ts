import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { FluxKustomization } from '../constructs/flux-kustomization.js';
import { fleetNames } from '../layout/fleet-layout.js';
import { FLUX_NAMESPACE, PLATFORM_FLUX_ACCOUNT } from '../naming/tenant-names.js';
import type { TenantContext } from './tenant-context.js';

/**
 * The Flux Kustomizations that apply one tenant, applied themselves by a fleet-level Kustomization:
 * in the artifacts layout its shard's `fleet-<shard>`, in the legacy layout the cluster's `tenants`.
 */
export class FleetChart extends Chart {
  constructor(scope: Construct, id: string, tenant: TenantContext) {
    super(scope, id);
    const { options, name } = tenant;
    const common = {
      namespace: FLUX_NAMESPACE,
      labels: tenant.labels('gitops'),
      interval: options.reconcileInterval,
      timeout: options.reconcileTimeout,
    };
    if (options.fluxLayout === 'legacy') {
      new FluxKustomization(this, 'FluxKustomization', {
        ...common,
        name,
        source: { kind: 'GitRepository', name: options.gitRepositoryName },
        path: `./${tenant.workloadDir}`,
        serviceAccountName: name,
        targetNamespace: name,
        comment:
          'Applies the app/ folder as the tenant: prune removes what leaves git (except objects marked prune: disabled), wait reports Ready only once every object is healthy.',
      });
      return;
    }
    const platform = fleetNames.platform(tenant.spec.slug);
    new FluxKustomization(this, 'PlatformKustomization', {
      ...common,
      name: platform,
      source: { kind: 'ExternalArtifact', name: platform },
      path: './',
      serviceAccountName: PLATFORM_FLUX_ACCOUNT,
      comment: `Applies the platform/ folder (namespace, guard rails, RBAC) with the platform's own account, from artifact ${platform}: it changes, and this reconciles, only when those files do. An invalid object here fails this tenant alone.`,
    });
    new FluxKustomization(this, 'FluxKustomization', {
      ...common,
      name,
      source: { kind: 'ExternalArtifact', name },
      path: './',
      serviceAccountName: name,
      targetNamespace: name,
      dependsOn: [platform],
      comment: `Applies the app/ folder as the tenant, from artifact ${name}, once ${platform} is Ready (the namespace and the RoleBinding exist): prune removes what leaves git (except objects marked prune: disabled), wait reports Ready only once every object is healthy.`,
    });
  }
}
