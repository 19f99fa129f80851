import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBootstrapStandIns } from './support/bootstrap-stand-ins.js';
import { clusterVariables } from './support/cluster.js';
import { writeFluxGeneratedKustomization } from './support/flux-generator.js';
import { fluxSubstitute } from './support/flux-substitute.js';
import { kustomizeText } from './support/kustomize.js';
import { type K8sObject, objectId, parseObjects } from './support/objects.js';
import { SchemaValidator } from './support/schema-validator.js';
import { copyTemplate } from './support/template-copy.js';

// Every object every entry point produces, checked against the Kubernetes v1.34 schemas and the
// CRDs in vendor/crds (support/schema-validator.ts; HelmRelease values are free-form, so only
// their envelope is checked). Bootstrap's two files are stand-ins (support/bootstrap-stand-ins.ts);
// infrastructure/configs is checked as Flux applies it, after substituting production's values.
const entryPoints = [
  'clusters/production/flux-system',
  'clusters/production',
  'infrastructure/controllers',
  'infrastructure/configs',
  'tenants/production',
  'argocd/production',
];

let copy: Awaited<ReturnType<typeof copyTemplate>>;
let validator: SchemaValidator;
const built = new Map<string, K8sObject[]>();

beforeAll(async () => {
  copy = await copyTemplate();
  await writeBootstrapStandIns(copy.dir);
  await writeFluxGeneratedKustomization(path.join(copy.dir, 'clusters/production'));
  await writeFluxGeneratedKustomization(path.join(copy.dir, 'tenants/production'));
  const variables = await clusterVariables('production');
  const [loaded, ...texts] = await Promise.all([
    SchemaValidator.load(),
    ...entryPoints.map((dir) => kustomizeText(path.join(copy.dir, dir))),
  ]);
  validator = loaded;
  entryPoints.forEach((dir, i) => {
    const text = texts[i] ?? '';
    built.set(
      dir,
      parseObjects(dir === 'infrastructure/configs' ? fluxSubstitute(text, variables) : text, dir),
    );
  });
});
afterAll(() => copy?.remove());

describe('every object of every entry point', () => {
  it.each(entryPoints)('%s validates against the Kubernetes and CRD schemas', (dir) => {
    const objects = built.get(dir) ?? [];
    expect(validator.validateAll(objects)).toEqual([]);
  });

  it('covers every kind the template uses (none is skipped for want of a schema)', () => {
    const all = [...built.values()].flat();
    const kinds = [...new Set(all.map((o) => `${o.apiVersion} ${o.kind}`))].sort();
    expect(kinds).toEqual([
      'apps/v1 Deployment',
      'argoproj.io/v1alpha1 AppProject',
      'argoproj.io/v1alpha1 ApplicationSet',
      'cert-manager.io/v1 ClusterIssuer',
      'helm.toolkit.fluxcd.io/v2 HelmRelease',
      'kustomize.toolkit.fluxcd.io/v1 Kustomization',
      'networking.k8s.io/v1 Ingress',
      'notification.toolkit.fluxcd.io/v1 Receiver',
      'notification.toolkit.fluxcd.io/v1beta3 Alert',
      'notification.toolkit.fluxcd.io/v1beta3 Provider',
      'rbac.authorization.k8s.io/v1 ClusterRole',
      'source.extensions.fluxcd.io/v1beta1 ArtifactGenerator',
      'source.toolkit.fluxcd.io/v1 GitRepository',
      'source.toolkit.fluxcd.io/v1 HelmRepository',
      'v1 ConfigMap',
      'v1 Namespace',
      'v1 Service',
      'v1 ServiceAccount',
    ]);
    for (const o of all) expect(validator.knows(o.apiVersion, o.kind), objectId(o)).toBe(true);
  });

  it('leaves no substitution variable unresolved in what Flux applies from infrastructure/configs', () => {
    const text = JSON.stringify(built.get('infrastructure/configs'));
    expect(text).not.toContain('${');
  });
});
