import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { aSpec } from '../support/specs.js';
import { cli, scratch } from './cli-harness.js';

const dir = 'tenants/prod-1/82/acme';

describe('luster-synth render', () => {
  it('writes the tenant folder below --out, exactly as renderTenant renders it', async () => {
    const work = scratch({ 'acme.json': JSON.stringify(aSpec()) });
    const result = await cli('render', '--spec', join(work, 'acme.json'), '--out', join(work, 'repo'));
    expect(result).toEqual({ code: 0, out: `${dir}: 29 files, 29 changed\n`, err: '' });
    for (const file of renderTenant(parseTenantSpec(aSpec()))) {
      expect(readFileSync(join(work, 'repo', file.path), 'utf8')).toBe(file.content);
    }
    expect((await cli('render', '--spec', join(work, 'acme.json'), '--out', join(work, 'repo'))).out).toBe(
      `${dir}: 29 files, 0 changed\n`,
    );
  });

  it('reads YAML specs and deletes the files a new render no longer has', async () => {
    const work = scratch({
      'acme.yaml': stringify(aSpec()),
      'suspended.yaml': stringify(aSpec({ state: 'suspended' })),
      'repo/tenants/prod-1/gl/globex/keep.yaml': 'kind: Other\n',
    });
    await cli('render', '--spec', join(work, 'acme.yaml'), '--out', join(work, 'repo'));
    const result = await cli('render', '--spec', join(work, 'suspended.yaml'), '--out', join(work, 'repo'));
    expect(result.code).toBe(0);
    const app = readdirSync(join(work, 'repo', dir, 'app'));
    expect(app).not.toContain('ingress-theme.yaml');
    expect(app).not.toContain('horizontal-pod-autoscaler-theme.yaml');
    expect(app).toContain('cluster-db.yaml');
    expect(existsSync(join(work, 'repo/tenants/prod-1/gl/globex/keep.yaml'))).toBe(true);
  });

  it('exits 2 on an invalid spec, listing every problem with its field path', async () => {
    const work = scratch({
      'bad.json': JSON.stringify(
        aSpec({ slug: 'Acme', tier: 'starter', domains: { custom: ['*.a.com', 'b.com'] } }),
      ),
    });
    const result = await cli('render', '--spec', join(work, 'bad.json'), '--out', join(work, 'repo'));
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      [
        `${join(work, 'bad.json')} is not a valid tenant spec:`,
        "  slug: slug must be a lowercase DNS label: a-z, 0-9 and '-', starting and ending alphanumeric",
        '  domains.custom[0]: wildcard domains are not supported; list each host',
        "  domains.custom: tier 'starter' allows 1 custom domains, got 2",
        '',
      ].join('\n'),
    );
    expect(existsSync(join(work, 'repo'))).toBe(false);
  });

  it('exits 1 when the rendered objects break a policy of the given options', async () => {
    const work = scratch({
      'acme.json': JSON.stringify(aSpec()),
      'options.yaml': 'allowedImageRegistries: [ghcr.io/luster]\n',
    });
    const result = await cli(
      'render',
      '--spec',
      join(work, 'acme.json'),
      '--out',
      join(work, 'repo'),
      '--options',
      join(work, 'options.yaml'),
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('Deployment tenant-acme/theme spec.template.spec.containers[0].image');
    expect(result.err).toContain('[policy.image-registry]');
  });

  it.each([
    [['render', '--spec', 'x.json'], /render needs --spec and --out/],
    [['render', '--spec', '/nonexistent/x.json', '--out', 'o'], /cannot read \/nonexistent\/x.json/],
    [['render', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [[], /no command given/],
  ])('exits 64 with the usage on %j', async (argv, message) => {
    const result = await cli(...argv);
    expect(result.code).toBe(64);
    expect(result.err).toMatch(message);
    expect(result.err).toContain('usage:');
  });

  it('exits 64 when the options file is invalid, naming the option', async () => {
    const work = scratch({
      'acme.json': JSON.stringify(aSpec()),
      'options.json': '{"baseDomain": "Not Valid"}',
    });
    const result = await cli(
      'render',
      '--spec',
      join(work, 'acme.json'),
      '--out',
      join(work, 'repo'),
      '--options',
      join(work, 'options.json'),
    );
    expect(result.code).toBe(64);
    expect(result.err).toMatch(/'baseDomain' \(Not Valid\)/);
  });

  it('prints the usage on help', async () => {
    expect(await cli('help')).toMatchObject({
      code: 0,
      out: expect.stringContaining('luster-synth render-all'),
    });
  });
});
