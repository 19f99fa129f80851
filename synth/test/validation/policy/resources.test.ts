import { describe, expect, it } from 'vitest';
import { resources } from '../../../src/validation/policy/resources.js';
import { aPod as pod, themeRegistryOnly } from '../../support/pods.js';

const options = themeRegistryOnly;

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
