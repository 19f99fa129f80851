import { renderArgoEntry } from '@luster/synth';
import { describe, expect, it } from 'vitest';
import { ArgoModel, GENERATE_PATHS } from './argo-model.js';
import { FleetRepo } from './fleet-repo.js';
import { tenantDir, tenantTemplate, testRepo } from './test-layouts.js';

const SLUGS = ['acme', 'acme-bakery', 'globex', 'initech'];

/** argocd/: one ApplicationSet over every tenant's app/ folder, with or without the annotation. */
function argoFiles(annotated: boolean, name = 'tenant-apps', prefix = 'tenant-'): Map<string, string> {
  const annotation = annotated ? `      annotations:\n        ${GENERATE_PATHS}: "."\n` : '';
  return new Map([
    ['argocd/kustomization.yaml', `resources:\n  - ${name}.yaml\n`],
    [
      `argocd/${name}.yaml`,
      `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: ${name}
spec:
  goTemplate: true
  generators:
    - git:
        repoURL: https://luster.example.com/git/gitops.git
        directories:
          - path: tenants/prod/*/*/app
  template:
    metadata:
      name: "${prefix}{{index .path.segments 3}}"
${annotation}    spec:
      source:
        path: "{{.path.path}}"
`,
    ],
  ]);
}

function repoWith(argo: Map<string, string>): FleetRepo {
  const repo = testRepo('today', 'prod', SLUGS);
  for (const [path, content] of argo) repo.writeFile(path, content);
  return repo;
}

describe('the Argo CD model', () => {
  it('without manifest-generate-paths, a push refreshes every Application', () => {
    const repo = repoWith(argoFiles(false));
    const argo = new ArgoModel(repo, 'argocd');
    expect(argo.applications.size).toBe(SLUGS.length);
    const step = argo.commit(
      repo.putTenant(
        tenantDir('prod', 'globex'),
        'globex',
        tenantTemplate('today', 'prod', 'globex', '2.0.0'),
      ),
    );
    expect(step.refreshed).toBe(SLUGS.length);
    expect(step.objectsSynced).toBe(1);
  });

  it('with manifest-generate-paths, a push refreshes only the Application whose path it touched', () => {
    const repo = repoWith(argoFiles(true));
    const argo = new ArgoModel(repo, 'argocd');
    const step = argo.commit(
      repo.putTenant(
        tenantDir('prod', 'globex'),
        'globex',
        tenantTemplate('today', 'prod', 'globex', '2.0.0'),
      ),
    );
    expect(step).toMatchObject({
      refreshed: 1,
      objectsBuilt: 2,
      objectsSynced: 1,
      applicationSetsRefreshed: 1,
    });
  });

  it('creates the Application of a new tenant folder and fails only the Application of a broken one', () => {
    const repo = repoWith(argoFiles(true));
    const argo = new ArgoModel(repo, 'argocd');
    const added = argo.commit(
      repo.putTenant(tenantDir('prod', 'hooli'), 'hooli', tenantTemplate('today', 'prod', 'hooli')),
    );
    expect(added).toMatchObject({ refreshed: 1, objectsSynced: 2 });
    const path = `${tenantDir('prod', 'acme')}/app/service.yaml`;
    const broken = argo.commit(
      repo.writeFile(path, (repo.read(path) as string).replace('name: theme', 'name: Theme_1')),
    );
    expect(broken.failing).toEqual(['tenant-acme']);
    expect(broken.blockedTenants).toBe(1);
  });

  it('reports two ApplicationSets that generate the same Application name', () => {
    const files = new Map([...argoFiles(false), ...argoFiles(false, 'more-apps')]);
    files.set('argocd/kustomization.yaml', 'resources:\n  - tenant-apps.yaml\n  - more-apps.yaml\n');
    const argo = new ArgoModel(repoWith(files), 'argocd');
    expect(argo.collisions).toHaveLength(SLUGS.length);
  });

  it("holds two clusters' entries from synth in one Argo CD without a collision while a moved tenant runs on both", () => {
    const repo = testRepo('artifacts', 'prod', SLUGS);
    const values = {
      repoUrl: 'https://luster.example.com/git/gitops.git',
      lusterUrl: 'https://luster.example.com',
    };
    for (const cluster of ['prod', 'edge-1'])
      for (const file of renderArgoEntry(cluster, values)) repo.writeFile(file.path, file.content);
    // acme moved to edge-1: its copy on prod stays until released.
    repo.putTenant(tenantDir('edge-1', 'acme'), 'acme', tenantTemplate('artifacts', 'edge-1', 'acme'));
    const argo = new ArgoModel(repo, ['argocd/prod', 'argocd/edge-1']);
    expect(argo.collisions).toEqual([]);
    expect([...argo.applications.keys()].filter((name) => name.endsWith('-acme')).sort()).toEqual([
      'edge-1--platform-acme',
      'edge-1--tenant-acme',
      'prod--platform-acme',
      'prod--tenant-acme',
    ]);
    expect(argo.annotated()).toBe(argo.applications.size);
    const step = argo.commit(
      repo.putTenant(
        tenantDir('edge-1', 'acme'),
        'acme',
        tenantTemplate('artifacts', 'edge-1', 'acme', '2.0.0'),
      ),
    );
    expect(step).toMatchObject({ refreshed: 1, applicationSetsRefreshed: 4 });
  });
});
