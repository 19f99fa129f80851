import { renderClusterEntry, tenantDir } from '@luster/synth';
import { describe, expect, it } from 'vitest';
import { entryLayoutOf } from '../gitops/fleet-layouts.js';
import { artifactsEntry, entryOptionsOf, pruneIsOff, withPruneOff } from './entry-files.js';
import { legacyFolders } from './legacy-folders.js';

const entryFile = (layout: 'legacy' | 'artifacts', name: string, options = {}) =>
  renderClusterEntry({ cluster: 'eu-1', fluxLayout: layout, shardScheme: 'hash', ...options }).find(
    (f) => f.path === `clusters/eu-1/${name}`,
  )?.content as string;

describe("a cluster entry point's layout", () => {
  it.each([
    ['legacy', entryFile('legacy', 'tenants.yaml')],
    ['artifacts', entryFile('artifacts', 'tenants.yaml')],
    ['unknown', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tenants\n'],
    ['unknown', 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n'],
    ['unknown', 'key: [unclosed\n'],
  ])('reads %s from the object named tenants', (layout, text) => {
    expect(entryLayoutOf(text)).toBe(layout);
  });
});

describe('prune off on the legacy Kustomization tenants', () => {
  it('turns prune off, says why, and leaves every other line as it was', () => {
    const legacy = entryFile('legacy', 'tenants.yaml');
    const edited = withPruneOff(legacy) as string;
    expect(pruneIsOff(legacy)).toBe(false);
    expect(pruneIsOff(edited)).toBe(true);
    expect(entryLayoutOf(edited)).toBe('legacy');
    const removed = legacy.split('\n').filter((l) => !edited.split('\n').includes(l));
    expect(removed).toEqual(['  prune: true']);
    expect(withPruneOff(edited)).toBeNull();
  });

  it('refuses a file whose prune line it cannot find', () => {
    const edited = entryFile('legacy', 'tenants.yaml').replace('  prune: true\n', '');
    expect(() => withPruneOff(edited)).toThrow(/no `prune: true` line/);
  });
});

describe("the artifacts entry point of a legacy cluster keeps the operator's values", () => {
  const values = {
    lusterUrl: 'https://luster.acme.test',
    acmeEmail: 'ops@acme.test',
    fluxReceiverHost: 'flux.acme.test',
  };

  it('re-renders infrastructure.yaml with them, and never writes flux-system/', () => {
    const infrastructure = entryFile('legacy', 'infrastructure.yaml', values);
    const options = entryOptionsOf('eu-1', { infrastructure, tenants: entryFile('legacy', 'tenants.yaml') });
    expect(options).toEqual({
      cluster: 'eu-1',
      fluxLayout: 'artifacts',
      shardScheme: 'hash',
      gitRepositoryName: 'flux-system',
      ...values,
    });
    const entry = artifactsEntry(options, infrastructure);
    expect(entry.infrastructureKept).toBe(false);
    const written = Object.fromEntries(entry.writes.map((w) => [w.path, w.content]));
    expect(written['infrastructure.yaml']).toBe(entryFile('artifacts', 'infrastructure.yaml', values));
    expect(written['tenants.yaml']).toBe(entryFile('artifacts', 'tenants.yaml'));
    expect(entry.writes.filter((w) => w.path.startsWith('tenant-shards/'))).toHaveLength(256);
    expect(entry.writes.some((w) => w.path.startsWith('flux-system/'))).toBe(false);
    expect(entry.shardMarkers).toHaveLength(256);
  });

  it('keeps an infrastructure.yaml edited by hand as it is', () => {
    const infrastructure = `${entryFile('legacy', 'infrastructure.yaml', values)}# our own note\n`;
    const options = entryOptionsOf('eu-1', { infrastructure, tenants: entryFile('legacy', 'tenants.yaml') });
    const entry = artifactsEntry(options, infrastructure);
    expect(entry.infrastructureKept).toBe(true);
    expect(entry.writes.map((w) => w.path)).not.toContain('infrastructure.yaml');
  });
});

describe("a legacy cluster's tenant folders", () => {
  const tenants = [
    { id: '1', slug: 'the-corner-shop' },
    { id: '2', slug: 'alpha' },
    { id: '3', slug: 'never-committed' },
  ];

  it('are found where either earlier release wrote them, and files of no tenant are strays', () => {
    const paths = [
      'tenants/eu-1/README.md',
      'tenants/eu-1/th/the-corner-shop/kustomization.yaml',
      'tenants/eu-1/th/the-corner-shop/app/deployment.yaml',
      'tenants/eu-1/alpha/kustomization.yaml',
      'tenants/eu-1/alpha/app/kustomization.yaml',
      'tenants/eu-1/zz/someone-else/kustomization.yaml',
    ];
    expect(legacyFolders('eu-1', paths, tenants)).toEqual({
      moves: [
        { tenantId: '1', slug: 'the-corner-shop', from: 'tenants/eu-1/th/the-corner-shop' },
        { tenantId: '2', slug: 'alpha', from: 'tenants/eu-1/alpha' },
      ],
      strays: ['tenants/eu-1/zz/someone-else/kustomization.yaml'],
    });
  });

  it('count a hash shard marker as no stray, and find a tenant already in its hash shard', () => {
    const dir = tenantDir('eu-1', 'alpha', 'hash');
    const marker = `tenants/eu-1/${dir.split('/')[2]}/README.md`;
    const { moves, strays } = legacyFolders('eu-1', [marker, `${dir}/kustomization.yaml`], tenants);
    expect(moves).toEqual([{ tenantId: '2', slug: 'alpha', from: dir }]);
    expect(strays).toEqual([]);
  });
});
