import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/generate-docs.js';
// @ts-expect-error: a plain .mjs build script, without type declarations
import { buildSchemaBundle, buildValidatorsModule } from '../../scripts/generate-schemas.mjs';

const synthDir = fileURLToPath(new URL('../..', import.meta.url));
const committed = (path: string) => readFileSync(`${synthDir}/${path}`, 'utf8');

// Generated files are committed; these fail when a source changed without `npm run generate -w synth`.
describe('generated files', () => {
  it('tenant-spec.schema.json and the README tables match the schema and the tier table', () => {
    const files = generatedFiles(committed('README.md'));
    expect(files['tenant-spec.schema.json']).toBe(committed('tenant-spec.schema.json'));
    expect(files['README.md']).toBe(committed('README.md'));
  });

  it('the schema bundle and the precompiled validators match the vendored schemas (vendor/)', () => {
    const bundle = buildSchemaBundle();
    expect(`${JSON.stringify(bundle)}\n`).toBe(committed('generated/schemas.json'));
    expect(buildValidatorsModule(bundle)).toBe(committed('generated/validators.cjs'));
  });

  it('the JSON Schema rejects unknown fields, like the zod schema', () => {
    const schema = JSON.parse(committed('tenant-spec.schema.json'));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual([
      'slug',
      'organizationId',
      'displayName',
      'tier',
      'projectType',
      'theme',
      'mediaBucket',
      'cluster',
    ]);
    expect(schema.properties.theme.additionalProperties).toBe(false);
  });
});
