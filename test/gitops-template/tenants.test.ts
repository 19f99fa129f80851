import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { allShards } from '@luster/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { type Artifact, generateArtifacts } from '../../synth/test/support/artifact-generator.js';
import { fluxGeneratedResources, writeFluxGeneratedKustomization } from './support/flux-generator.js';
import { kustomize } from './support/kustomize.js';
import { findObject, type K8sObject, objectId } from './support/objects.js';
import { templateDir } from './support/paths.js';
import { allows, type PolicyRule, resourceNamer } from './support/rbac.js';
import { SchemaValidator } from './support/schema-validator.js';
import { acme, addFixtureTenant, copyTemplate } from './support/template-copy.js';

// A tenant folder of the agreed layout (fixtures/tenants/production/82/acme, standing in for what
// the control plane commits) is placed under tenants/production in a scratch copy of the template.
// source-watcher's two generators (clusters/production/tenants.yaml and tenant-shards/82.yaml) are
// emulated (synth/test/support/artifact-generator.ts), Flux's kustomization generator too for the
// fleet artifact, and every artifact is built with the real kubectl.
let copy: Awaited<ReturnType<typeof copyTemplate>>;
let artifacts: Map<string, Artifact>;
let resources: string[];
let fleet: K8sObject[];
let platform: K8sObject[];
let app: K8sObject[];
let fixtureRoot: K8sObject[];
let clusterRole: K8sObject;
let issuers: string[];
let validator: SchemaValidator;

async function generatorIn(file: string) {
  const text = await readFile(path.join(templateDir, file), 'utf8');
  return parseAllDocuments(text)
    .map((d) => d.toJS())
    .find((o) => o?.kind === 'ArtifactGenerator');
}

