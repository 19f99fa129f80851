import { describe, expect, it } from 'vitest';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { fixtureSpecs } from '../support/fixture-specs.js';

// One reviewed snapshot per tier (and one suspended tenant): the whole render as the GitOps repo
// would hold it. When a change shows up here, read the diff as an SRE reviewing a pull request.
describe('a whole tenant, as committed to the GitOps repo', () => {
  it.each(
    fixtureSpecs.map(
      (spec) => [`${spec.tier}${spec.state === 'suspended' ? '-suspended' : ''}`, spec] as const,
    ),
  )('%s', async (name, spec) => {
    const files = renderTenant(parseTenantSpec(spec));
    const text = files.map((f) => `### ${f.path}\n${f.content}`).join('\n');
    await expect(text).toMatchFileSnapshot(`__snapshots__/${name}.yaml`);
  });
});
