import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors/spec-error.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { aSpec } from '../support/specs.js';

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseTenantSpec(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).code).toBe('SYNTH_SPEC_INVALID');
    return [...(error as SpecError).issues];
  }
  throw new Error('expected the spec to be rejected');
}

describe('parseTenantSpec', () => {
  it('accepts a valid spec and fills in the defaults', () => {
    // GIVEN a spec that leaves every optional field out
    const {
      plugins: _p,
      domains: _d,
      branding: _b,
      parentOrganizationId: _o,
      state: _s,
      ...minimal
    } = aSpec();
    // WHEN it is parsed
    const spec = parseTenantSpec(minimal);
    // THEN the defaults are applied
    expect(spec).toMatchObject({
      plugins: [],
      domains: { custom: [] },
      branding: {},
      database: {},
      parentOrganizationId: null,
      state: 'active',
    });
  });

  it.each([
    ['a bad slug', { slug: 'acme_inc' }, 'slug', /lowercase DNS label/],
    ['an uppercase slug', { slug: 'Acme' }, 'slug', /lowercase DNS label/],
    ['a slug ending in a dash', { slug: 'acme-' }, 'slug', /lowercase DNS label/],
    ['a one-character slug', { slug: 'a' }, 'slug', /at least 2/],
    ['a slug too long for tenant-<slug>', { slug: 'a'.repeat(57) }, 'slug', /at most 56/],
    ['an unknown tier', { tier: 'gold' }, 'tier', /starter.*pro.*enterprise/],
    ['an unknown project type', { projectType: 'blog' }, 'projectType', /website.*ecommerce/],
    [
      'a non-hostname custom domain',
      { domains: { custom: ['shop'] } },
      'domains.custom[0]',
      /fully qualified/,
    ],
    ['a wildcard custom domain', { domains: { custom: ['*.acme.com'] } }, 'domains.custom[0]', /wildcard/],
    [
      'an uppercase custom domain',
      { domains: { custom: ['Shop.Acme.com'] } },
      'domains.custom[0]',
      /lowercase/,
    ],
    ['an IP address as domain', { domains: { custom: ['10.0.0.1'] } }, 'domains.custom[0]', /not an IP/],
    [
      'more custom domains than the tier allows',
      { tier: 'starter', domains: { custom: ['a.acme.com', 'b.acme.com'] } },
      'domains.custom',
      /tier 'starter' allows 1 custom domains, got 2/,
    ],
    [
      'a duplicate custom domain',
      { domains: { custom: ['a.acme.com', 'a.acme.com'] } },
      'domains.custom[1]',
      /duplicate/,
    ],
    ['a duplicate plugin', { plugins: ['seo', 'seo'] }, 'plugins[1]', /duplicate plugin 'seo'/],
    [
      'an image without a registry host',
      { theme: { name: 'aurora', version: '1.4.0', image: 'aurora:1.4.0' } },
      'theme.image',
      /full image reference/,
    ],
    [
      'an image tagged latest',
      { theme: { name: 'aurora', version: '1.4.0', image: 'registry.luster.io/themes/aurora:latest' } },
      'theme.image',
      /pinned/,
    ],
    [
      'a theme version that is not semver',
      { theme: { name: 'aurora', version: 'v1', image: 'registry.luster.io/a:1' } },
      'theme.version',
      /semantic version/,
    ],
    ['a bucket name with uppercase', { mediaBucket: 'Org-Acme' }, 'mediaBucket', /S3 bucket name/],
    [
      'a storage size above the tier maximum',
      { tier: 'starter', database: { storageGi: 11 } },
      'database.storageGi',
      /at most 10 GiB per instance, got 11/,
    ],
    [
      'a five-field backup schedule',
      { database: { backupSchedule: '0 3 * * *' } },
      'database.backupSchedule',
      /6 fields/,
    ],
    ['an unknown state', { state: 'paused' }, 'state', /active.*suspended/],
    [
      'a logo over plain http',
      { branding: { logoUrl: 'http://acme.com/logo.png' } },
      'branding.logoUrl',
      /https/,
    ],
    ['a bad cluster name', { cluster: 'Prod 1' }, 'cluster', /lowercase DNS label/],
  ])('rejects %s, naming the field', (_case, overrides, path, message) => {
    const issues = issuesOf(aSpec(overrides as never));
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('rejects fields the schema does not know', () => {
    expect(issuesOf({ ...aSpec(), replicas: 3 })).toContainEqual({
      path: '',
      message: expect.stringMatching(/replicas/),
    });
    expect(
      issuesOf(
        aSpec({
          theme: { name: 'aurora', version: '1.4.0', image: 'registry.luster.io/a:1', port: 80 } as never,
        }),
      ),
    ).toContainEqual({ path: 'theme', message: expect.stringMatching(/port/) });
  });

  it('lists every problem of a spec, not only the first', () => {
    const issues = issuesOf(
      aSpec({ slug: 'Bad_Slug', tier: 'starter', domains: { custom: ['*.x.com', 'a.b.com'] } }),
    );
    expect(issues.map((i) => i.path)).toEqual(['slug', 'domains.custom[0]', 'domains.custom']);
  });

  it('accepts the longest slug whose namespace is still a DNS label', () => {
    expect(parseTenantSpec(aSpec({ slug: 'a'.repeat(56) })).slug).toHaveLength(56);
  });
});
