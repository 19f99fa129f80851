import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, without type declarations
import { bundleCli } from '../../scripts/bundle-cli.mjs';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { aSpec } from '../support/specs.js';
import { cli, scratch } from './cli-harness.js';

const synthDir = fileURLToPath(new URL('../..', import.meta.url));
mkdirSync(join(synthDir, '.tmp'), { recursive: true });
const slugs = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark'];

function specsFolder(extra: Record<string, string> = {}): string {
  return scratch({
    ...Object.fromEntries(
      slugs.map((slug) => [
        `specs/${slug}.json`,
        JSON.stringify(aSpec({ slug, mediaBucket: `org-${slug}-media` })),
      ]),
    ),
    ...extra,
  });
}

function filesUnder(root: string): Record<string, string> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  return Object.fromEntries(walk(root).map((path) => [relative(root, path), readFileSync(path, 'utf8')]));
}

const expected = Object.fromEntries(
  slugs.flatMap((slug) =>
    renderTenant(parseTenantSpec(aSpec({ slug, mediaBucket: `org-${slug}-media` }))).map((f) => [
      f.path,
      f.content,
    ]),
  ),
);

describe('luster-synth render-all', () => {
  it('renders every spec of the folder, reporting progress by tenths', async () => {
    const work = specsFolder();
    const result = await cli(
      'render-all',
      '--specs',
      join(work, 'specs'),
      '--out',
      join(work, 'repo'),
      '--jobs',
      '1',
    );
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      `6 tenants rendered (${Object.keys(expected).length} files changed), 0 invalid specs, 0 with invalid objects\n`,
    );
    expect(result.err.trim().split('\n')).toHaveLength(6);
    expect(result.err).toMatch(/\] 6\/6 tenants 100% /);
    expect(filesUnder(join(work, 'repo'))).toEqual(expected);
  });

  it('exits 2 naming each invalid spec, and still renders the others', async () => {
    const work = specsFolder({ 'specs/broken.yaml': 'slug: Broken\n' });
    const result = await cli(
      'render-all',
      '--specs',
      join(work, 'specs'),
      '--out',
      join(work, 'repo'),
      '--jobs',
      '1',
    );
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/^6 tenants rendered .*, 1 invalid specs, 0 with invalid objects\n$/);
    expect(result.err).toContain(
      `${join(work, 'specs/broken.yaml')}: invalid spec\n  slug: slug must be a lowercase DNS label`,
    );
  });

  it('renders on worker threads with the same result, from the bundle the bin runs', async () => {
    // Worker threads do not inherit tsx's loader, so this runs the real CLI bundle, built here.
    const bundle = mkdtempSync(join(synthDir, '.tmp', 'bundle-'));
    try {
      await bundleCli(relative(synthDir, bundle));
      const work = specsFolder();
      const stdout = execFileSync(
        process.execPath,
        [
          join(bundle, 'main.mjs'),
          'render-all',
          '--specs',
          join(work, 'specs'),
          '--out',
          join(work, 'repo'),
          '--jobs',
          '2',
        ],
        { encoding: 'utf8' },
      );
      expect(stdout).toMatch(/^6 tenants rendered/);
      expect(filesUnder(join(work, 'repo'))).toEqual(expected);
    } finally {
      rmSync(bundle, { recursive: true, force: true });
    }
  });

  it('exits 64 on a bad --jobs or a missing folder', async () => {
    expect((await cli('render-all', '--specs', 'x', '--out', 'y', '--jobs', '0')).code).toBe(64);
    expect((await cli('render-all', '--specs', '/nonexistent', '--out', 'y')).code).toBe(64);
  });
});
