import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../synth/test/support/artifact-generator.js';
import { writeBootstrapStandIns } from './support/bootstrap-stand-ins.js';
import { writeFluxGeneratedKustomization } from './support/flux-generator.js';
import { kustomize } from './support/kustomize.js';
import { findObject, type K8sObject } from './support/objects.js';
import { templateDir } from './support/paths.js';
import { copyTemplate } from './support/template-copy.js';

// Bootstrap cannot run here: a scratch copy gets stand-ins for gotk-components.yaml and
// gotk-sync.yaml built from their documented shapes (support/bootstrap-stand-ins.ts), and Flux's
// generator is emulated for ./clusters/production, which has no kustomization.yaml.
let copy: Awaited<ReturnType<typeof copyTemplate>>;
let beforeBootstrap: K8sObject[];
let fluxSystem: K8sObject[];
let generated: string[];
let cluster: K8sObject[];

beforeAll(async () => {
  copy = await copyTemplate();
  await writeBootstrapStandIns(copy.dir);
  generated = await writeFluxGeneratedKustomization(path.join(copy.dir, 'clusters/production'));
  [beforeBootstrap, fluxSystem, cluster] = await Promise.all([
    kustomize(path.join(templateDir, 'clusters/production/flux-system')),
    kustomize(path.join(copy.dir, 'clusters/production/flux-system')),
    kustomize(path.join(copy.dir, 'clusters/production')),
  ]);
});
afterAll(() => copy?.remove());

const args = (objects: K8sObject[], controller: string): string[] =>
  findObject(objects, 'Deployment', controller).spec.template.spec.containers[0].args;

const platformKustomizations = () =>
  cluster.filter(
    (o) =>
      o.apiVersion === 'kustomize.toolkit.fluxcd.io/v1' &&
      o.kind === 'Kustomization' &&
      o.metadata.name !== 'flux-system',
  );

describe('clusters/production/flux-system', () => {
  it('builds before bootstrap, to nothing: the committed placeholders are comment-only', () => {
    expect(beforeBootstrap).toEqual([]);
  });

  it.each([
    [
      'kustomize-controller',
      ['--no-cross-namespace-refs=true', '--no-remote-bases=true', '--default-service-account=default'],
    ],
    ['helm-controller', ['--no-cross-namespace-refs=true', '--default-service-account=default']],
    ['notification-controller', ['--no-cross-namespace-refs=true']],
    ['source-controller', []],
  ])('gives %s exactly the lockdown flags it supports, after the bootstrap flags', (controller, flags) => {
    const all = args(fluxSystem, controller);
    const lockdown = all.filter((a) =>
      /^--(no-cross-namespace-refs|no-remote-bases|default-service-account)=/.test(a),
    );
    expect(lockdown.sort()).toEqual([...flags].sort());
    expect(all.slice(0, all.length - flags.length)).toContain('--watch-all-namespaces=true');
  });

  it('keeps cluster-admin (kustomize-controller) for the platform Kustomization flux-system', () => {
    expect(findObject(fluxSystem, 'Kustomization', 'flux-system').spec.serviceAccountName).toBe(
      'kustomize-controller',
    );
  });
});

