// Kubernetes objects as the model sees them: parsed from the repository's YAML, keyed like the
// API server keys them, and checked the way the API server's server-side dry-run would refuse
// them (the check Flux runs before it applies anything).
import { parseAllDocuments } from 'yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  [field: string]: unknown;
}

/** The kinds the model follows: Flux's and Argo CD's own configuration. */
export const CONTROL_KINDS = new Set([
  'GitRepository',
  'ExternalArtifact',
  'ArtifactGenerator',
  'Kustomization',
  'Application',
  'ApplicationSet',
]);

/** Every Kubernetes object of a YAML file; comment-only documents and kustomize's own files are not objects. */
export function parseObjects(content: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(content)) {
    const value = doc.toJS() as K8sObject | null;
    if (!value || typeof value !== 'object' || !value.kind || !value.apiVersion) continue;
    if (value.apiVersion.startsWith('kustomize.config.k8s.io/')) continue;
    objects.push({ ...value, metadata: value.metadata ?? {} });
  }
  return objects;
}

/** group/kind/namespace/name: two objects with the same key are the same object in the cluster. */
export function objectKey(object: K8sObject): string {
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
  return `${group}/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// resource.Quantity: a signed decimal with an optional binary/decimal SI suffix or exponent.
const QUANTITY = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

/**
 * Why the API server would refuse the object, or undefined. A subset of its validation, enough for
 * the failures a rendered tenant can have: a bad name, a namespace that is no DNS label, a quota or
 * limit that is no quantity.
 */
export function rejection(object: K8sObject): string | undefined {
  const { name, namespace } = object.metadata;
  if (!name || name.length > 253 || !DNS_SUBDOMAIN.test(name))
    return `${object.kind} name "${name}" is invalid`;
  if (object.kind === 'Namespace' && (name.length > 63 || !DNS_LABEL.test(name)))
    return `Namespace name "${name}" is no DNS label`;
  if (namespace !== undefined && (namespace.length > 63 || !DNS_LABEL.test(namespace)))
    return `namespace "${namespace}" is no DNS label`;
  const quantities: unknown[] = [];
  if (object.kind === 'ResourceQuota') quantities.push(...Object.values((object.spec?.hard as object) ?? {}));
  if (object.kind === 'LimitRange') {
    for (const limit of (object.spec?.limits as Record<string, Record<string, unknown>>[]) ?? []) {
      for (const field of ['default', 'defaultRequest', 'max', 'min'])
        quantities.push(...Object.values(limit[field] ?? {}));
    }
  }
  const bad = quantities.find((q) => !QUANTITY.test(String(q)));
  return bad === undefined ? undefined : `${object.kind} ${name}: quantity "${String(bad)}" is invalid`;
}
