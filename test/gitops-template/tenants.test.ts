import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fluxGeneratedResources, writeFluxGeneratedKustomization } from './support/flux-generator.js';
import { kustomize } from './support/kustomize.js';
import { findObject, type K8sObject, objectId } from './support/objects.js';
import { templateDir } from './support/paths.js';
import { allows, type PolicyRule, resourceNamer } from './support/rbac.js';
import { SchemaValidator } from './support/schema-validator.js';
import { acme, addFixtureTenant, copyTemplate } from './support/template-copy.js';

// A tenant folder of the agreed layout (fixtures/tenants/production/ac/acme, standing in for what
// the control plane commits) is placed under tenants/production in a scratch copy of the template.
// Flux's generator is emulated for ./tenants/production, the path of Kustomization `tenants`, and
// the result is built with the real kubectl.
let copy: Awaited<ReturnType<typeof copyTemplate>>;
let resources: string[];
let tenants: K8sObject[];
let app: K8sObject[];
let fixtureRoot: K8sObject[];
let clusterRole: K8sObject;
let issuers: string[];
let validator: SchemaValidator;

beforeAll(async () => {
  copy = await copyTemplate();
  await addFixtureTenant(copy.dir);
  resources = await writeFluxGeneratedKustomization(path.join(copy.dir, 'tenants/production'));
  let configs: K8sObject[];
  [tenants, app, fixtureRoot, configs, validator] = await Promise.all([
    kustomize(path.join(copy.dir, 'tenants/production')),
    kustomize(path.join(copy.dir, acme.folder, 'app')),
    kustomize(acme.fixture),
    kustomize(path.join(templateDir, 'infrastructure/configs')),
    SchemaValidator.load(),
  ]);
  clusterRole = findObject(configs, 'ClusterRole', 'luster-tenant-reconciler');
  issuers = configs.filter((o) => o.kind === 'ClusterIssuer').map((o) => o.metadata.name);
});
afterAll(() => copy?.remove());

const tenantKustomization = () => findObject(tenants, 'Kustomization', `tenant-${acme.slug}`);

describe('a tenant committed under tenants/production/<shard>/<slug>', () => {
  it('is picked up by the tenants Kustomization as one folder, without its app/', async () => {
    expect(resources).toEqual(['ac/acme']);
    const ids = tenants.map(objectId).sort();
    expect(ids).toEqual(fixtureRoot.map(objectId).sort());
    expect(ids).toContain('Namespace/tenant-acme');
    expect(ids).toContain('Kustomization/flux-system/tenant-acme');
    for (const workload of app) expect(ids).not.toContain(objectId(workload));
    expect(tenants.some((o) => o.kind === 'Deployment')).toBe(false);
  });

  it('is the only thing the tenants path holds besides its README (no index file to rewrite)', async () => {
    expect(await fluxGeneratedResources(path.join(templateDir, 'tenants/production'))).toEqual([]);
  });

  it("hands its app/ to its own Kustomization, which applies it as the tenant's service account", async () => {
    const { spec } = tenantKustomization();
    expect(spec).toMatchObject({
      path: `./${acme.folder}/app`,
      targetNamespace: 'tenant-acme',
      serviceAccountName: 'tenant-acme',
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
    });
    // --no-cross-namespace-refs: the source must be in the Kustomization's own namespace.
    expect(spec.sourceRef.namespace).toBeUndefined();
    expect((await stat(path.join(copy.dir, spec.path))).isDirectory()).toBe(true);
    expect(app.map((o) => o.kind)).toContain('Deployment');
    expect(findObject(tenants, 'ServiceAccount', 'tenant-acme').metadata.namespace).toBe('flux-system');
  });

  it('binds ClusterRole luster-tenant-reconciler to that service account inside its namespace only', () => {
    const binding = tenants.find((o) => o.kind === 'RoleBinding');
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
    expect(validator.validateAll([...tenants, ...app])).toEqual([]);
  });
});
