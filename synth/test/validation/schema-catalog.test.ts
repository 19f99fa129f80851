import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { isPrecompiled, kindKey, validatorFor } from '../../src/validation/schema-catalog.js';
import { fixtureSpecs } from '../support/fixture-specs.js';
import { objectsOf } from '../support/specs.js';

const require = createRequire(import.meta.url);

describe('schema catalog', () => {
  it('ships a precompiled validator for every kind renderTenant emits', () => {
    const kinds = new Set(
      fixtureSpecs.flatMap((spec) =>
        objectsOf(renderTenant(parseTenantSpec(spec))).map(({ object }) =>
          kindKey(object.apiVersion, object.kind),
        ),
      ),
    );
    expect(kinds.size).toBe(16);
    for (const kind of kinds) expect(isPrecompiled(kind), kind).toBe(true);
  });

  it('compiles other Kubernetes and CRD kinds on first use, closed like the rest', () => {
    const secret = validatorFor('v1/Secret');
    expect(isPrecompiled('v1/Secret')).toBe(false);
    expect(
      secret?.({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { a: 'b' } }),
    ).toBe(true);
    expect(
      secret?.({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringdata: { a: 'b' } }),
    ).toBe(false);
    expect(secret?.errors?.[0]).toMatchObject({
      keyword: 'additionalProperties',
      params: { additionalProperty: 'stringdata' },
    });
    expect(validatorFor('v1/Secret')).toBe(secret);

    const release = validatorFor('helm.toolkit.fluxcd.io/v2/HelmRelease');
    expect(
      release?.({
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: { name: 'r' },
        spec: { interval: '1h', intervl: 1 },
      }),
    ).toBe(false);
  });

  it('knows no kind that neither Kubernetes nor a known CRD defines', () => {
    expect(validatorFor('example.com/v1/Widget')).toBeUndefined();
    expect(validatorFor('apps/v1beta1/Deployment')).toBeUndefined();
  });

  it('gives precompiled and freshly compiled validators the same verdict', () => {
    const Ajv = require('ajv').default;
    const addFormats = require('ajv-formats').default;
    const bundle = require('../../generated/schemas.json');
    const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'luster:k8s', definitions: bundle.definitions });
    const fresh = ajv.compile(bundle.kinds['apps/v1/Deployment']);
    const faulty = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x', labelz: {} },
      spec: {
        selector: {},
        template: { spec: { containers: [{ name: 'c', image: 'i', portz: [] }] } },
        replicas: 'two',
      },
    };
    const precompiled = validatorFor('apps/v1/Deployment');
    expect(precompiled?.(faulty)).toBe(false);
    expect(fresh(faulty)).toBe(false);
    expect(precompiled?.errors?.map((e) => [e.instancePath, e.keyword])).toEqual(
      fresh.errors.map((e: any) => [e.instancePath, e.keyword]),
    );
  });
});
