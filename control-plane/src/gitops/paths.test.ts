import { describe, expect, it } from 'vitest';
import {
  assertBranchName,
  assertClusterDir,
  assertTenantDir,
  repoPathComponents,
  tenantPathComponents,
} from './paths.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('tenant paths', () => {
  it.each([
    ['deployment.yaml', ['deployment.yaml']],
    ['db/cluster.yaml', ['db', 'cluster.yaml']],
    ['.sops.yaml', ['.sops.yaml']],
  ])('accepts %s', (path, components) => {
    expect(tenantPathComponents(path)).toEqual(components);
  });

  it.each([
    ['../other/deployment.yaml', 'parent traversal'],
    ['db/../../../../clusters/prod/flux-system/gotk-sync.yaml', 'traversal into clusters/'],
    ['/etc/passwd', 'absolute path'],
    ['db\\cluster.yaml', 'backslash'],
    ['.git/config', '.git component'],
    ['db/.GIT/hooks', '.git component in another case'],
    ['a\0b.yaml', 'NUL'],
    ['a//b.yaml', 'empty component'],
    ['./a.yaml', 'dot component'],
    ['', 'empty path'],
    ['a b.yaml', 'space'],
    ['x\n.yaml', 'newline'],
  ])('refuses %j (%s) with tenant_path_invalid', (path) => {
    expect(codeOf(() => tenantPathComponents(path))).toBe('tenant_path_invalid');
  });

  it('reads the repository root and folders with a trailing slash', () => {
    expect(repoPathComponents('')).toEqual([]);
    expect(repoPathComponents('tenants/prod/')).toEqual(['tenants', 'prod']);
    expect(codeOf(() => repoPathComponents('tenants/../clusters'))).toBe('tenant_path_invalid');
  });
});

describe('tenant folders', () => {
  it.each([
    ['tenants/prod/ac/acme', 'acme'],
    ['tenants/eu-1/ac/acme-shop', 'acme-shop'],
    ['tenants/prod/acme', 'acme'],
    // sha256('acme') starts with 82: synth's hash shard.
    ['tenants/prod/82/acme', 'acme'],
  ])('accepts %s', (dir, slug) => {
    expect(assertTenantDir(dir)).toBe(slug);
  });

  it.each([
    ['clusters/prod', 'the platform entry point'],
    ['infrastructure/controllers', 'shared infrastructure'],
    ['tenants', 'every tenant'],
    ['tenants/prod', 'a whole cluster'],
    ['tenants/prod/xy/acme', 'a shard that is neither the slug prefix nor its hash'],
    ['tenants/prod/83/acme', "another slug's hash shard"],
    ['tenants/prod/ac/acme/db', 'too deep'],
    ['tenants/prod/ac/../acme', 'traversal'],
    ['tenants/prod/AC/ACME', 'not a DNS label'],
  ])('refuses %s (%s) with tenant_dir_invalid', (dir) => {
    expect(codeOf(() => assertTenantDir(dir))).toBe('tenant_dir_invalid');
  });
});

describe('cluster folders (platform commits only)', () => {
  it.each([
    ['clusters/production', 'production'],
    ['clusters/eu-west-1', 'eu-west-1'],
  ])('accepts %s', (dir, name) => {
    expect(assertClusterDir(dir)).toBe(name);
  });

  it.each([
    ['clusters', 'every cluster'],
    ['clusters/', 'an empty name'],
    ['clusters/prod/flux-system', 'below a cluster'],
    ['infrastructure/prod', 'shared infrastructure'],
    ['tenants/prod', "a cluster's tenants"],
    ['clusters/..', 'traversal'],
    ['clusters/Prod', 'not a DNS label'],
    ['clusters/-prod', 'not a DNS label'],
    ['/clusters/prod', 'absolute'],
    ['', 'empty'],
  ])('refuses %s (%s) with cluster_dir_invalid', (dir) => {
    expect(codeOf(() => assertClusterDir(dir))).toBe('cluster_dir_invalid');
  });
});

describe('branch names', () => {
  it.each(['main', 'review/cr-42', 'change-requests/acme/7'])('accepts %s', (name) => {
    expect(() => assertBranchName(name)).not.toThrow();
  });

  it.each(['-f', 'a..b', 'a/.hidden', 'x.lock', 'a b', 'a//b', '/main', 'main/', 'HEAD', 'a~1', 'a:b'])(
    'refuses %j',
    (name) => {
      expect(codeOf(() => assertBranchName(name))).toBe('branch_name_invalid');
    },
  );
});
