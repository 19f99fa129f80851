import { tenantDir } from '@luster/synth';
import { describe, expect, it } from 'vitest';
import { buildFleet, renderTemplate, specFor } from './fleet-fixtures.js';

// Lines synth derives from the slug through a hash, which a replica keeps from its template.
const HASHED = /certificate-tls-|secretName: tls-|luster\.io\/config-hash|schedule: /;

describe('a fleet of replicas', () => {
  it('holds for each tenant what synth renders for it, but for the values hashed from the slug', () => {
    // "tifi" also occurs in "certificate": replicas must rename forward only.
    const slugs = ['tifi', 'the-blue-fox', 'st-james-bakery', 'smith-and-jones-2'];
    const fleet = buildFleet({ slugs, cluster: 'production', templates: 4, tenantDir });
    for (const [i, slug] of slugs.entries()) {
      const real = renderTemplate(specFor(i, slug, 'production'));
      const dir = tenantDir('production', slug);
      const listed: string[] = [];
      const walk = (at: string) => {
        const { files, dirs } = fleet.repo.list(at);
        for (const name of files) listed.push(`${at}/${name}`.slice(dir.length + 1));
        for (const name of dirs) walk(`${at}/${name}`);
      };
      walk(dir);
      expect(listed.length).toBe(real.files.size);
      for (const [rel, content] of real.files) {
        if (HASHED.test(rel)) continue;
        const replica = fleet.repo.read(`${dir}/${rel}`) as string;
        expect(replica.split('\n').filter((l) => !HASHED.test(l))).toEqual(
          content.split('\n').filter((l) => !HASHED.test(l)),
        );
      }
    }
  });

  it('counts the bytes of every file, and keeps the count when a tenant changes', () => {
    const fleet = buildFleet({ slugs: ['acme', 'globex'], cluster: 'production', templates: 12, tenantDir });
    const bytes = () => {
      let sum = 0;
      const walk = (at: string) => {
        const { files, dirs } = fleet.repo.list(at);
        for (const name of files)
          sum += (fleet.repo.read(at === '' ? name : `${at}/${name}`) as string).length;
        for (const name of dirs) walk(at === '' ? name : `${at}/${name}`);
      };
      walk('');
      return sum;
    };
    expect(fleet.repo.totalBytes()).toBe(bytes());
    fleet.repo.putTenant(
      tenantDir('production', 'globex'),
      'globex',
      renderTemplate(specFor(1, 'globex', 'production', 3)),
    );
    expect(fleet.repo.totalBytes()).toBe(bytes());
    fleet.repo.removeTenant(tenantDir('production', 'acme'));
    expect(fleet.repo.totalBytes()).toBe(bytes());
  });
});
