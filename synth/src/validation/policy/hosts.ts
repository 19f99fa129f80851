import type { Violation } from '../../errors/validation-error.js';
import { hostnameProblem } from '../../spec/dns-names.js';
import { asArray, asObject, dig, type PolicyCheck } from './policy-context.js';

function hostsOf(object: Record<string, unknown>): { field: string; host: unknown }[] {
  if (object.kind === 'Ingress') {
    return [
      ...asArray(dig(object, ['spec', 'rules'])).map((rule, i) => ({
        field: `spec.rules[${i}].host`,
        host: asObject(rule)?.host,
      })),
      ...asArray(dig(object, ['spec', 'tls'])).flatMap((tls, i) =>
        asArray(asObject(tls)?.hosts).map((host, j) => ({ field: `spec.tls[${i}].hosts[${j}]`, host })),
      ),
    ].filter(({ host }) => host !== undefined);
  }
  if (object.kind === 'Certificate' && String(object.apiVersion).startsWith('cert-manager.io/')) {
    return asArray(dig(object, ['spec', 'dnsNames'])).map((host, i) => ({
      field: `spec.dnsNames[${i}]`,
      host,
    }));
  }
  return [];
}

/** Hosts that receive traffic or certificates are valid, fully qualified, non-wildcard DNS names. */
export const hosts: PolicyCheck = (object, name) => {
  const violations: Violation[] = [];
  for (const { field, host } of hostsOf(object)) {
    const problem = typeof host === 'string' ? hostnameProblem(host) : 'must be a string';
    if (problem)
      violations.push({ object: name, field, rule: 'policy.host', message: `'${String(host)}' ${problem}` });
  }
  return violations;
};
