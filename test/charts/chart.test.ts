import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chart = path.join(root, 'charts/luster');

/**
 * The chart cannot be rendered here (no helm binary can be installed on this machine), so these
 * tests hold what can be checked without it: the values file, its generated schema, and that every
 * value a template reads exists and is documented.
 */
describe('the Helm chart', () => {
  const values = async () => parse(await readFile(path.join(chart, 'values.yaml'), 'utf8'));
  const schema = async () => JSON.parse(await readFile(path.join(chart, 'values.schema.json'), 'utf8'));

  it('has a values.schema.json generated from values.yaml (npm run chart:schema)', async () => {
    await expect(
      run(process.execPath, [path.join(root, 'charts/scripts/values-schema.mjs'), '--check']),
    ).resolves.toBeDefined();
  });

  it('accepts its own defaults and refuses unknown keys and wrong types', async () => {
    const validate = new Ajv2020({ strict: false }).compile(await schema());
    expect(validate(await values())).toBe(true);
    expect(validate({ ...(await values()), replicaz: 2 })).toBe(false);
    expect(
      validate({
        ...(await values()),
        image: { repository: 'x', tag: '', pullPolicy: 'Always', digest: 'y' },
      }),
    ).toBe(false);
    expect(validate({ ...(await values()), replicaCount: 'two' })).toBe(false);
  });

  it('documents every value (except resource quantities)', async () => {
    const undocumented: string[] = [];
    const walk = (
      node: { properties?: Record<string, { description?: string; type?: string }> },
      prefix: string,
    ) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const name = `${prefix}${key}`;
        if (child.type !== 'object' && !child.description && !name.startsWith('resources.'))
          undocumented.push(name);
        walk(child as never, `${name}.`);
      }
    };
    walk(await schema(), '');
    expect(undocumented).toEqual([]);
  });

  it('reads only values that exist in values.yaml', async () => {
    const defaults = await values();
    const templates = (await readdir(path.join(chart, 'templates'))).filter((f) =>
      /\.(yaml|tpl|txt)$/.test(f),
    );
    const missing: string[] = [];
    for (const file of templates) {
      const text = await readFile(path.join(chart, 'templates', file), 'utf8');
      for (const [, ref] of text.matchAll(/\.Values\.([A-Za-z0-9_.]+)/g)) {
        let node: unknown = defaults;
        for (const part of (ref as string).split('.'))
          node = (node as Record<string, unknown> | undefined)?.[part];
        if (node === undefined) missing.push(`${file}: .Values.${ref}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names templates <component>-<kind>.yaml and mounts no ServiceAccount token', async () => {
    const templates = (await readdir(path.join(chart, 'templates'))).filter((f) => f.endsWith('.yaml'));
    for (const file of templates) expect(file).toMatch(/^control-plane-[a-z]+\.yaml$/);
    const account = await readFile(path.join(chart, 'templates/control-plane-serviceaccount.yaml'), 'utf8');
    expect(account).toContain('automountServiceAccountToken: false');
    expect(templates.some((f) => /role/i.test(f))).toBe(false);
  });

  it("takes what docs/operations.md's commands set, and names only variables that exist", async () => {
    const { configVariables } = await import('../../control-plane/src/config.js');
    const variables = configVariables as Record<string, { secret?: boolean }>;
    const guide = await readFile(path.join(root, 'docs/operations.md'), 'utf8');
    // Each `--set a.b=value` of the install, scale-out and upgrade commands, applied as helm does.
    const set = await values();
    for (const [, key, raw] of guide.matchAll(/--set '?([A-Za-z.]+)=([^'\s]+)/g)) {
      const parts = (key as string).split('.');
      const leaf = parts.pop() as string;
      const node = parts.reduce((n, part) => n?.[part], set);
      expect(node, `${key} is not in values.yaml`).toHaveProperty(leaf);
      const value = raw as string;
      node[leaf] = value.startsWith('{')
        ? value.slice(1, -1).split(',')
        : /^\d+$/.test(value)
          ? Number(value)
          : value === 'true' || (value !== 'false' && value);
    }
    expect(new Ajv2020({ strict: false }).compile(await schema())(set)).toBe(true);
    // The Secret it creates holds the keys it lists, each a secret variable of the control plane.
    const literals = [...guide.matchAll(/--from-literal=([A-Z0-9_]+)=/g)].map(([, name]) => name);
    expect(literals).toEqual(set.secrets.keys);
    for (const name of literals) expect(variables[name as string]?.secret, name).toBe(true);
    // `REPLACE_ME` is the template's placeholder, not a variable.
    const named = [...guide.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g)].map(([, name]) => name as string);
    expect(named.filter((name) => name !== 'REPLACE_ME' && !(name in variables))).toEqual([]);
  });

  it('names every secret variable of the control plane where the chart passes it as <KEY>_FILE', async () => {
    const { configVariables } = await import('../../control-plane/src/config.js');
    const text = await readFile(path.join(chart, 'values.yaml'), 'utf8');
    const keysDoc = text.slice(text.indexOf('secrets:'), text.indexOf('keys: []'));
    // These two have Secrets of their own (database.existingSecret, gitops.existingSecret).
    const ownSecret = ['DATABASE_URL', 'GITOPS_REMOTE_TOKEN'];
    const unnamed = Object.entries(configVariables)
      .filter(([name, spec]) => (spec as { secret?: boolean }).secret && !ownSecret.includes(name))
      .map(([name]) => name)
      .filter((name) => !new RegExp(`\\b${name}\\b`).test(keysDoc));
    expect(unnamed).toEqual([]);
  });
});
