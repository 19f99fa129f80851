import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  cluster.filter((o) => o.kind === 'Kustomization' && o.metadata.name !== 'flux-system');

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
  it('consists of flux-system/ and the two plain files', () => {
    expect(generated).toEqual(['flux-system', 'infrastructure.yaml', 'tenants.yaml']);
    expect(
      platformKustomizations()
        .map((k) => k.metadata.name)
        .sort(),
    ).toEqual(['infrastructure-configs', 'infrastructure-controllers', 'tenants']);
  });

  it('orders controllers, then configs, then tenants through dependsOn', () => {
    const dependsOn = Object.fromEntries(
      platformKustomizations().map((k) => [
        k.metadata.name,
        (k.spec.dependsOn ?? []).map((d: { name: string }) => d.name),
      ]),
    );
    expect(dependsOn).toEqual({
      'infrastructure-controllers': [],
      'infrastructure-configs': ['infrastructure-controllers'],
      tenants: ['infrastructure-configs'],
    });
  });

  it('sets interval, retryInterval, timeout, prune and wait explicitly on each, and runs it as kustomize-controller', () => {
    for (const k of platformKustomizations()) {
      expect(k.metadata.namespace, k.metadata.name).toBe('flux-system');
      expect(k.spec, k.metadata.name).toMatchObject({
        serviceAccountName: 'kustomize-controller',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      });
      for (const field of ['interval', 'retryInterval', 'timeout', 'wait']) {
        expect(k.spec[field], `${k.metadata.name}.spec.${field}`).toBeDefined();
      }
    }
  });

  it('waits for the infrastructure but not for tenants (one unhealthy tenant must not hold back the others)', () => {
    const wait = Object.fromEntries(platformKustomizations().map((k) => [k.metadata.name, k.spec.wait]));
    expect(wait).toEqual({
      'infrastructure-controllers': true,
      'infrastructure-configs': true,
      tenants: false,
    });
  });

  it('reconciles tenants as agreed with synth: Kustomization tenants, path ./tenants/production', () => {
    expect(findObject(cluster, 'Kustomization', 'tenants').spec).toMatchObject({
      path: './tenants/production',
      serviceAccountName: 'kustomize-controller',
      prune: true,
    });
  });

  it('points each Kustomization at a folder of the repository that builds', async () => {
    for (const k of platformKustomizations()) {
      const dir = path.join(copy.dir, k.spec.path);
      expect((await stat(dir)).isDirectory(), k.spec.path).toBe(true);
      const hasOwn = await stat(path.join(dir, 'kustomization.yaml')).catch(() => null);
      if (!hasOwn) await writeFluxGeneratedKustomization(dir);
      await expect(kustomize(dir), k.spec.path).resolves.toBeInstanceOf(Array);
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
