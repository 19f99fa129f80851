import type { Violation } from '../../errors/validation-error.js';
import { metadataOf } from '../object-identity.js';
import { asObject, type PolicyCheck } from './policy-context.js';

export const REQUIRED_LABELS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/component',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/managed-by',
  'luster.io/tenant',
  'luster.io/tier',
] as const;

/** Every object says which tenant, tier and component it belongs to, so it can be found and counted. */
export const labels: PolicyCheck = (object, name) => {
  const present = asObject(metadataOf(object).labels) ?? {};
  const violations: Violation[] = [];
  for (const label of REQUIRED_LABELS) {
    const value = present[label];
    if (typeof value !== 'string' || value === '') {
      violations.push({
        object: name,
        field: `metadata.labels.${label}`,
        rule: 'policy.labels',
        message: `label '${label}' is required`,
      });
    }
  }
  return violations;
};
