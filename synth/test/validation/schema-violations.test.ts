import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { pointerToField, schemaViolations } from '../../src/validation/schema-violations.js';

const error = (overrides: Partial<ErrorObject>): ErrorObject =>
  ({
    instancePath: '',
    schemaPath: '#',
    keyword: 'type',
    params: {},
    message: 'must be string',
    ...overrides,
  }) as ErrorObject;

describe('pointerToField', () => {
  it.each([
    ['', ''],
    ['/spec/replicas', 'spec.replicas'],
    ['/spec/template/spec/containers/0/image', 'spec.template.spec.containers[0].image'],
    ['/metadata/labels/app.kubernetes.io~1name', 'metadata.labels.app.kubernetes.io/name'],
  ])('%j → %j', (pointer, field) => {
    expect(pointerToField(pointer)).toBe(field);
  });
});

describe('schemaViolations', () => {
  it('names the unknown or missing field itself', () => {
    expect(
      schemaViolations('Service x', [
        error({
          instancePath: '/spec',
          keyword: 'additionalProperties',
          params: { additionalProperty: 'portz' },
        }),
        error({ instancePath: '/spec/ports/0', keyword: 'required', params: { missingProperty: 'port' } }),
      ]),
    ).toEqual([
      {
        object: 'Service x',
        field: 'spec.portz',
        rule: 'schema.additionalProperties',
        message: "unknown field 'portz'",
      },
      {
        object: 'Service x',
        field: 'spec.ports[0].port',
        rule: 'schema.required',
        message: "required field 'port' is missing",
      },
    ]);
  });

  it('reports a failed oneOf once, without the errors of each branch', () => {
    const violations = schemaViolations('PodDisruptionBudget x', [
      error({
        instancePath: '/spec/maxUnavailable',
        schemaPath: '#/definitions/IntOrString/oneOf/0/type',
        message: 'must be string',
      }),
      error({
        instancePath: '/spec/maxUnavailable',
        schemaPath: '#/definitions/IntOrString/oneOf/1/type',
        message: 'must be integer',
      }),
      error({
        instancePath: '/spec/maxUnavailable',
        schemaPath: '#/definitions/IntOrString/oneOf',
        keyword: 'oneOf',
        message: 'must match exactly one schema in oneOf',
      }),
    ]);
    expect(violations).toEqual([
      {
        object: 'PodDisruptionBudget x',
        field: 'spec.maxUnavailable',
        rule: 'schema.oneOf',
        message: 'must match exactly one schema in oneOf',
      },
    ]);
  });
});
