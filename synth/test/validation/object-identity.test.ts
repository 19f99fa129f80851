import { describe, expect, it } from 'vitest';
import { describeObject } from '../../src/validation/object-identity.js';

describe('describeObject', () => {
  it.each([
    [
      { kind: 'Deployment', metadata: { name: 'theme', namespace: 'tenant-acme' } },
      'Deployment tenant-acme/theme',
    ],
    [{ kind: 'Namespace', metadata: { name: 'tenant-acme' } }, 'Namespace tenant-acme'],
    [{ kind: 'ConfigMap', metadata: {} }, 'ConfigMap (document 3, unnamed)'],
    [{ metadata: 'nonsense' }, 'object (document 3, unnamed)'],
  ])('%j → %s', (object, text) => {
    expect(describeObject(object, 'document 3')).toBe(text);
  });
});
