import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { requireTool } from '../../../test/support/require-tool.js';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { fixtureSpecs } from '../support/fixture-specs.js';

// The real kubectl (README, "Prerequisites of npm test"): kustomize as Flux runs it.
const repo = mkdtempSync(join(tmpdir(), 'synth-kustomize-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const files = fixtureSpecs.flatMap((spec) => renderTenant(parseTenantSpec(spec)));
for (const file of files) {
  mkdirSync(dirname(join(repo, file.path)), { recursive: true });
  writeFileSync(join(repo, file.path), file.content);
}
const folders = files.filter((f) => f.path.endsWith('/kustomization.yaml')).map((f) => dirname(f.path));

describe('kubectl kustomize', () => {
  it.each(folders)('builds %s with every listed object', (folder) => {
    const listed = files.filter((f) => dirname(f.path) === folder && !f.path.endsWith('/kustomization.yaml'));
    const output = execFileSync(requireTool('kubectl'), ['kustomize', join(repo, folder)], {
      encoding: 'utf8',
    });
    const built = parseAllDocuments(output).map((d) => d.toJS());
    expect(built).toHaveLength(listed.length);
    expect(built.every((o) => o.apiVersion && o.kind && o.metadata.name)).toBe(true);
  });

  it('leaves tenants/<cluster> and its shards without a kustomization.yaml, for Flux to generate', () => {
    expect(existsSync(join(repo, 'tenants/prod-1/kustomization.yaml'))).toBe(false);
    expect(existsSync(join(repo, 'tenants/prod-1/ac/kustomization.yaml'))).toBe(false);
  });
});
