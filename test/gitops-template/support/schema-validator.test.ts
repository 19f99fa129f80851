import { beforeAll, describe, expect, it } from 'vitest';
import type { K8sObject } from './objects.js';
import { SchemaValidator } from './schema-validator.js';

let validator: SchemaValidator;
beforeAll(async () => {
  validator = await SchemaValidator.load();
});

const deployment = (spec: Record<string, unknown>): K8sObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'tenant-acme' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1' }] },
    },
    ...spec,
  },
});

const helmRelease = (spec: Record<string, unknown>): K8sObject => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name: 'x', namespace: 'flux-system' },
  spec: {
    interval: '1h',
    chart: { spec: { chart: 'x', version: '1.0.0', sourceRef: { kind: 'HelmRepository', name: 'x' } } },
    ...spec,
  },
});

describe('the local schema check', () => {
  it.each([
    ['a valid Deployment', deployment({ replicas: 2 })],
    ['a HelmRelease with free-form values', helmRelease({ values: { anything: { goes: [1, 'two'] } } })],
    [
      'a HelmRepository',
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'HelmRepository',
        metadata: { name: 'jetstack', namespace: 'flux-system' },
        spec: { url: 'https://charts.jetstack.io', interval: '12h' },
      },
    ],
  ])('accepts %s', (_name, object) => {
    expect(validator.validate(object as K8sObject)).toEqual([]);
  });

  it.each([
    ['a misspelled Deployment field', deployment({ replicaz: 2 }), /unknown field 'replicaz'/],
    [
      'a misspelled metadata field of a CRD object',
      { ...helmRelease({}), metadata: { name: 'x', labelz: {} } },
      /labelz/,
    ],
    ['a misspelled HelmRelease spec field', helmRelease({ intervall: '1h' }), /unknown field 'intervall'/],
    ['a Go duration Flux cannot parse', helmRelease({ interval: '1 hour' }), /pattern/],
    [
      'a HelmRepository field that does not exist',
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'HelmRepository',
        metadata: { name: 'x' },
        spec: { url: 'https://example.com', branch: 'main' },
      },
      /unknown field 'branch'/,
    ],
    [
      'a kind without schema',
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } },
      /no schema/,
    ],
    [
      'an API version the CRDs no longer serve',
      { ...helmRelease({}), apiVersion: 'helm.toolkit.fluxcd.io/v2beta2' },
      /no schema for HelmRelease in helm.toolkit.fluxcd.io\/v2beta2/,
    ],
  ])('rejects %s', (_name, object, message) => {
    const problems = validator.validate(object as K8sObject);
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });
});
