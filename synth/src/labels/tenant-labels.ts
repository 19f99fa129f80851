import type { TierName } from '../tiers/tier-presets.js';

/** What an object is for; the `app.kubernetes.io/component` label. */
export type Component = 'platform' | 'network' | 'gitops' | 'database' | 'theme' | 'ingress';

export const TENANT_LABEL = 'luster.io/tenant';
const TIER_LABEL = 'luster.io/tier';
const COMPONENT_LABEL = 'app.kubernetes.io/component';

/** Labels every object of a tenant carries (Kubernetes recommended labels plus our own). */
export function tenantLabels(slug: string, tier: TierName, component: Component): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'luster-tenant',
    'app.kubernetes.io/instance': slug,
    [COMPONENT_LABEL]: component,
    'app.kubernetes.io/part-of': 'luster',
    'app.kubernetes.io/managed-by': 'luster-synth',
    [TENANT_LABEL]: slug,
    [TIER_LABEL]: tier,
  };
}

/**
 * The theme's pod selector. A Deployment's selector is immutable, so it holds only what can never
 * change for a tenant: no tier, theme or version, and nothing cdk8s derives from construct paths.
 */
export function themeSelectorLabels(slug: string): Record<string, string> {
  return { [TENANT_LABEL]: slug, [COMPONENT_LABEL]: 'theme' };
}

/** The label CloudNativePG puts on the pods of a database cluster, naming it. */
export const DATABASE_CLUSTER_LABEL = 'cnpg.io/cluster';

/** Labels CloudNativePG puts on the pods of a database cluster. */
export function databasePodLabels(clusterName: string): Record<string, string> {
  return { [DATABASE_CLUSTER_LABEL]: clusterName };
}
