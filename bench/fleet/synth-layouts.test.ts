// The model over what synth renders (renderClusterEntry + renderTenant) in both layouts: one
// invalid tenant, and a move between two clusters, step by step.
import { type RenderOptions, tenantDir } from '@luster/synth';
import { describe, expect, it } from 'vitest';
import { baseFiles, buildFleet, type Fleet, renderTemplate, specFor } from './fleet-fixtures.js';
import { FluxModel } from './flux-model.js';

// acme and acme-5e share hash shard 82: a shard that keeps a tenant when the other leaves.
const SLUGS = [
  'acme',
  'globex',
  'initech',
  'umbrella',
  'hooli',
  'the-blue-fox',
  'st-james-bakery',
  'acme-5e',
];
const artifacts: RenderOptions = { fluxLayout: 'artifacts', shardScheme: 'hash' };
const legacy: RenderOptions = { fluxLayout: 'legacy', shardScheme: 'prefix' };

function fleet(options: RenderOptions): Fleet {
  return buildFleet({
    slugs: SLUGS,
    cluster: 'prod',
    templates: 4,
    tenantDir: (cluster, slug) => tenantDir(cluster, slug, options.shardScheme),
    options,
    base: baseFiles(['prod', 'eu'], options),
    real: [0, 1],
  });
}

/** Breaks tenant `i`'s ResourceQuota the way the API server refuses. */
function breakQuota(f: Fleet, i: number) {
  const dir = f.tenantDir('prod', SLUGS[i] as string);
  const walk = (at: string): string | undefined => {
    const { files, dirs } = f.repo.list(at);
    const quota = files.find((name) => name.startsWith('resource-quota'));
    return quota ? `${at}/${quota}` : dirs.map((d) => walk(`${at}/${d}`)).find(Boolean);
  };
  const path = walk(dir) as string;
  return f.repo.writeFile(
    path,
    (f.repo.read(path) as string).replace(/requests\.cpu: .*/, 'requests.cpu: "lots"'),
  );
}

describe("the model over synth's layouts", () => {
  it('one invalid tenant fails only its own platform Kustomization in the artifacts layout, every tenant in the legacy one', () => {
    const f = fleet(artifacts);
    const flux = new FluxModel(f.repo, 'prod');
    const step = flux.commit(breakQuota(f, 0));
    expect(step.failing).toEqual(['Kustomization/flux-system/platform-acme']);
    expect(step.blockedTenants).toBe(1);

    const old = fleet(legacy);
    const before = new FluxModel(old.repo, 'prod');
    const oldStep = before.commit(breakQuota(old, 0));
    expect(oldStep.failing).toEqual(['Kustomization/flux-system/tenants']);
    expect(oldStep.blockedTenants).toBe(SLUGS.length);
  });

  it("a tenant's change reconciles its workload and flux-system (the one Kustomization reading the GitRepository), nothing else", () => {
    const f = fleet(artifacts);
    const flux = new FluxModel(f.repo, 'prod');
    const gitSourced = [...flux.kustomizations.values()].filter((k) =>
      k.source.startsWith('GitRepository/'),
    ).length;
    // the infrastructure reads its own artifacts
    expect(gitSourced).toBe(1);
    const step = flux.commit(
      f.repo.putTenant(
        f.tenantDir('prod', 'globex'),
        'globex',
        renderTemplate(specFor(1, 'globex', 'prod', 1), artifacts),
      ),
    );
    expect(step.triggered).toBe(gitSourced + 1);
    expect(step.tenantsApplied).toBe(1);
  });

  it('moves a tenant: rendered on eu while kept on prod, then prod released', () => {
    const f = fleet(artifacts);
    const prod = new FluxModel(f.repo, 'prod');
    const eu = new FluxModel(f.repo, 'eu');
    const render = f.repo.putTenant(
      f.tenantDir('eu', 'acme'),
      'acme',
      renderTemplate(specFor(0, 'acme', 'eu'), artifacts),
    );
    const [prodRender, euRender] = [prod.commit(render), eu.commit(render)];
    // prod keeps acme untouched; eu creates its two Kustomizations and applies its objects
    expect(prodRender).toMatchObject({ objectsApplied: 0, tenantsApplied: 0, failing: [] });
    expect(euRender.tenantsApplied).toBe(1);
    expect(euRender.objectsApplied).toBeGreaterThan(20);
    expect(eu.kustomizations.has('Kustomization/flux-system/platform-acme')).toBe(true);
    const release = f.repo.removeTenant(f.tenantDir('prod', 'acme'));
    const [prodRelease, euRelease] = [prod.commit(release), eu.commit(release)];
    expect(prodRelease.tenantsApplied).toBe(1);
    expect(prodRelease.objectsApplied).toBe(euRender.objectsApplied);
    expect(prod.kustomizations.has('Kustomization/flux-system/platform-acme')).toBe(false);
    expect(euRelease).toMatchObject({ objectsApplied: 0, tenantsApplied: 0 });
  });

  it("releases a shard's last tenant like any other: the shard's marker keeps its artifacts", () => {
    const f = fleet(artifacts);
    const prod = new FluxModel(f.repo, 'prod');
    const shard = f.tenantDir('prod', 'globex').split('/')[2];
    const release = prod.commit(f.repo.removeTenant(f.tenantDir('prod', 'globex')));
    expect(release.objectsApplied).toBeGreaterThan(20);
    expect(release).toMatchObject({ tenantsApplied: 1, failing: [] });
    expect(prod.kustomizations.has(`Kustomization/flux-system/fleet-${shard}`)).toBe(true);
    expect(prod.kustomizations.has('Kustomization/flux-system/platform-globex')).toBe(false);
  });
});
