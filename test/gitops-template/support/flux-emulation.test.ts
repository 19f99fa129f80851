// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${var} is Flux substitution syntax, literal text here
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fluxGeneratedResources } from './flux-generator.js';
import { fluxSubstitute, substitutionVariables } from './flux-substitute.js';

describe("the emulation of Flux's kustomization generator", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'luster-generator-'));
    const files: Record<string, string> = {
      'README.md': '# not yaml',
      'loose.yaml': 'a: 1',
      'other.yml': 'a: 1',
      'ac/acme/kustomization.yaml': 'resources: []',
      'ac/acme/app/kustomization.yaml': 'resources: []',
      'ac/acme/namespace.yaml': 'a: 1',
      'gl/plain/objects.yaml': 'a: 1',
      'gl/plain/nested/deep.yaml': 'a: 1',
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('adds a folder with a kustomization.yaml whole, descends into others, and keeps only YAML files', async () => {
    expect(await fluxGeneratedResources(root)).toEqual([
      'ac/acme',
      'gl/plain/nested/deep.yaml',
      'gl/plain/objects.yaml',
      'loose.yaml',
      'other.yml',
    ]);
  });

  it('refuses a folder that has its own kustomization file (Flux would not generate one)', async () => {
    await expect(fluxGeneratedResources(path.join(root, 'ac', 'acme'))).rejects.toThrow(/own kustomization/);
  });
});

describe("the emulation of Flux's post-build substitution", () => {
  it('fills ${var} and falls back to ${var:=default}', () => {
    expect(fluxSubstitute('a: ${x}\nb: ${y:=fallback}\nc: ${x:=unused}', { x: 'one' })).toBe(
      'a: one\nb: fallback\nc: one',
    );
  });

  it('names an undefined variable instead of writing an empty string', () => {
    expect(() => fluxSubstitute('address: ${luster_url}/hooks/flux', {})).toThrow(/\$\{luster_url\}/);
  });

  it('lists the variables a text uses', () => {
    expect(substitutionVariables('${b} ${a:=x} ${b}')).toEqual(['a', 'b']);
  });
});
