import type { Violation } from '../../errors/validation-error.js';
import { containersOf, podSpecOf } from './pod-specs.js';
import { asArray, asObject, dig, type PolicyCheck } from './policy-context.js';

const RULE = 'policy.pod-security';
const SECCOMP_TYPES = new Set(['RuntimeDefault', 'Localhost']);

/**
 * The "restricted" Pod Security Standard (the namespace enforces it; failing here is cheaper than a
 * rejected rollout), plus a read-only root filesystem for every container.
 */
export const podSecurity: PolicyCheck = (object, name) => {
  const pod = podSpecOf(object);
  if (!pod) return [];
  const violations: Violation[] = [];
  const fail = (field: string, message: string) =>
    violations.push({ object: name, field, rule: RULE, message });

  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod.spec[key] === true) fail(`${pod.field}.${key}`, `${key} must not be true`);
  }
  for (const [index, volume] of asArray(pod.spec.volumes).entries()) {
    if (asObject(volume)?.hostPath !== undefined)
      fail(`${pod.field}.volumes[${index}].hostPath`, 'hostPath volumes are not allowed');
  }
  const podContext = asObject(pod.spec.securityContext) ?? {};
  const podSeccomp = SECCOMP_TYPES.has(String(dig(podContext, ['seccompProfile', 'type'])));
  const podNonRoot = podContext.runAsNonRoot === true;
  if (podContext.runAsUser === 0)
    fail(`${pod.field}.securityContext.runAsUser`, 'must not run as root (uid 0)');

  for (const { field, container } of containersOf(pod)) {
    const context = asObject(container.securityContext) ?? {};
    const at = `${field}.securityContext`;
    if (context.privileged === true) fail(`${at}.privileged`, 'privileged containers are not allowed');
    if (context.allowPrivilegeEscalation !== false) fail(`${at}.allowPrivilegeEscalation`, 'must be false');
    if (context.readOnlyRootFilesystem !== true) fail(`${at}.readOnlyRootFilesystem`, 'must be true');
    if (context.runAsUser === 0) fail(`${at}.runAsUser`, 'must not run as root (uid 0)');
    if (context.runAsNonRoot === false || (!podNonRoot && context.runAsNonRoot !== true)) {
      fail(`${at}.runAsNonRoot`, 'must be true (here or in the pod securityContext)');
    }
    const seccomp = dig(context, ['seccompProfile', 'type']);
    if (seccomp !== undefined ? !SECCOMP_TYPES.has(String(seccomp)) : !podSeccomp) {
      fail(
        `${at}.seccompProfile.type`,
        'must be RuntimeDefault or Localhost (here or in the pod securityContext)',
      );
    }
    const drop = asArray(dig(context, ['capabilities', 'drop']));
    if (!drop.includes('ALL')) fail(`${at}.capabilities.drop`, "must include 'ALL'");
    for (const added of asArray(dig(context, ['capabilities', 'add']))) {
      if (added !== 'NET_BIND_SERVICE')
        fail(`${at}.capabilities.add`, `capability '${String(added)}' is not allowed`);
    }
    for (const [index, port] of asArray(container.ports).entries()) {
      if (asObject(port)?.hostPort !== undefined)
        fail(`${field}.ports[${index}].hostPort`, 'host ports are not allowed');
    }
  }
  return violations;
};
