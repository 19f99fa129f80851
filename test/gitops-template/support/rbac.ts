import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { groupOf, type K8sObject } from './objects.js';
import { crdDir } from './paths.js';

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** group|Kind → plural resource name, from the CRDs in vendor/crds. */
async function crdPlurals(): Promise<Map<string, string>> {
  const plurals = new Map<string, string>();
  for (const file of (await readdir(crdDir)).filter((f) => f.endsWith('.yaml'))) {
    const crd = parse(await readFile(path.join(crdDir, file), 'utf8'));
    plurals.set(`${crd.spec.group}|${crd.spec.names.kind}`, crd.spec.names.plural);
  }
  return plurals;
}

/** The resource name RBAC uses for an object's kind (ingresses, networkpolicies, clusters…). */
export async function resourceNamer(): Promise<(o: K8sObject) => { group: string; resource: string }> {
  const plurals = await crdPlurals();
  return (o) => {
    const group = groupOf(o.apiVersion);
    const fromCrd = plurals.get(`${group}|${o.kind}`);
    const lower = o.kind.toLowerCase();
    const resource =
      fromCrd ??
      (lower.endsWith('s') ? `${lower}es` : lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`);
    return { group, resource };
  };
}

export function allows(rules: PolicyRule[], group: string, resource: string, verb: string): boolean {
  return rules.some(
    (r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb),
  );
}
