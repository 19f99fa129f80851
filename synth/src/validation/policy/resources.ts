import type { Violation } from '../../errors/validation-error.js';
import { containersOf, podSpecOf } from './pod-specs.js';
import { dig, type PolicyCheck } from './policy-context.js';

const RULE = 'policy.resources';
const REQUIRED = [
  ['requests', 'cpu'],
  ['requests', 'memory'],
  ['limits', 'cpu'],
  ['limits', 'memory'],
] as const;

function missing(resources: unknown, field: string, name: string): Violation[] {
  return REQUIRED.filter((path) => dig(resources, path) === undefined).map((path) => ({
    object: name,
    field: `${field}.${path.join('.')}`,
    rule: RULE,
    message: `${path.join('.')} must be set: quota accounting and scheduling depend on it`,
  }));
}

/** Every container, and every CloudNativePG cluster, declares CPU and memory requests and limits. */
export const resources: PolicyCheck = (object, name) => {
  if (object.kind === 'Cluster' && String(object.apiVersion).startsWith('postgresql.cnpg.io/')) {
    return missing(dig(object, ['spec', 'resources']), 'spec.resources', name);
  }
  const pod = podSpecOf(object);
  if (!pod) return [];
  return containersOf(pod).flatMap(({ field, container }) =>
    missing(container.resources, `${field}.resources`, name),
  );
};
