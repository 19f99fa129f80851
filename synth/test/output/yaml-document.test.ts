import { describe, expect, it } from 'vitest';
import { toYamlFile } from '../../src/output/yaml-document.js';

describe('toYamlFile', () => {
  it('heads the file with the comment, one # per line', () => {
    expect(
      toYamlFile({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'x' } }, 'why\nand why not'),
    ).toBe('# why\n# and why not\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n');
  });

  it('puts metadata name, namespace, labels and annotations first', () => {
    const text = toYamlFile({
      metadata: {
        annotations: { a: 'b' },
        finalizers: ['f'],
        labels: { l: 'v' },
        namespace: 'ns',
        name: 'x',
      },
    });
    expect(text).toBe(
      'metadata:\n  name: x\n  namespace: ns\n  labels:\n    l: v\n  annotations:\n    a: b\n  finalizers:\n    - f\n',
    );
  });
});
