import { toYamlFile } from '../output/yaml-document.js';
import type { RenderedFile } from '../render/render-tenant.js';
import {
  type ArgoEntryValues,
  argoObjectNames,
  argoProject,
  notificationsConfigMap,
  tenantApplicationSet,
} from './argocd-objects.js';

const FILES = {
  project: 'appproject.yaml',
  platform: 'applicationset-tenant-platform.yaml',
  workload: 'applicationset-tenant-apps.yaml',
  notifications: 'argocd-notifications-cm.yaml',
} as const;

function kustomizationFile(cluster: string): string {
  return `# Cluster ${cluster} for Argo CD (3.x), the counterpart of clusters/${cluster}/ for Flux: apply with
# \`kubectl apply -k argocd/${cluster}/\` on the cluster Argo CD runs in (docs/operations.md).
# Argo CD must know the cluster by this name: \`argocd cluster add <context> --name ${cluster}\`, or
# for the cluster Argo CD itself runs in \`argocd cluster set in-cluster --name ${cluster}\`.
#
# Rendered by synth (renderClusterEntry) and committed by the control plane when the cluster is
# added; REPLACE_ME values stay for the operator. The control plane's embedded repository is read
# with its token: Argo CD finds it in the repository Secret \`luster-gitops-repo\` (created by hand,
# never committed).
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: argocd
resources:
  - ${FILES.project}
  - ${FILES.platform}
  - ${FILES.workload}
  - ${FILES.notifications}
`;
}

/**
 * Every file of `argocd/<cluster>/`. Not validated here: compiling Argo CD's ApplicationSet schema
 * (its generators nest) takes seconds, paid by the request adding a cluster, and these objects vary
 * only by the cluster's name and two URLs, which renderClusterEntry checks; synth's tests validate
 * them against the vendored CRDs, for the longest cluster name too.
 */
export function renderArgoEntry(cluster: string, values: ArgoEntryValues): RenderedFile[] {
  const objects = {
    project: argoProject(cluster, values),
    platform: tenantApplicationSet(cluster, 'platform', values),
    workload: tenantApplicationSet(cluster, 'workload', values),
    notifications: notificationsConfigMap(values),
  };
  const dir = `argocd/${cluster}`;
  const comments = {
    project: `Everything generated for cluster ${cluster}'s tenants belongs to this project, which confines it to\ntenant-* namespaces of ${cluster} and to the kinds the control plane renders.`,
    platform: `One Application per tenant folder tenants/${cluster}/<shard>/<slug>/platform: the platform objects\n(Namespace, ResourceQuota, LimitRange, NetworkPolicies), the Argo CD counterpart of Flux's\nKustomization platform-<slug>. Its patches drop the folder's Flux-only objects, so the same tenant\nfolders serve both engines. Applications are named ${cluster}--platform-<slug>, shortened with a hash\npast 62 characters, so several clusters can share one Argo CD.`,
    workload: `One Application per tenant workload tenants/${cluster}/<shard>/<slug>/app, applied into namespace\ntenant-<slug> of ${cluster}: the Argo CD counterpart of Flux's Kustomization tenant-<slug>. Applications\nare named ${cluster}--tenant-<slug> (shortened with a hash past 62 characters); their sync and health are\nreported to the control plane's /hooks/argocd with their labels (${argoObjectNames.notifications}).`,
    notifications: `Argo CD → control plane: sync and health of every tenant workload Application, POSTed as JSON to\n<url>/hooks/argocd with the shared secret in header X-Luster-Token (key luster-argocd-webhook-token\nof Secret argocd-notifications-secret, the control plane's ARGOCD_WEBHOOK_TOKEN; never committed).\nThe same in every cluster's folder; it replaces the ConfigMap the Argo CD install creates empty.\nEvery value goes through toJson; dig reads fields a new Application does not have yet.`,
  };
  return [
    { path: `${dir}/kustomization.yaml`, content: kustomizationFile(cluster) },
    ...(Object.keys(FILES) as (keyof typeof FILES)[]).map((key) => ({
      path: `${dir}/${FILES[key]}`,
      content: toYamlFile(objects[key], comments[key]),
    })),
  ];
}
