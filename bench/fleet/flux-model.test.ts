import { describe, expect, it } from 'vitest';
import { FluxModel } from './flux-model.js';
import { tenantDir, tenantTemplate, testRepo } from './test-layouts.js';

const SLUGS = ['acme', 'acme-bakery', 'globex', 'initech', 'umbrella', 'the-blue-fox'];

describe("the Flux model, today's layout (everything reads the GitRepository)", () => {
  it("reconciles every Kustomization on a one-tenant commit and applies only that tenant's change", () => {
    const repo = testRepo('today', 'prod', SLUGS);
    const flux = new FluxModel(repo, 'prod');
    // flux-system, tenants, and one per tenant
    expect(flux.kustomizations.size).toBe(2 + SLUGS.length);
    const step = flux.commit(
      repo.putTenant(
        tenantDir('prod', 'globex'),
        'globex',
        tenantTemplate('today', 'prod', 'globex', '1.1.0'),
      ),
    );
    expect(step.gitRevisions).toBe(1);
    expect(step.triggered).toBe(2 + SLUGS.length);
    expect(step.objectsApplied).toBe(1);
    expect(step.tenantsApplied).toBe(1);
    // every reconcile untars the whole repository
    expect(step.bytesUntarred).toBe(step.triggered * repo.totalBytes());
  });

  it('lets one tenant whose quota the API server refuses block every tenant', () => {
    const repo = testRepo('today', 'prod', SLUGS);
    const flux = new FluxModel(repo, 'prod');
    const step = flux.commit(
      repo.writeFile(
        `${tenantDir('prod', 'acme')}/quota.yaml`,
        tenantTemplate('today', 'prod', 'acme', '1.0.0', 'lots').files.get('quota.yaml') as string,
      ),
    );
    expect(step.failing).toEqual(['Kustomization/flux-system/tenants']);
    expect(step.blockedTenants).toBe(SLUGS.length);
    expect(step.objectsApplied).toBe(0);
  });
});

