import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors/spec-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';

describe('errors', () => {
  it('SpecError carries a stable code and every issue', () => {
    const error = new SpecError([
      { path: 'slug', message: 'must be lowercase' },
      { path: '', message: 'Unrecognized key: "x"' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('SYNTH_SPEC_INVALID');
    expect(error.issues).toHaveLength(2);
    expect(error.message).toBe('invalid tenant spec: slug: must be lowercase; (root): Unrecognized key: "x"');
  });

  it('ValidationError carries a stable code and every violation', () => {
    const violation = {
      object: 'Service tenant-acme/theme',
      field: 'spec.portz',
      rule: 'schema.additionalProperties',
      message: 'unknown field',
    };
    const error = new ValidationError([violation]);
    expect(error.code).toBe('SYNTH_MANIFEST_INVALID');
    expect(error.violations).toEqual([violation]);
    expect(error.message).toContain(
      'Service tenant-acme/theme spec.portz: unknown field [schema.additionalProperties]',
    );
  });
});
