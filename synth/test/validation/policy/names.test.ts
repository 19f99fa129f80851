import { describe, expect, it } from 'vitest';
import { names } from '../../../src/validation/policy/names.js';

const options = { allowedImageRegistries: ['registry.luster.io/themes'] };

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
