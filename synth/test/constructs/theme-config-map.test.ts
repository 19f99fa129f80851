import { describe, expect, it } from 'vitest';
import { ThemeConfigMap } from '../../src/constructs/theme-config-map.js';
import { synthConstruct } from '../support/synth-construct.js';

function build(data: Record<string, string>): { hash: string; objects: Record<string, any>[] } {
  let hash = '';
  const objects = synthConstruct((chart) => {
    hash = new ThemeConfigMap(chart, 'Config', {
      name: 'theme-config',
      namespace: 'tenant-acme',
      labels: { a: 'b' },
      data,
    }).contentHash;
  });
  return { hash, objects };
}

describe('ThemeConfigMap', () => {
  it('holds the theme environment', () => {
    const { objects } = build({ LUSTER_PLUGINS: 'ecommerce,seo', LUSTER_TENANT: 'acme' });
    expect(objects).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'theme-config', namespace: 'tenant-acme', labels: { a: 'b' } },
        data: { LUSTER_PLUGINS: 'ecommerce,seo', LUSTER_TENANT: 'acme' },
        immutable: false,
      },
    ]);
  });

  it('hashes the content, whatever order it was given in, and only the content', () => {
    const one = build({ A: '1', B: '2' }).hash;
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(build({ B: '2', A: '1' }).hash).toBe(one);
    expect(build({ A: '1', B: '3' }).hash).not.toBe(one);
  });

  it('refuses keys that are not environment variable names', () => {
    expect(() => build({ 'plugins.json': '[]' })).toThrow(
      "'data' key 'plugins.json' must be an environment variable name",
    );
  });
});
