import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { fluxGeneratedResources } from '../../../test/gitops-template/support/flux-generator.js';
import { requireTool } from '../../../test/support/require-tool.js';
import { renderClusterEntry } from '../../src/cluster/render-cluster-entry.js';
import { shardOf } from '../../src/layout/shards.js';
import { type RenderedFile, renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import { type Artifact, generateArtifacts } from '../support/artifact-generator.js';
import { aSpec } from '../support/specs.js';

// The artifacts layout end to end, with source-watcher emulated (support/artifact-generator.ts)
// and everything Flux builds built by the real kubectl: two tenants of one shard and one of
// another, rendered into a repository next to the cluster's entry point.
const layout = { fluxLayout: 'artifacts', shardScheme: 'hash' } as const;
const scratch = mkdtempSync(join(tmpdir(), 'synth-artifacts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const shard = shardOf('acme', 'hash');
const neighbour = Array.from({ length: 2000 }, (_, i) => `shop-${i}`).find(
  (s) => shardOf(s, 'hash') === shard,
);
const stranger = Array.from({ length: 2000 }, (_, i) => `store-${i}`).find(
  (s) => shardOf(s, 'hash') !== shard,
);
if (!neighbour || !stranger) throw new Error('no slug found for the shards this test needs');
const slugs = ['acme', neighbour, stranger];

const tenantFiles = (version = '1.4.0') =>
  slugs.flatMap((slug) =>
    renderTenant(
      parseTenantSpec(
        aSpec({
          slug,
          cluster: 'production',
          mediaBucket: `org-${slug}-media`,
          domains: { custom: [] },
          theme: { name: 'aurora', version, image: `registry.luster.io/themes/aurora:${version}` },
        }),
      ),
      layout,
    ),
  );
const entry = renderClusterEntry({ cluster: 'production', ...layout });

function writeRepo(files: readonly RenderedFile[]): string {
  const repo = mkdtempSync(join(scratch, 'repo-'));
  for (const file of files) {
    mkdirSync(dirname(join(repo, file.path)), { recursive: true });
    writeFileSync(join(repo, file.path), file.content);
  }
  return repo;
}

function writeArtifact(name: string, artifact: Artifact | undefined): string {
  if (!artifact) throw new Error(`no artifact ${name}`);
  const dir = mkdtempSync(join(scratch, `${name}-`));
  for (const [path, content] of artifact.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const generatorOf = (path: string) =>
  parseAllDocuments(entry.find((f) => f.path === path)?.content ?? '')
    .map((d) => d.toJS())
    .find((o) => o.kind === 'ArtifactGenerator');

/** Every artifact the cluster's and the shards' generators make of a repository. */
function generateAll(files: readonly RenderedFile[]): Map<string, Artifact> {
  const repo = writeRepo(files);
  const shards = generateArtifacts(generatorOf('clusters/production/tenants.yaml'), { 'flux-system': repo });
  const all = new Map(shards);
  for (const [name, artifact] of shards) {
    if (!name.startsWith('shard-')) continue;
    const generator = generatorOf(`clusters/production/tenant-shards/${name.slice('shard-'.length)}.yaml`);
    for (const [tenantArtifact, a] of generateArtifacts(generator, { [name]: writeArtifact(name, artifact) }))
      all.set(tenantArtifact, a);
  }
  return all;
}

async function fluxBuild(dir: string): Promise<Record<string, any>[]> {
  const resources = await fluxGeneratedResources(dir);
  writeFileSync(join(dir, 'kustomization.yaml'), JSON.stringify({ resources }));
  return kubectlBuild(dir);
}

function kubectlBuild(dir: string): Record<string, any>[] {
  const output = execFileSync(requireTool('kubectl'), ['kustomize', dir], { encoding: 'utf8' });
  return parseAllDocuments(output).map((d) => d.toJS());
}

const artifacts = generateAll(tenantFiles());

describe('the artifacts layout', () => {
  it("keeps a tenant's folder self-contained: its Kustomizations, platform/ and app/", () => {
    const acme = tenantFiles().filter((f) => f.path.startsWith(`tenants/production/${shard}/acme/`));
    const local = acme.map((f) => f.path.slice(`tenants/production/${shard}/acme/`.length));
    expect(local.filter((p) => !p.includes('/'))).toEqual([
      'kustomization-platform-acme.yaml',
      'kustomization-tenant-acme.yaml',
      'kustomization.yaml',
    ]);
    expect(local).toContain('platform/namespace-tenant-acme.yaml');
    expect(local).toContain('platform/role-binding-flux-reconciler.yaml');
    expect(local).toContain('app/deployment-theme.yaml');
  });

  it('yields one shard and one fleet artifact per shard, and a platform and a workload artifact per tenant', () => {
    const strangerShard = shardOf(stranger, 'hash');
    expect([...artifacts.keys()].sort()).toEqual(
      [
        `shard-${shard}`,
        `fleet-${shard}`,
        `shard-${strangerShard}`,
        `fleet-${strangerShard}`,
        ...slugs.flatMap((s) => [`platform-${s}`, `tenant-${s}`]),
      ].sort(),
    );
  });

  it("applies a shard's tenants' Kustomizations, and nothing else, from its fleet artifact", async () => {
    const built = await fluxBuild(writeArtifact('fleet', artifacts.get(`fleet-${shard}`)));
    expect(built.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      [
        'Kustomization/platform-acme',
        'Kustomization/tenant-acme',
        `Kustomization/platform-${neighbour}`,
        `Kustomization/tenant-${neighbour}`,
      ].sort(),
    );
    // Each reads an artifact the generators make, from its root.
    for (const k of built) {
      expect(k.spec.sourceRef.kind).toBe('ExternalArtifact');
      expect(artifacts.has(k.spec.sourceRef.name), k.spec.sourceRef.name).toBe(true);
      expect(k.spec.path).toBe('./');
    }
  });

  it("builds a tenant's platform artifact to its platform objects, applied as the platform", () => {
    const built = kubectlBuild(writeArtifact('platform', artifacts.get('platform-acme')));
    const ids = built.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(ids).toContain('Namespace/tenant-acme');
    expect(ids).toContain('RoleBinding/flux-reconciler');
    expect(ids).toContain('ServiceAccount/tenant-acme');
    expect(ids.some((id) => id.startsWith('Deployment/') || id.startsWith('Kustomization/'))).toBe(false);
  });

  it("builds a tenant's workload artifact to its app/ objects", () => {
    const built = kubectlBuild(writeArtifact('tenant', artifacts.get('tenant-acme')));
    expect(built.map((o) => o.kind)).toContain('Deployment');
    expect(built.every((o) => o.kind !== 'Namespace' && o.kind !== 'Kustomization')).toBe(true);
  });

  it("changes, for a change of one tenant's workload, only that tenant's workload artifact (and its shard's)", () => {
    const acmeOnly = tenantFiles().map((f) =>
      f.path.startsWith(`tenants/production/${shard}/acme/app/`)
        ? (tenantFiles('1.5.0').find((g) => g.path === f.path) ?? f)
        : f,
    );
    const after = generateAll(acmeOnly);
    const changed = [...artifacts]
      .filter(([name, a]) => after.get(name)?.digest !== a.digest)
      .map(([n]) => n);
    expect(changed.sort()).toEqual([`shard-${shard}`, 'tenant-acme'].sort());
  });

  it('orders a tenant: its workload Kustomization waits for its platform one', () => {
    const files = tenantFiles();
    const workload = parse(
      files.find((f) => f.path.endsWith('/acme/kustomization-tenant-acme.yaml'))?.content ?? '',
    );
    const platform = parse(
      files.find((f) => f.path.endsWith('/acme/kustomization-platform-acme.yaml'))?.content ?? '',
    );
    expect(workload.spec).toMatchObject({
      dependsOn: [{ name: 'platform-acme' }],
      serviceAccountName: 'tenant-acme',
      targetNamespace: 'tenant-acme',
    });
    expect(platform.spec.serviceAccountName).toBe('kustomize-controller');
    expect(platform.spec.targetNamespace).toBeUndefined();
  });
});
