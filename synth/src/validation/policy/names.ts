import type { Violation } from '../../errors/validation-error.js';
import { MAX_DNS_LABEL_LENGTH } from '../../spec/dns-names.js';
import { metadataOf } from '../object-identity.js';
import type { PolicyCheck } from './policy-context.js';

/** Names fit in a DNS label (63 characters): Services, namespaces and label values require it. */
export const names: PolicyCheck = (object, name) => {
  const metadata = metadataOf(object);
  const violations: Violation[] = [];
  for (const key of ['name', 'namespace']) {
    const value = metadata[key];
    if (typeof value === 'string' && value.length > MAX_DNS_LABEL_LENGTH) {
      violations.push({
        object: name,
        field: `metadata.${key}`,
        rule: 'policy.name-length',
        message: `must be at most ${MAX_DNS_LABEL_LENGTH} characters (has ${value.length})`,
      });
    }
  }
  if (typeof metadata.name !== 'string' || metadata.name === '') {
    violations.push({
      object: name,
      field: 'metadata.name',
      rule: 'policy.name-required',
      message: 'every object needs a name',
    });
  }
  return violations;
};
