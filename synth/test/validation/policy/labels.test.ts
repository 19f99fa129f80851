import { describe, expect, it } from 'vitest';
import { labels } from '../../../src/validation/policy/labels.js';

const options = { allowedImageRegistries: ['registry.luster.io/themes'] };

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