describe('the Flux model, per-tenant ExternalArtifacts', () => {
  it("reconciles the bootstrap Kustomization and the changed tenant's workload, nothing else", () => {
    const repo = testRepo('artifacts', 'prod', SLUGS);
    const flux = new FluxModel(repo, 'prod');
    const shards = new Set(SLUGS.map((s) => s.slice(0, 2))).size;
    expect(flux.kustomizations.size).toBe(1 + shards + 2 * SLUGS.length);
    const step = flux.commit(
      repo.putTenant(
        tenantDir('prod', 'globex'),
        'globex',
        tenantTemplate('artifacts', 'prod', 'globex', '1.1.0'),
      ),
    );
    // shard-gl and tenant-globex; fleet-gl and platform-globex keep their content
    expect(step.artifactRevisions).toBe(2);
    expect(step.triggered).toBe(2);
    expect(step.objectsApplied).toBe(1);
    expect(step.tenantsApplied).toBe(1);
    // the cluster's generator unpacks the repository, the shard's generator its shard
    expect(step.generators).toBe(2);
    expect(step.generatorBytes).toBeGreaterThan(repo.totalBytes());
    expect(step.generatorBytes).toBeLessThan(1.5 * repo.totalBytes());
  });

  it("leaves an artifact's revision alone when a commit rewrites its files unchanged", () => {
    const repo = testRepo('artifacts', 'prod', SLUGS);
    const flux = new FluxModel(repo, 'prod');
    const path = `${tenantDir('prod', 'globex')}/app/service.yaml`;
    const step = flux.commit([{ path, before: repo.read(path), after: repo.read(path) }]);
    expect(step.artifactRevisions).toBe(0);
    expect(step.triggered).toBe(1);
  });

  it("keeps one invalid tenant to itself: every other tenant's Kustomizations stay Ready", () => {
    const repo = testRepo('artifacts', 'prod', SLUGS);
    const flux = new FluxModel(repo, 'prod');
    const quota = tenantTemplate('artifacts', 'prod', 'acme', '1.0.0', 'lots').files.get(
      'platform/quota.yaml',
    ) as string;
    const step = flux.commit(repo.writeFile(`${tenantDir('prod', 'acme')}/platform/quota.yaml`, quota));
    expect(step.failing).toEqual(['Kustomization/flux-system/platform-acme']);
    expect(step.triggered).toBe(2);
    // acme's workload waits on its platform (dependsOn); no other tenant is held
    expect(step.blockedTenants).toBe(1);
    const other = flux.commit(
      repo.putTenant(
        tenantDir('prod', 'initech'),
        'initech',
        tenantTemplate('artifacts', 'prod', 'initech', '2.0.0'),
      ),
    );
    expect(other.objectsApplied).toBe(1);
    expect(other.blockedTenants).toBe(1);
  });

  it("creates a new tenant's Kustomizations through its shard and prunes a removed tenant", () => {
    const repo = testRepo('artifacts', 'prod', SLUGS);
    const flux = new FluxModel(repo, 'prod');
    const added = flux.commit(
      repo.putTenant(
        tenantDir('prod', 'acme-labs'),
        'acme-labs',
        tenantTemplate('artifacts', 'prod', 'acme-labs'),
      ),
    );
    // shard-ac, fleet-ac and the new tenant's two; flux-system, fleet-ac and the 2 new ones
    expect(added.artifactRevisions).toBe(4);
    expect(added.triggered).toBe(4);
    // 2 Kustomizations + namespace + quota + deployment + service
    expect(added.objectsApplied).toBe(6);
    const removed = flux.commit(repo.removeTenant(tenantDir('prod', 'acme-bakery')));
    expect(removed).toMatchObject({ objectsApplied: 6, tenantsApplied: 1, failing: [] });
    expect(flux.kustomizations.has('Kustomization/flux-system/tenant-acme-bakery')).toBe(false);
  });

  it("prunes a shard's last tenant: the shard's marker keeps its folder, so its fleet artifact builds to nothing", () => {
    const repo = testRepo('artifacts', 'prod', SLUGS);
    const flux = new FluxModel(repo, 'prod');
    // globex is shard gl's only tenant
    const removed = flux.commit(repo.removeTenant(tenantDir('prod', 'globex')));
    expect(removed).toMatchObject({ objectsApplied: 6, tenantsApplied: 1, failing: [] });
    expect(flux.kustomizations.has('Kustomization/flux-system/fleet-gl')).toBe(true);
    expect(flux.kustomizations.has('Kustomization/flux-system/platform-globex')).toBe(false);
    // and the emptied shard takes a tenant again
    const back = flux.commit(
      repo.putTenant(tenantDir('prod', 'globex'), 'globex', tenantTemplate('artifacts', 'prod', 'globex')),
    );
    expect(back).toMatchObject({ objectsApplied: 6, tenantsApplied: 1, failing: [] });
  });

  it("fails a shard's Kustomization, keeping what it applied, when the shard folder itself goes (no marker)", () => {
    const repo = testRepo('artifacts', 'prod', SLUGS);
    const flux = new FluxModel(repo, 'prod');
    repo.writeFile('tenants/prod/gl/README.md', null);
    const removed = flux.commit(repo.removeTenant(tenantDir('prod', 'globex')));
    expect(removed.objectsApplied).toBe(0);
    expect(removed.failing).toContain('Kustomization/flux-system/fleet-gl');
  });

  it('moves a tenant: rendered on the new cluster while kept on the old one, then released', () => {
    const repo = testRepo('artifacts', 'prod', SLUGS, ['eu']);
    const prod = new FluxModel(repo, 'prod');
    const eu = new FluxModel(repo, 'eu');
    const render = repo.putTenant(
      tenantDir('eu', 'acme-bakery'),
      'acme-bakery',
      tenantTemplate('artifacts', 'eu', 'acme-bakery'),
    );
    const [onProd, onEu] = [prod.commit(render), eu.commit(render)];
    expect(onProd).toMatchObject({ triggered: 1, objectsApplied: 0 });
    expect(onEu).toMatchObject({ objectsApplied: 6, tenantsApplied: 1 });
    const release = repo.removeTenant(tenantDir('prod', 'acme-bakery'));
    const [offProd, offEu] = [prod.commit(release), eu.commit(release)];
    expect(offProd).toMatchObject({ objectsApplied: 6, tenantsApplied: 1 });
    expect(offEu).toMatchObject({ triggered: 1, objectsApplied: 0 });
  });
});
