// The Argo CD objects of one cluster's entry point, argocd/<cluster>/: the AppProject its tenants
// belong to, one ApplicationSet for the tenants' platform folders and one for their workloads, and
// the notifications ConfigMap that reports each workload's sync and health to the control plane.
// Argo CD counterparts of Flux's per-tenant Kustomizations platform-<slug> and tenant-<slug>.
import { PLATFORM_DIR, WORKLOAD_DIR } from '../layout/tenant-dir.js';
import { TENANT_NAMESPACE_PREFIX } from '../naming/tenant-names.js';
import type { Manifest } from '../validation/object-identity.js';
import { type ArgoPart, argoApplicationNameTemplate } from './application-names.js';

export const ARGOCD_NAMESPACE = 'argocd';
/** tenants/<cluster>/<shard>/<slug>/<part>: segment 3 is the slug. */
const SLUG = 'index .path.segments 3';

/** Labels every generated Application carries; the notification body reads them back. */
export const argoLabels = {
  tenant: 'luster.io/tenant',
  cluster: 'luster.io/cluster',
  part: 'luster.io/part',
} as const;

export const argoObjectNames = {
  project: (cluster: string) => `luster-${cluster}-tenants`,
  applicationSet: (cluster: string, part: ArgoPart) =>
    `luster-${cluster}-tenant-${part === 'platform' ? 'platform' : 'apps'}`,
  notifications: 'argocd-notifications-cm',
} as const;

export interface ArgoEntryValues {
  /** The GitOps repository as Argo CD reads it. */
  readonly repoUrl: string;
  /** The control plane's public base URL (its /hooks/argocd). */
  readonly lusterUrl: string;
}

const retry = { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } };

/** Everything generated for the cluster's tenants: confined to its tenant-* namespaces and the kinds synth renders. */
export function argoProject(cluster: string, values: ArgoEntryValues): Manifest {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: argoObjectNames.project(cluster), namespace: ARGOCD_NAMESPACE },
    spec: {
      description: `Tenants of cluster ${cluster}, rendered and committed by the Luster control plane`,
      sourceRepos: [values.repoUrl],
      destinations: [{ name: cluster, namespace: `${TENANT_NAMESPACE_PREFIX}*` }],
      clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
      namespaceResourceWhitelist: [
        // platform objects of a tenant folder
        { group: '', kind: 'ResourceQuota' },
        { group: '', kind: 'LimitRange' },
        { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
        // the workload of its app/ folder
        { group: 'apps', kind: 'Deployment' },
        { group: '', kind: 'Service' },
        { group: '', kind: 'ConfigMap' },
        { group: '', kind: 'Secret' },
        { group: '', kind: 'ServiceAccount' },
        { group: 'networking.k8s.io', kind: 'Ingress' },
        { group: 'policy', kind: 'PodDisruptionBudget' },
        { group: 'autoscaling', kind: 'HorizontalPodAutoscaler' },
        { group: 'postgresql.cnpg.io', kind: 'Cluster' },
        { group: 'postgresql.cnpg.io', kind: 'ScheduledBackup' },
        { group: 'cert-manager.io', kind: 'Certificate' },
      ],
      // Report, never delete, what a tenant namespace holds outside git.
      orphanedResources: { warn: true },
    },
  };
}

