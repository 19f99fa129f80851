import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderGoTemplate } from '../../../test/gitops-template/support/go-template.js';
import {
  ARGO_NAME_MAX,
  type ArgoPart,
  argoApplicationName,
  argoParts,
} from '../../src/argocd/application-names.js';
import { tenantApplicationSet } from '../../src/argocd/argocd-objects.js';
import { tenantDir } from '../../src/layout/tenant-dir.js';

const values = {
  repoUrl: 'https://luster.example.com/git/gitops.git',
  lusterUrl: 'https://luster.example.com',
};
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** The longest names each side allows: a 63-character cluster, a 53-character slug. */
const longestCluster = `c${'x'.repeat(61)}c`;
const longestSlug = `s${'y'.repeat(51)}s`;

/** The name Argo CD gives the Application of a tenant folder, from the ApplicationSet synth renders. */
function generatedName(cluster: string, part: ArgoPart, slug: string): string {
  const set = tenantApplicationSet(cluster, part, values) as {
    spec: { template: { metadata: { name: string } } };
  };
  const path = `${tenantDir(cluster, slug)}/${part === 'platform' ? 'platform' : 'app'}`;
  return renderGoTemplate(set.spec.template.metadata.name, {
    path: { path, segments: path.split('/') },
  });
}

const label = (max: number) => fc.stringMatching(new RegExp(`^[a-z0-9]([a-z0-9-]{0,${max - 2}}[a-z0-9])?$`));
// Clusters hold no `--` (renderClusterEntry refuses one); slugs may.
const cluster = label(63).filter((c) => !c.includes('--'));
const slug = fc.oneof(label(12), label(53)).filter((s) => s.length >= 2);
const part = fc.constantFrom(...argoParts);

describe('Argo CD Application names', () => {
  it('carry the cluster and the part, readable while they fit', () => {
    expect(argoApplicationName('production', 'workload', 'acme')).toBe('production--tenant-acme');
    expect(argoApplicationName('production', 'platform', 'acme')).toBe('production--platform-acme');
  });

  it('stay within 63 characters for the longest cluster and slug, shortened with a hash', () => {
    for (const p of argoParts) {
      const name = argoApplicationName(longestCluster, p, longestSlug);
      expect(name).toHaveLength(ARGO_NAME_MAX);
      expect(name).toMatch(SUBDOMAIN);
      expect(name).toMatch(/-[0-9a-f]{16}$/);
      expect(generatedName(longestCluster, p, longestSlug)).toBe(name);
    }
    // One character over 62 is shortened; 62 is kept whole.
    const at62 = 'a'.repeat(62 - 'production--tenant-'.length);
    expect(argoApplicationName('production', 'workload', at62)).toBe(`production--tenant-${at62}`);
    expect(argoApplicationName('production', 'workload', `${at62}b`)).toHaveLength(63);
  });

  it("are what Argo CD renders from synth's ApplicationSets, for any cluster, part and slug", () => {
    fc.assert(
      fc.property(cluster, part, slug, (c, p, s) => {
        const name = generatedName(c, p, s);
        expect(name).toBe(argoApplicationName(c, p, s));
        expect(name.length).toBeLessThanOrEqual(ARGO_NAME_MAX);
        expect(name).toMatch(SUBDOMAIN);
      }),
      { numRuns: 500 },
    );
  });

  it('never give two (cluster, part, slug) triples the same name', () => {
    fc.assert(
      fc.property(cluster, part, slug, cluster, part, slug, (c1, p1, s1, c2, p2, s2) => {
        if (c1 === c2 && p1 === p2 && s1 === s2) return;
        expect(argoApplicationName(c1, p1, s1)).not.toBe(argoApplicationName(c2, p2, s2));
      }),
      { numRuns: 2000 },
    );
    // The shapes a naive scheme confuses: a slug that looks like a cluster's tail, a -platform slug.
    const pairs: [string, ArgoPart, string][] = [
      ['x', 'workload', 'y--tenant-z'],
      ['x-tenant-y', 'workload', 'z'],
      ['a', 'workload', 'b-platform'],
      ['a', 'platform', 'b'],
      ['a-b', 'workload', 'c'],
      ['a', 'workload', 'b-c'],
    ];
    const names = pairs.map(([c, p, s]) => argoApplicationName(c, p, s));
    expect(new Set(names).size).toBe(names.length);
  });
});
