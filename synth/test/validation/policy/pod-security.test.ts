import { describe, expect, it } from 'vitest';
import { podSecurity } from '../../../src/validation/policy/pod-security.js';

const options = { allowedImageRegistries: ['registry.luster.io'] };
const restricted = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

function deployment(container: Record<string, unknown>, pod: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'theme', namespace: 'tenant-acme' },
    spec: { template: { spec: { ...pod, containers: [{ name: 'theme', image: 'x', ...container }] } } },
  };
}

const check = (container: Record<string, unknown>, pod?: Record<string, unknown>) =>
  podSecurity(deployment(container, pod), 'Deployment tenant-acme/theme', options).map((v) => [
    v.field,
    v.message,
  ]);

describe('pod security policy', () => {
  it('accepts a restricted container, with seccomp and non-root set here or on the pod', () => {
    expect(check({ securityContext: restricted })).toEqual([]);
    const { seccompProfile: _s, runAsNonRoot: _r, ...rest } = restricted;
    expect(
      check(
        { securityContext: rest },
        { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } },
      ),
    ).toEqual([]);
  });

  const at = 'spec.template.spec.containers[0].securityContext';
  it.each([
    ['privileged', { privileged: true }, `${at}.privileged`, 'privileged containers are not allowed'],
    [
      'privilege escalation',
      { allowPrivilegeEscalation: true },
      `${at}.allowPrivilegeEscalation`,
      'must be false',
    ],
    [
      'a writable root filesystem',
      { readOnlyRootFilesystem: false },
      `${at}.readOnlyRootFilesystem`,
      'must be true',
    ],
    ['root', { runAsUser: 0 }, `${at}.runAsUser`, 'must not run as root (uid 0)'],
    [
      'runAsNonRoot false',
      { runAsNonRoot: false },
      `${at}.runAsNonRoot`,
      'must be true (here or in the pod securityContext)',
    ],
    [
      'capabilities kept',
      { capabilities: { drop: ['NET_RAW'] } },
      `${at}.capabilities.drop`,
      "must include 'ALL'",
    ],
    [
      'capabilities added',
      { capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } },
      `${at}.capabilities.add`,
      "capability 'SYS_ADMIN' is not allowed",
    ],
    [
      'an unconfined seccomp profile',
      { seccompProfile: { type: 'Unconfined' } },
      `${at}.seccompProfile.type`,
      'must be RuntimeDefault or Localhost (here or in the pod securityContext)',
    ],
  ])('refuses %s', (_case, override, field, message) => {
    expect(check({ securityContext: { ...restricted, ...override } })).toEqual([[field, message]]);
  });

  it('refuses a container without any security context, field by field', () => {
    expect(check({}).map(([field]) => field)).toEqual([
      `${at}.allowPrivilegeEscalation`,
      `${at}.readOnlyRootFilesystem`,
      `${at}.runAsNonRoot`,
      `${at}.seccompProfile.type`,
      `${at}.capabilities.drop`,
    ]);
  });

  it('refuses host namespaces, host paths and host ports', () => {
    const violations = check(
      { securityContext: restricted, ports: [{ containerPort: 80, hostPort: 80 }] },
      { hostNetwork: true, hostPID: true, volumes: [{ name: 'root', hostPath: { path: '/' } }] },
    );
    expect(violations.map(([field]) => field)).toEqual([
      'spec.template.spec.hostNetwork',
      'spec.template.spec.hostPID',
      'spec.template.spec.volumes[0].hostPath',
      'spec.template.spec.containers[0].ports[0].hostPort',
    ]);
  });

  it('checks init containers and CronJob pods too', () => {
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'job' },
      spec: {
        jobTemplate: {
          spec: {
            template: {
              spec: {
                initContainers: [{ name: 'init', image: 'x' }],
                containers: [{ name: 'c', image: 'x', securityContext: restricted }],
              },
            },
          },
        },
      },
    };
    const fields = podSecurity(cronJob, 'CronJob job', options).map((v) => v.field);
    expect(fields.every((f) => f.startsWith('spec.jobTemplate.spec.template.spec.initContainers[0]'))).toBe(
      true,
    );
    expect(fields).toHaveLength(5);
  });
});
