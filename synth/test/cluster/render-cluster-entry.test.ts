import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { fluxGeneratedResources } from '../../../test/gitops-template/support/flux-generator.js';
import { requireTool } from '../../../test/support/require-tool.js';
import { renderArgoEntry } from '../../src/argocd/render-argocd-entry.js';
import { renderClusterEntry } from '../../src/cluster/render-cluster-entry.js';
import { allShards } from '../../src/layout/shards.js';
import { validateManifests } from '../../src/validation/validate-manifests.js';

const scratch = mkdtempSync(join(tmpdir(), 'synth-cluster-entry-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every object of the YAML files; the bootstrap placeholders are comment-only documents. */
const objectsOf = (files: { path: string; content: string }[]) =>
  files
    .filter((f) => f.path.endsWith('.yaml'))
    .flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as Record<string, any> | null))
    .filter((o): o is Record<string, any> => o !== null);

/** The postBuild substitutions of infrastructure-configs. */
const substitutions = (files: { path: string; content: string }[]) =>
  objectsOf(files.filter((f) => f.path.endsWith('/infrastructure.yaml'))).find(
    (o) => o.metadata.name === 'infrastructure-configs',
  )?.spec.postBuild.substitute;

/** `kubectl kustomize` of a folder without kustomization.yaml, as Flux generates one for it. */
async function fluxBuild(files: { path: string; content: string }[], folder: string) {
  const repo = mkdtempSync(join(scratch, 'repo-'));
  for (const file of files) {
    mkdirSync(dirname(join(repo, file.path)), { recursive: true });
    writeFileSync(join(repo, file.path), file.content);
  }
  const root = join(repo, folder);
  const resources = await fluxGeneratedResources(root);
  writeFileSync(join(root, 'kustomization.yaml'), JSON.stringify({ resources }));
  const output = execFileSync(requireTool('kubectl'), ['kustomize', root], { encoding: 'utf8' });
  return parseAllDocuments(output).map((d) => d.toJS() as Record<string, any>);
}

describe('renderClusterEntry, artifacts layout', () => {
  const files = renderClusterEntry({ cluster: 'eu-2', fluxLayout: 'artifacts', shardScheme: 'hash' });

  it('renders the bootstrap folder, the infrastructure, the cluster generator and one file per shard', () => {
    const paths = files.map((f) => f.path).filter((p) => p.startsWith('clusters/'));
    expect(paths.slice(0, 5)).toEqual([
      'clusters/eu-2/flux-system/gotk-components.yaml',
      'clusters/eu-2/flux-system/gotk-sync.yaml',
      'clusters/eu-2/flux-system/kustomization.yaml',
      'clusters/eu-2/infrastructure.yaml',
      'clusters/eu-2/tenant-shards/00.yaml',
    ]);
    expect(paths.filter((p) => p.startsWith('clusters/eu-2/tenant-shards/'))).toHaveLength(256);
    expect(paths.filter((p) => p.startsWith('clusters/')).at(-1)).toBe('clusters/eu-2/tenants.yaml');
  });

  it("keeps every shard folder in git with a marker, so a shard's last tenant can go", () => {
    const markers = files.filter((f) => f.path.startsWith('tenants/'));
    expect(markers.map((f) => f.path)).toEqual(allShards('hash').map((s) => `tenants/eu-2/${s}/README.md`));
    expect(markers.find((f) => f.path === 'tenants/eu-2/a7/README.md')?.content).toContain(
      'Shard a7 of cluster eu-2',
    );
  });

  it('reads infrastructure/ through artifacts of its own, so a tenant commit leaves it asleep', () => {
    const objects = objectsOf(files.filter((f) => f.path.endsWith('/infrastructure.yaml')));
    const generator = objects.find((o) => o.kind === 'ArtifactGenerator');
    expect(generator?.metadata.name).toBe('infrastructure');
    expect(generator?.spec.pathPattern).toBeUndefined();
    expect(generator?.spec.artifacts).toEqual(
      ['controllers', 'configs'].map((folder) => ({
        name: `infrastructure-${folder}`,
        copy: [{ from: `@repo/infrastructure/${folder}/**`, to: '@artifact/' }],
      })),
    );
    for (const folder of ['controllers', 'configs']) {
      expect(objects.find((o) => o.metadata.name === `infrastructure-${folder}`)?.spec).toMatchObject({
        sourceRef: { kind: 'ExternalArtifact', name: `infrastructure-${folder}` },
        path: './',
      });
    }
  });

  it('validates every object against the vendored CRDs, ArtifactGenerator included', () => {
    const objects = objectsOf(files);
    // tenants, infrastructure and one per shard
    expect(objects.filter((o) => o.kind === 'ArtifactGenerator')).toHaveLength(258);
    expect(validateManifests(objects)).toEqual([]);
  });

  it('reads the tenants of its own cluster only', () => {
    const generator = parse(files.find((f) => f.path.endsWith('/tenants.yaml'))?.content ?? '');
    expect(generator.spec.pathPattern).toBe('@repo/tenants/eu-2/{shard}');
    expect(generator.spec.sources).toEqual([{ alias: 'repo', kind: 'GitRepository', name: 'flux-system' }]);
    expect(substitutions(files).cluster_name).toBe('eu-2');
  });

  it('builds with kubectl kustomize, as the flux-system Kustomization applies it', async () => {
    const built = await fluxBuild(files, 'clusters/eu-2');
    const kinds = built.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(kinds).toContain('ArtifactGenerator/tenants');
    expect(kinds).toContain('ArtifactGenerator/shard-a7');
    expect(kinds).toContain('Kustomization/fleet-a7');
    expect(kinds).toContain('Kustomization/infrastructure-configs');
    expect(kinds).toContain('ArtifactGenerator/infrastructure');
    // The bootstrap placeholders build to nothing: the two generators, 2 × 256 and the two
    // infrastructure Kustomizations.
    expect(built).toHaveLength(2 + 512 + 2);
  });

  it('lets no fleet Kustomization hold more than its own shard', () => {
    const fleet = objectsOf(files).filter(
      (o) => o.kind === 'Kustomization' && o.metadata?.name.startsWith('fleet-'),
    );
    expect(fleet).toHaveLength(256);
    for (const k of fleet) {
      const shard = k.metadata.name.slice('fleet-'.length);
      expect(k.spec).toMatchObject({
        sourceRef: { kind: 'ExternalArtifact', name: `fleet-${shard}` },
        path: './',
        serviceAccountName: 'kustomize-controller',
        wait: false,
        dependsOn: [{ name: 'infrastructure-configs' }],
      });
    }
  });
});

