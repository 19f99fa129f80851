import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { fixtureSpecs } from '../support/fixture-specs.js';

const synthDir = fileURLToPath(new URL('../..', import.meta.url));

function renderInAnotherProcess(env: Record<string, string>): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'test/support/render-fixtures.ts'], {
    cwd: synthDir,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('determinism', () => {
  it('renders byte-identical files in separate processes, whatever the time zone, locale or cdk8s settings', () => {
    const first = renderInAnotherProcess({ TZ: 'UTC', LANG: 'C' });
    const second = renderInAnotherProcess({
      TZ: 'Pacific/Kiritimati',
      LANG: 'de_DE.UTF-8',
      CDK8S_DISABLE_SORT: '1',
    });
    expect(second).toBe(first);
    const here = JSON.stringify(fixtureSpecs.flatMap((spec) => renderTenant(parseTenantSpec(spec))));
    expect(here).toBe(first);
  });

  it('renders the same bytes twice in one process', () => {
    const spec = parseTenantSpec(fixtureSpecs[1]);
    expect(renderTenant(spec)).toEqual(renderTenant(spec));
  });

  it('writes no timestamp, random name or construct path', () => {
    const text = fixtureSpecs
      .flatMap((spec) => renderTenant(parseTenantSpec(spec)))
      .map((f) => f.content)
      .join('\n');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(text).not.toMatch(/cdk8s|c8[0-9a-f]{6}/);
  });
});
