import { describe, expect, it } from 'vitest';
import { hosts } from '../../../src/validation/policy/hosts.js';
import { images } from '../../../src/validation/policy/images.js';
import { labels } from '../../../src/validation/policy/labels.js';
import { names } from '../../../src/validation/policy/names.js';
import { resources } from '../../../src/validation/policy/resources.js';

const options = { allowedImageRegistries: ['registry.luster.io/themes'] };
const pod = (image: unknown, resourcesField?: unknown) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'c', image, resources: resourcesField }] },
});

describe('images policy', () => {
  it.each([
    ['registry.luster.io/themes/aurora:1.4.0', []],
    ['registry.luster.io/other/aurora:1.4.0', ['policy.image-registry']],
    ['registry.luster.io/themes/aurora:latest', ['policy.image-pinned']],
    ['registry.luster.io/themes/aurora', ['policy.image-pinned']],
    ['aurora:1.4.0', ['policy.image']],
    [42, ['policy.image']],
  ])('%j → %j', (image, rules) => {
    expect(images(pod(image), 'Pod p', options).map((v) => v.rule)).toEqual(rules);
  });
});

describe('resources policy', () => {
  it('asks every container for CPU and memory requests and limits', () => {
    const complete = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } };
    expect(resources(pod('x', complete), 'Pod p', options)).toEqual([]);
    expect(resources(pod('x', { requests: { cpu: '1' } }), 'Pod p', options).map((v) => v.field)).toEqual([
      'spec.containers[0].resources.requests.memory',
      'spec.containers[0].resources.limits.cpu',
      'spec.containers[0].resources.limits.memory',
    ]);
  });

  it('asks the same of a CloudNativePG cluster', () => {
    const cluster = {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: 'db' },
      spec: { instances: 1 },
    };
    expect(resources(cluster, 'Cluster db', options)).toHaveLength(4);
  });
});

describe('names policy', () => {
  it('allows 63 characters and refuses 64, for names and namespaces', () => {
    const object = (name: string, namespace: string) => ({
      kind: 'ConfigMap',
      metadata: { name, namespace },
    });
    expect(names(object('a'.repeat(63), 'tenant-acme'), 'x', options)).toEqual([]);
    expect(names(object('a'.repeat(64), 'n'.repeat(64)), 'x', options).map((v) => [v.field, v.rule])).toEqual(
      [
        ['metadata.name', 'policy.name-length'],
        ['metadata.namespace', 'policy.name-length'],
      ],
    );
    expect(names({ kind: 'ConfigMap', metadata: {} }, 'x', options).map((v) => v.rule)).toEqual([
      'policy.name-required',
    ]);
  });
});

describe('hosts policy', () => {
  it('checks Ingress rules and TLS hosts and Certificate DNS names', () => {
    const ingress = {
      kind: 'Ingress',
      spec: {
        rules: [{ host: 'ok.acme.com' }, { host: 'Bad.acme.com' }],
        tls: [{ hosts: ['ok.acme.com', 'nodot'] }],
      },
    };
    expect(hosts(ingress, 'Ingress x', options).map((v) => v.field)).toEqual([
      'spec.rules[1].host',
      'spec.tls[0].hosts[1]',
    ]);
    const certificate = {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      spec: { dnsNames: ['*.acme.com'] },
    };
    expect(hosts(certificate, 'Certificate x', options)).toMatchObject([
      { field: 'spec.dnsNames[0]', rule: 'policy.host' },
    ]);
  });
});

describe('labels policy', () => {
  it('names each missing label', () => {
    const violations = labels(
      { kind: 'ConfigMap', metadata: { labels: { 'luster.io/tenant': 'acme' } } },
      'x',
      options,
    );
    expect(violations.map((v) => v.field)).toEqual([
      'metadata.labels.app.kubernetes.io/name',
      'metadata.labels.app.kubernetes.io/instance',
      'metadata.labels.app.kubernetes.io/component',
      'metadata.labels.app.kubernetes.io/part-of',
      'metadata.labels.app.kubernetes.io/managed-by',
      'metadata.labels.luster.io/tier',
    ]);
  });
});