describe("renderClusterEntry, the cluster's Argo CD entry point", () => {
  const files = renderClusterEntry({ cluster: 'eu-2', lusterUrl: 'https://luster.acme.io' });
  const argo = files.filter((f) => f.path.startsWith('argocd/'));

  it('renders argocd/<cluster>/ with its own project, ApplicationSets over its own tenants and its destination', () => {
    expect(argo.map((f) => f.path)).toEqual([
      'argocd/eu-2/applicationset-tenant-apps.yaml',
      'argocd/eu-2/applicationset-tenant-platform.yaml',
      'argocd/eu-2/appproject.yaml',
      'argocd/eu-2/argocd-notifications-cm.yaml',
      'argocd/eu-2/kustomization.yaml',
    ]);
    const objects = objectsOf(argo);
    expect(validateManifests(objects)).toEqual([]);
    const longest = renderArgoEntry(`c${'x'.repeat(61)}c`, {
      repoUrl: 'https://luster.acme.io/git/gitops.git',
      lusterUrl: 'https://luster.acme.io',
    });
    expect(validateManifests(objectsOf(longest))).toEqual([]);
    const project = objects.find((o) => o.kind === 'AppProject');
    expect(project?.metadata.name).toBe('luster-eu-2-tenants');
    expect(project?.spec.destinations).toEqual([{ name: 'eu-2', namespace: 'tenant-*' }]);
    expect(project?.spec.sourceRepos).toEqual(['https://luster.acme.io/git/gitops.git']);
    const sets = objects.filter((o) => o.kind === 'ApplicationSet');
    expect(sets.map((o) => [o.metadata.name, o.spec.generators[0].git.directories])).toEqual([
      ['luster-eu-2-tenant-apps', [{ path: 'tenants/eu-2/*/*/app' }]],
      ['luster-eu-2-tenant-platform', [{ path: 'tenants/eu-2/*/*/platform' }]],
    ]);
    for (const set of sets) {
      expect(set.spec.template.spec.project).toBe('luster-eu-2-tenants');
      expect(set.spec.template.spec.destination.name).toBe('eu-2');
      expect(set.spec.template.metadata.annotations['argocd.argoproj.io/manifest-generate-paths']).toBe('.');
      expect(set.spec.template.metadata.name).toContain('eu-2--');
    }
    const cm = objects.find((o) => o.kind === 'ConfigMap');
    expect(cm?.data['service.webhook.luster']).toContain('url: https://luster.acme.io\n');
  });

  it('builds with kubectl kustomize into the argocd namespace', () => {
    const repo = mkdtempSync(join(scratch, 'argo-'));
    for (const file of argo) {
      mkdirSync(dirname(join(repo, file.path)), { recursive: true });
      writeFileSync(join(repo, file.path), file.content);
    }
    const output = execFileSync(requireTool('kubectl'), ['kustomize', join(repo, 'argocd/eu-2')], {
      encoding: 'utf8',
    });
    const built = parseAllDocuments(output).map((d) => d.toJS() as Record<string, any>);
    expect(built.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`).sort()).toEqual([
      'AppProject/argocd/luster-eu-2-tenants',
      'ApplicationSet/argocd/luster-eu-2-tenant-apps',
      'ApplicationSet/argocd/luster-eu-2-tenant-platform',
      'ConfigMap/argocd/argocd-notifications-cm',
    ]);
  });

  it('renders none in the legacy layout, whose tenant folders have no platform/ for Argo CD to read', () => {
    const legacy = renderClusterEntry({ cluster: 'eu-2', fluxLayout: 'legacy' });
    expect(legacy.filter((f) => f.path.startsWith('argocd/'))).toEqual([]);
  });
});

describe('renderClusterEntry, legacy layout (Flux older than 2.7)', () => {
  const files = renderClusterEntry({ cluster: 'eu-2', fluxLayout: 'legacy' });

  it('applies every tenant with one Kustomization reading the whole repository, and says what that costs', async () => {
    expect(files.map((f) => f.path)).toEqual([
      'clusters/eu-2/flux-system/gotk-components.yaml',
      'clusters/eu-2/flux-system/gotk-sync.yaml',
      'clusters/eu-2/flux-system/kustomization.yaml',
      'clusters/eu-2/infrastructure.yaml',
      'clusters/eu-2/tenants.yaml',
    ]);
    const tenants = files.find((f) => f.path.endsWith('/tenants.yaml'))?.content ?? '';
    expect(tenants).toContain('every commit wakes all of them');
    expect(parse(tenants).spec).toMatchObject({
      path: './tenants/eu-2',
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
    });
    const built = await fluxBuild(files, 'clusters/eu-2');
    expect(validateManifests(built)).toEqual([]);
    // Flux older than 2.7 has no ExternalArtifact: the infrastructure reads the repository too.
    for (const k of built.filter((o) => o.metadata.name.startsWith('infrastructure-')))
      expect(k.spec.sourceRef).toEqual({ kind: 'GitRepository', name: 'flux-system' });
    expect(built.map((o) => o.metadata.name).sort()).toEqual([
      'infrastructure-configs',
      'infrastructure-controllers',
      'tenants',
    ]);
  });
});

describe('renderClusterEntry options', () => {
  it('writes the per-cluster values, without REPLACE_ME once they are real', () => {
    const files = renderClusterEntry({
      cluster: 'us-1',
      fluxLayout: 'legacy',
      lusterUrl: 'https://luster.acme.io',
      acmeEmail: 'ops@acme.io',
      fluxReceiverHost: 'flux.us-1.acme.io',
    });
    expect(substitutions(files)).toEqual({
      cluster_name: 'us-1',
      luster_url: 'https://luster.acme.io',
      acme_email: 'ops@acme.io',
      flux_receiver_host: 'flux.us-1.acme.io',
    });
    const infrastructure = (f: typeof files) =>
      f.find((x) => x.path.endsWith('/infrastructure.yaml'))?.content;
    expect(infrastructure(files)).not.toContain('REPLACE_ME');
    expect(infrastructure(renderClusterEntry({ cluster: 'us-1', fluxLayout: 'legacy' }))).toContain(
      'REPLACE_ME',
    );
  });

  it.each([
    [{ cluster: 'Prod' }, "'cluster' (Prod) must be a DNS label"],
    [{ cluster: 'eu--2' }, "'cluster' (eu--2) must not hold '--'"],
    [{ cluster: 'prod', argoRepoUrl: 'git@x:y.git' }, "'argoRepoUrl' (git@x:y.git) must be an http(s) URL"],
    [{ cluster: 'prod', lusterUrl: 'https://x.io\nkind: Secret' }, "'lusterUrl'"],
    [{ cluster: 'prod', acmeEmail: 'nobody' }, "'acmeEmail' (nobody) must be an e-mail address"],
    [{ cluster: 'prod', fluxReceiverHost: 'a b' }, "'fluxReceiverHost' (a b)"],
    [{ cluster: 'prod', fluxLayout: 'v1' as never }, "'fluxLayout' (v1) must be one of artifacts, legacy"],
    [{ cluster: 'prod', shardScheme: 'md5' as never }, "'shardScheme' (md5) must be one of hash, prefix"],
  ])('refuses %o', (options, message) => {
    expect(() => renderClusterEntry(options)).toThrow(message);
  });
});
