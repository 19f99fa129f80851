import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emitYaml } from '../../src/output/yaml-emitter.js';

const order = { top: ['apiVersion', 'kind', 'metadata'], metadata: ['name', 'namespace'] };

describe('emitYaml', () => {
  it('writes block YAML in the fixed key order, other keys sorted', () => {
    const text = emitYaml(
      {
        spec: {
          replicas: 2,
          containers: [{ name: 'theme', ports: [{ containerPort: 8080 }], args: [] }],
          empty: {},
        },
        metadata: { labels: { b: '1', a: 'x' }, namespace: 'tenant-acme', name: 'theme' },
        kind: 'Deployment',
        apiVersion: 'apps/v1',
      },
      order,
    );
    expect(text).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: theme',
        '  namespace: tenant-acme',
        '  labels:',
        '    a: x',
        '    b: "1"',
        'spec:',
        '  containers:',
        '    - args: []',
        '      name: theme',
        '      ports:',
        '        - containerPort: 8080',
        '  empty: {}',
        '  replicas: 2',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['on', '"on"'],
    ['no', '"no"'],
    ['y', '"y"'],
    ['null', '"null"'],
    ['0755', '"0755"'],
    ['1e3', '"1e3"'],
    ['0x1F', '"0x1F"'],
    ['1_000', '"1_000"'],
    ['2024-01-31', '"2024-01-31"'],
    ['1:30', '"1:30"'],
    ['E0', '"E0"'],
    ['', '""'],
    ['0 3 * * * *', '"0 3 * * * *"'],
    ['#0a7cff', '"#0a7cff"'],
    ['a: b', '"a: b"'],
    ['key:', '"key:"'],
    ['-dash', '"-dash"'],
    ['two\nlines', '"two\\nlines"'],
    ['250m', '250m'],
    ['2Gi', '2Gi'],
    ['registry.luster.io/themes/aurora:1.4.0', 'registry.luster.io/themes/aurora:1.4.0'],
    ['/healthz', '/healthz'],
    ['tenant-acme', 'tenant-acme'],
  ])('writes the string %j as %s', (value, written) => {
    expect(emitYaml({ v: value }, order)).toBe(`v: ${written}\n`);
  });

  it('reads back as the same data under YAML 1.1 and 1.2 rules', () => {
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom('on', 'y', 'null', 'apiVersion', 'kind', 'metadata', 'app.kubernetes.io/name'),
    );
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'yes',
        'Off',
        '~',
        '0o17',
        '.5',
        '+1',
        '1.',
        '12:00:00',
        '2001-12-14t21:59:43.10-05:00',
        '=',
        '<<',
        '*a',
        '&b',
        '!x',
        '%y',
        '@z',
        '`q',
      ),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(key, json, { maxKeys: 6 }), (object) => {
        const text = emitYaml(object, order);
        const expected = JSON.parse(JSON.stringify(object));
        expect(parse(text, { version: '1.2' }) ?? {}).toEqual(expected);
        expect(parse(text, { version: '1.1' }) ?? {}).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => emitYaml({ v: Number.NaN }, order)).toThrow(/NaN/);
    expect(() => emitYaml({ v: () => 1 }, order)).toThrow(/function/);
  });
});
