import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as read from YAML: only the envelope is typed. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  // biome-ignore lint/suspicious/noExplicitAny: manifests are free-form below the envelope
  spec?: any;
  // biome-ignore lint/suspicious/noExplicitAny: manifests are free-form below the envelope
  [key: string]: any;
}

/** Every non-empty document of a multi-document YAML text; a YAML syntax error throws. */
export function parseObjects(text: string, source = 'input'): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${source}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) objects.push(value as K8sObject);
  }
  return objects;
}

/** `Kind/namespace/name`, the way Flux names objects in its events. */
export function objectId(o: K8sObject): string {
  return [o.kind, o.metadata?.namespace, o.metadata?.name].filter(Boolean).join('/');
}

export function findObject(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} among ${objects.map(objectId).join(', ')}`);
  return found;
}

/** The API group of an apiVersion ('' for the core group). */
export function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
}