async function writeArtifact(name: string): Promise<string> {
  const artifact = artifacts.get(name);
  if (!artifact) throw new Error(`no artifact ${name}`);
  const dir = await mkdtemp(path.join(copy.dir, `.artifact-${name}-`));
  for (const [file, content] of artifact.files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

beforeAll(async () => {
  copy = await copyTemplate();
  await addFixtureTenant(copy.dir);
  const shards = generateArtifacts(await generatorIn('clusters/production/tenants.yaml'), {
    'flux-system': copy.dir,
  });
  artifacts = new Map(shards);
  const shardDir = await writeArtifact('shard-82');
  for (const [name, a] of generateArtifacts(await generatorIn('clusters/production/tenant-shards/82.yaml'), {
    'shard-82': shardDir,
  }))
    artifacts.set(name, a);
  const fleetDir = await writeArtifact('fleet-82');
  resources = await writeFluxGeneratedKustomization(fleetDir);
  let configs: K8sObject[];
  [fleet, platform, app, fixtureRoot, configs, validator] = await Promise.all([
    kustomize(fleetDir),
    kustomize(await writeArtifact('platform-acme')),
    kustomize(await writeArtifact('tenant-acme')),
    kustomize(acme.fixture),
    kustomize(path.join(templateDir, 'infrastructure/configs')),
    SchemaValidator.load(),
  ]);
  clusterRole = findObject(configs, 'ClusterRole', 'luster-tenant-reconciler');
  issuers = configs.filter((o) => o.kind === 'ClusterIssuer').map((o) => o.metadata.name);
});
afterAll(() => copy?.remove());

const tenantKustomization = () => findObject(fleet, 'Kustomization', `tenant-${acme.slug}`);

describe('a tenant committed under tenants/production/<shard>/<slug>', () => {
  it('is split into its shard, fleet, platform and workload artifacts, without any index file', async () => {
    const perShard = allShards('hash').flatMap((s) => [`fleet-${s}`, `shard-${s}`]);
    expect([...artifacts.keys()].sort()).toEqual([...perShard, 'platform-acme', 'tenant-acme'].sort());
    expect(await fluxGeneratedResources(path.join(templateDir, 'tenants/production'))).toEqual([]);
  });

  it("leaves a shard without tenants its artifacts, which build to nothing: removing a shard's last tenant prunes it", async () => {
    // Shard 00 holds no tenant, only its marker: what shard 82 becomes once acme is removed.
    expect([...(artifacts.get('fleet-00')?.files.keys() ?? [])]).toEqual(['README.md']);
    const emptyShard = await writeArtifact('shard-00');
    const generator = await generatorIn('clusters/production/tenant-shards/00.yaml');
    expect(generateArtifacts(generator, { 'shard-00': emptyShard }).size).toBe(0);
    const emptyFleet = await writeArtifact('fleet-00');
    expect(await writeFluxGeneratedKustomization(emptyFleet)).toEqual([]);
    expect(await kustomize(emptyFleet)).toEqual([]);
  });

  it("has its two Kustomizations applied by its shard's fleet Kustomization, and nothing else", () => {
    expect(resources).toEqual(['acme']);
    expect(fleet.map(objectId).sort()).toEqual(fixtureRoot.map(objectId).sort());
    expect(fleet.map(objectId).sort()).toEqual([
      'Kustomization/flux-system/platform-acme',
      'Kustomization/flux-system/tenant-acme',
    ]);
  });

  it('has its platform objects applied by its platform Kustomization, as the platform', () => {
    const ids = platform.map(objectId);
    expect(ids).toContain('Namespace/tenant-acme');
    expect(findObject(platform, 'ServiceAccount', 'tenant-acme').metadata.namespace).toBe('flux-system');
    for (const workload of app) expect(ids).not.toContain(objectId(workload));
    expect(findObject(fleet, 'Kustomization', 'platform-acme').spec).toMatchObject({
      sourceRef: { kind: 'ExternalArtifact', name: 'platform-acme' },
      serviceAccountName: 'kustomize-controller',
    });
  });

  it("hands its app/ to its own Kustomization, which applies it as the tenant's service account", () => {
    const { spec } = tenantKustomization();
    expect(spec).toMatchObject({
      path: './',
      targetNamespace: 'tenant-acme',
      serviceAccountName: 'tenant-acme',
      sourceRef: { kind: 'ExternalArtifact', name: 'tenant-acme' },
      dependsOn: [{ name: 'platform-acme' }],
    });
    // --no-cross-namespace-refs: the source must be in the Kustomization's own namespace.
    expect(spec.sourceRef.namespace).toBeUndefined();
    expect(app.map((o) => o.kind)).toContain('Deployment');
  });

  it('binds ClusterRole luster-tenant-reconciler to that service account inside its namespace only', () => {
    const binding = platform.find((o) => o.kind === 'RoleBinding');
    expect(binding?.metadata.namespace).toBe('tenant-acme');
    expect(binding?.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: clusterRole.metadata.name,
    });
    expect(binding?.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'tenant-acme', namespace: 'flux-system' },
    ]);
  });

  it('can be applied, pruned and health-checked under that ClusterRole, every object of app/', async () => {
    const name = await resourceNamer();
    const rules: PolicyRule[] = clusterRole.rules;
    const missing = app.flatMap((o) => {
      const { group, resource } = name(o);
      return ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']
        .filter((verb) => !allows(rules, group, resource, verb))
        .map((verb) => `${verb} ${group || 'core'}/${resource}`);
    });
    expect(missing).toEqual([]);
  });

  it('gets certificates from a ClusterIssuer of the template, through the ingress class it installs', () => {
    const certificates = app.filter((o) => o.kind === 'Certificate');
    expect(certificates.length).toBeGreaterThan(0);
    for (const c of certificates) expect(issuers).toContain(c.spec.issuerRef.name);
    for (const i of app.filter((o) => o.kind === 'Ingress')) expect(i.spec.ingressClassName).toBe('nginx');
    expect(issuers.sort()).toEqual(['letsencrypt-prod', 'letsencrypt-staging']);
  });

  it('is a realistic fixture: every object validates against the schemas', () => {
    expect(validator.validateAll([...fleet, ...platform, ...app])).toEqual([]);
  });
});