describe('clusters/production, as the flux-system Kustomization applies it', () => {
  const shards = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
  const fromGit = () => platformKustomizations().filter((k) => k.spec.sourceRef.kind === 'GitRepository');

  it('consists of flux-system/, the infrastructure, the tenants generator and one file per shard', () => {
    expect(generated).toEqual([
      'flux-system',
      'infrastructure.yaml',
      ...shards.map((shard) => `tenant-shards/${shard}.yaml`),
      'tenants.yaml',
    ]);
    expect(
      platformKustomizations()
        .map((k) => k.metadata.name)
        .sort(),
    ).toEqual(
      ['infrastructure-configs', 'infrastructure-controllers', ...shards.map((s) => `fleet-${s}`)].sort(),
    );
  });

  it('orders controllers, then configs, then every shard through dependsOn', () => {
    const dependsOn = Object.fromEntries(
      platformKustomizations().map((k) => [
        k.metadata.name,
        (k.spec.dependsOn ?? []).map((d: { name: string }) => d.name),
      ]),
    );
    expect(dependsOn['infrastructure-controllers']).toEqual([]);
    expect(dependsOn['infrastructure-configs']).toEqual(['infrastructure-controllers']);
    for (const shard of shards) expect(dependsOn[`fleet-${shard}`]).toEqual(['infrastructure-configs']);
  });

  it('sets interval, retryInterval, timeout, prune and wait explicitly on each, and runs it as kustomize-controller', () => {
    for (const k of platformKustomizations()) {
      expect(k.metadata.namespace, k.metadata.name).toBe('flux-system');
      expect(k.spec, k.metadata.name).toMatchObject({
        serviceAccountName: 'kustomize-controller',
        prune: true,
      });
      for (const field of ['interval', 'retryInterval', 'timeout', 'wait']) {
        expect(k.spec[field], `${k.metadata.name}.spec.${field}`).toBeDefined();
      }
    }
    // Nothing but flux-system itself reads the repository, whose revision moves with every commit.
    expect(fromGit()).toEqual([]);
  });

  it('waits for the infrastructure but not for tenants (one unhealthy tenant must not hold back the others)', () => {
    for (const k of platformKustomizations())
      expect(k.spec.wait, k.metadata.name).toBe(k.metadata.name.startsWith('infrastructure-'));
  });

  it("reads each shard's tenants from its own artifact, which the tenants generator makes of tenants/production", () => {
    expect(findObject(cluster, 'ArtifactGenerator', 'tenants').spec).toMatchObject({
      sources: [{ alias: 'repo', kind: 'GitRepository', name: 'flux-system' }],
      pathPattern: '@repo/tenants/production/{shard}',
    });
    for (const shard of shards) {
      expect(findObject(cluster, 'Kustomization', `fleet-${shard}`).spec.sourceRef).toEqual({
        kind: 'ExternalArtifact',
        name: `fleet-${shard}`,
      });
      expect(findObject(cluster, 'ArtifactGenerator', `shard-${shard}`).spec.sources).toEqual([
        { alias: 'shard', kind: 'ExternalArtifact', name: `shard-${shard}` },
      ]);
    }
  });

  it("reads infrastructure/ from the infrastructure generator's artifacts, each of which builds", async () => {
    const generator = findObject(cluster, 'ArtifactGenerator', 'infrastructure');
    expect(generator.spec.sources).toEqual([{ alias: 'repo', kind: 'GitRepository', name: 'flux-system' }]);
    const artifacts = generateArtifacts(generator as never, { 'flux-system': copy.dir });
    for (const name of ['infrastructure-controllers', 'infrastructure-configs']) {
      expect(findObject(cluster, 'Kustomization', name).spec).toMatchObject({
        sourceRef: { kind: 'ExternalArtifact', name },
        path: './',
      });
      const dir = await mkdtemp(path.join(copy.dir, `.artifact-${name}-`));
      for (const [file, content] of artifacts.get(name)?.files ?? []) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), content);
      }
      const built = await kustomize(dir);
      expect(built.length, name).toBeGreaterThan(0);
    }
  });

  it('keeps tenants/production in git without a kustomization file (Flux generates it)', async () => {
    const readme = await readFile(path.join(templateDir, 'tenants/production/README.md'), 'utf8');
    expect(readme).toContain('<shard>/<slug>');
    await expect(stat(path.join(templateDir, 'tenants/production/kustomization.yaml'))).rejects.toThrow();
  });

  it('documents bootstrap on branch main (Flux would otherwise default to master)', async () => {
    const readme = await readFile(path.join(templateDir, 'README.md'), 'utf8');
    const codeLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
      (m[1] ?? '').replace(/\\\n\s*/g, ' ').split('\n'),
    );
    const commands = codeLines.filter((line) => /flux (bootstrap|create source git) /.test(line));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) expect(command).toMatch(/--branch[= ]main/);
  });
});
