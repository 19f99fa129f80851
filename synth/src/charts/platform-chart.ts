import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { FluxImpersonation } from '../constructs/flux-impersonation.js';
import { TenantLimitRange } from '../constructs/tenant-limit-range.js';
import { TenantNamespace } from '../constructs/tenant-namespace.js';
import { TenantNetworkPolicies } from '../constructs/tenant-network-policies.js';
import { TenantResourceQuota } from '../constructs/tenant-resource-quota.js';
import { DATABASE_CLUSTER_LABEL, databasePodLabels, themeSelectorLabels } from '../labels/tenant-labels.js';
import {
  DATABASE_PORT,
  FLUX_NAMESPACE,
  TENANT_RECONCILER_CLUSTER_ROLE,
  THEME_PORT,
} from '../naming/tenant-names.js';
import type { TenantSpec } from '../spec/tenant-spec.js';
import { quotaWithKeptDatabase } from '../tiers/kept-database-quota.js';
import type { TenantContext } from './tenant-context.js';

/** The database pods: the current cluster's, and while a restore keeps it, the replaced one's. */
function databaseSelector({ database }: TenantSpec) {
  if (!database.kept) return databasePodLabels(database.name);
  return [kplus.LabelExpression.in(DATABASE_CLUSTER_LABEL, [database.name, database.kept.name])];
}

/**
 * What the platform owns for a tenant, applied with the platform's own account: the namespace, its
 * guard rails, and the identity Flux applies the tenant's workload with.
 */
export class PlatformChart extends Chart {
  constructor(scope: Construct, id: string, tenant: TenantContext) {
    super(scope, id);
    const { spec, tier, options, name } = tenant;
    new TenantNamespace(this, 'Namespace', {
      name,
      tenant: spec.slug,
      labels: tenant.labels('platform'),
      retained: tenant.dataRetained,
      annotations: {
        'luster.io/display-name': spec.displayName,
        'luster.io/organization-id': spec.organizationId,
        ...(spec.parentOrganizationId === null
          ? {}
          : { 'luster.io/parent-organization-id': spec.parentOrganizationId }),
      },
    });
    new TenantResourceQuota(this, 'Quota', {
      namespace: name,
      labels: tenant.labels('platform'),
      quota: spec.database.kept ? quotaWithKeptDatabase(tier.quota, tier.database) : tier.quota,
    });
    new TenantLimitRange(this, 'Limits', {
      namespace: name,
      labels: tenant.labels('platform'),
      limitRange: tier.limitRange,
    });
    new TenantNetworkPolicies(this, 'Network', {
      namespace: name,
      labels: tenant.labels('network'),
      themeSelector: themeSelectorLabels(spec.slug),
      themePort: THEME_PORT,
      databaseSelector: databaseSelector(spec),
      databasePort: DATABASE_PORT,
      ingressNamespace: options.ingressNamespace,
      operatorNamespace: options.cnpgOperatorNamespace,
      databaseEgressCidrs: options.databaseEgressCidrs,
      mediaEgressCidrs: options.mediaEgressCidrs,
    });
    new FluxImpersonation(this, 'FluxIdentity', {
      serviceAccountName: name,
      fluxNamespace: FLUX_NAMESPACE,
      tenantNamespace: name,
      clusterRoleName: TENANT_RECONCILER_CLUSTER_ROLE,
      labels: tenant.labels('gitops'),
    });
  }
}
