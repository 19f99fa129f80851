import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { requireTool } from '../../../test/support/require-tool.js';
import { SpecError } from '../../src/errors/spec-error.js';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import type { TenantSpecInput } from '../../src/spec/tenant-spec.js';
import { aSpec, objectsOf } from '../support/specs.js';

const render = (state: TenantSpecInput['state']) => renderTenant(parseTenantSpec(aSpec({ state })));
const PRUNE = 'kustomize.toolkit.fluxcd.io/prune';
const dir = 'tenants/prod-1/82/acme';
const appFiles = (files: ReturnType<typeof render>) =>
  files.filter((f) => f.path.startsWith(`${dir}/app/`)).map((f) => f.path.slice(`${dir}/app/`.length));
const platformFiles = (files: ReturnType<typeof render>) =>
  files.filter((f) => !f.path.startsWith(`${dir}/app/`));

describe('rendering a tenant that keeps only its data', () => {
  it.each(['deprovisioned', 'purging'] as const)(
    '%s: the workload folder holds only the database and its backup schedule',
    (state) => {
      expect(appFiles(render(state))).toEqual([
        'cluster-db.yaml',
        'kustomization.yaml',
        'scheduled-backup-db-daily.yaml',
      ]);
      const kustomization = render(state).find((f) => f.path === `${dir}/app/kustomization.yaml`);
      expect(kustomization?.content).toBe(
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - cluster-db.yaml\n  - scheduled-backup-db-daily.yaml\n',
      );
    },
  );

  it('deprovisioned: the platform folder is the active one, byte for byte, and the data is never pruned', () => {
    const files = render('deprovisioned');
    expect(platformFiles(files)).toEqual(platformFiles(render('active')));
    const data = objectsOf(files).filter(({ object }) =>
      ['Namespace', 'Cluster', 'ScheduledBackup'].includes(object.kind),
    );
    expect(data.map(({ object }) => object.kind).sort()).toEqual(['Cluster', 'Namespace', 'ScheduledBackup']);
    for (const { object } of data) expect(object.metadata.annotations[PRUNE]).toBe('disabled');
    // The database is the active one, not a new empty cluster.
    const cluster = (files: ReturnType<typeof render>) =>
      files.find((f) => f.path.endsWith('/cluster-db.yaml'));
    expect(cluster(files)).toEqual(cluster(render('active')));
  });

  it('purging: no object keeps the prune guard, and the comments say why', () => {
    const files = render('purging');
    for (const { path, object } of objectsOf(files)) {
      expect(object.metadata.annotations?.[PRUNE], path).toBeUndefined();
    }
    for (const name of [
      'platform/namespace-tenant-acme.yaml',
      'app/cluster-db.yaml',
      'app/scheduled-backup-db-daily.yaml',
    ]) {
      expect(files.find((f) => f.path === `${dir}/${name}`)?.content).toMatch(
        /^# Released by an approved purge/,
      );
    }
  });

  it('purging differs from deprovisioned only in the prune guard of the three data objects', () => {
    const deprovisioned = render('deprovisioned');
    const purging = render('purging');
    const changed = purging.filter((f, i) => f.content !== deprovisioned[i]?.content).map((f) => f.path);
    expect(changed).toEqual([
      `${dir}/app/cluster-db.yaml`,
      `${dir}/app/scheduled-backup-db-daily.yaml`,
      `${dir}/platform/namespace-tenant-acme.yaml`,
    ]);
  });

  it('refuses a state it does not know, naming the field', () => {
    expect(() => parseTenantSpec(aSpec({ state: 'deleted' as never }))).toThrow(SpecError);
    expect(() => parseTenantSpec(aSpec({ state: 'deleted' as never }))).toThrow(/state/);
  });
});

describe('kubectl kustomize over the data-only folders', () => {
  const repo = mkdtempSync(join(tmpdir(), 'synth-lifecycle-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it.each(['deprovisioned', 'purging'] as const)('builds both folders of a %s tenant', (state) => {
    const root = join(repo, state);
    for (const file of render(state)) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), file.content);
    }
    for (const folder of [dir, `${dir}/app`]) {
      const output = execFileSync(requireTool('kubectl'), ['kustomize', join(root, folder)], {
        encoding: 'utf8',
      });
      const built = parseAllDocuments(output).map((d) => d.toJS());
      expect(built.length).toBeGreaterThan(0);
      expect(built.every((o) => o.apiVersion && o.kind && o.metadata.name)).toBe(true);
    }
  });
});