/** The platform folder also holds Flux-only objects (its ServiceAccount in flux-system, the RoleBinding letting Flux impersonate it). */
const dropFluxOnly = [
  { kind: 'ServiceAccount', namespace: 'flux-system' },
  { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
].map((target) => ({
  target,
  patch: [
    '$patch: delete',
    `apiVersion: ${target.group ? `${target.group}/v1` : 'v1'}`,
    `kind: ${target.kind}`,
    'metadata:',
    '  name: flux-only',
  ].join('\n'),
}));

const subscriptions = [
  'luster-on-sync-running',
  'luster-on-sync-succeeded',
  'luster-on-sync-failed',
  'luster-on-health-degraded',
  'luster-on-deployed',
];

/**
 * One Application per tenant folder's `platform/` or `app/` on this cluster, named with the
 * cluster (application-names.ts), refreshed by a git webhook only when a push changes its own
 * folder (`manifest-generate-paths: .`), applied into `tenant-<slug>` of this cluster.
 */
export function tenantApplicationSet(cluster: string, part: ArgoPart, values: ArgoEntryValues): Manifest {
  const folder = part === 'platform' ? PLATFORM_DIR : WORKLOAD_DIR;
  const namespace = `${TENANT_NAMESPACE_PREFIX}{{ ${SLUG} }}`;
  const annotations: Record<string, string> = { 'argocd.argoproj.io/manifest-generate-paths': '.' };
  // Only the workload says when the tenant is live: only it reports to the control plane.
  if (part === 'workload')
    for (const s of subscriptions) annotations[`notifications.argoproj.io/subscribe.${s}.luster`] = '';
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: argoObjectNames.applicationSet(cluster, part), namespace: ARGOCD_NAMESPACE },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [
        {
          git: {
            repoURL: values.repoUrl,
            revision: 'main',
            directories: [{ path: `tenants/${cluster}/*/*/${folder}` }],
          },
        },
      ],
      // Generators have mass-deleted Applications when git was briefly unreachable: never delete a
      // generated Application, and keep its resources if someone deletes it by hand.
      syncPolicy: { applicationsSync: 'create-update', preserveResourcesOnDeletion: true },
      template: {
        metadata: {
          name: argoApplicationNameTemplate(cluster, part, SLUG),
          labels: {
            [argoLabels.tenant]: `{{ ${SLUG} }}`,
            [argoLabels.cluster]: cluster,
            [argoLabels.part]: part,
            'app.kubernetes.io/part-of': 'luster-tenants',
          },
          annotations,
        },
        spec: {
          project: argoObjectNames.project(cluster),
          source: {
            repoURL: values.repoUrl,
            targetRevision: 'main',
            path: '{{ .path.path }}',
            // Like Flux's targetNamespace for the workload; the platform part drops Flux's own objects.
            kustomize: part === 'platform' ? { patches: dropFluxOnly } : { namespace },
          },
          destination: { name: cluster, namespace },
          syncPolicy: {
            automated: { prune: true, selfHeal: true },
            // The namespace normally exists (the platform Application); this only avoids a failed
            // first sync when both Applications are created at once.
            ...(part === 'workload' ? { syncOptions: ['CreateNamespace=true'] } : {}),
            retry,
          },
        },
      },
    },
  };
}

const trigger = (when: string) =>
  `- when: ${when}\n  oncePer: app.status.sync.revision\n  send: [luster-sync-status]\n`;
const phaseIs = (phases: string) =>
  `app.status.operationState != nil and app.status.operationState.phase in [${phases}]`;
const digged = (keys: string, fallback: string) => `{{toJson (dig ${keys} ${fallback} .app)}}`;

/**
 * Argo CD → control plane: each subscribed Application's sync and health, POSTed as JSON to
 * <lusterUrl>/hooks/argocd with the shared secret. The same for every cluster: one Argo CD serving
 * several clusters gets the same ConfigMap from each folder.
 */
export function notificationsConfigMap(values: ArgoEntryValues): Manifest {
  const body = [
    '{',
    `  "app": {{toJson .app.metadata.name}},`,
    `  "project": ${digged('"spec" "project"', '""')},`,
    `  "tenant": ${digged(`"metadata" "labels" "${argoLabels.tenant}"`, '""')},`,
    `  "cluster": ${digged(`"metadata" "labels" "${argoLabels.cluster}"`, '""')},`,
    `  "part": ${digged(`"metadata" "labels" "${argoLabels.part}"`, '""')},`,
    `  "syncStatus": ${digged('"status" "sync" "status"', '"Unknown"')},`,
    `  "health": ${digged('"status" "health" "status"', '"Unknown"')},`,
    `  "revision": ${digged('"status" "sync" "revision"', '""')},`,
    `  "phase": ${digged('"status" "operationState" "phase"', '""')},`,
    `  "message": ${digged('"status" "operationState" "message"', '""')},`,
    `  "resources": ${digged('"status" "resources"', '(list)')}`,
    '}',
  ].join('\n');
  const template = `webhook:\n  luster:\n    method: POST\n    path: /hooks/argocd\n    body: |\n${body
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n')}\n`;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: argoObjectNames.notifications,
      namespace: ARGOCD_NAMESPACE,
      labels: {
        'app.kubernetes.io/name': argoObjectNames.notifications,
        'app.kubernetes.io/part-of': 'argocd',
      },
    },
    data: {
      'service.webhook.luster': [
        `url: ${values.lusterUrl}`,
        'headers:',
        '  - name: Content-Type',
        '    value: application/json',
        '  - name: X-Luster-Token',
        '    value: $luster-argocd-webhook-token',
        '',
      ].join('\n'),
      'template.luster-sync-status': template,
      'trigger.luster-on-sync-running': trigger(phaseIs("'Running'")),
      'trigger.luster-on-sync-succeeded': trigger(phaseIs("'Succeeded'")),
      'trigger.luster-on-sync-failed': trigger(phaseIs("'Error', 'Failed'")),
      'trigger.luster-on-health-degraded': trigger("app.status.health.status == 'Degraded'"),
      'trigger.luster-on-deployed': trigger(
        `${phaseIs("'Succeeded'")} and app.status.health.status == 'Healthy'`,
      ),
    },
  };
}
