import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { vendorSources } from '../support/vendor-sources.js';
import { clusterVariables } from './support/cluster.js';
import { fluxSubstitute, substitutionVariables } from './support/flux-substitute.js';
import { kustomize, kustomizeText } from './support/kustomize.js';
import { findObject, type K8sObject, parseObjects } from './support/objects.js';
import { templateDir } from './support/paths.js';
import { allows, type PolicyRule } from './support/rbac.js';

let controllers: K8sObject[];
let configsText: string;
let configs: K8sObject[];
let variables: Record<string, string>;

beforeAll(async () => {
  let controllersBuilt: K8sObject[];
  [controllersBuilt, configsText, variables] = await Promise.all([
    kustomize(path.join(templateDir, 'infrastructure/controllers')),
    kustomizeText(path.join(templateDir, 'infrastructure/configs')),
    clusterVariables('production'),
  ]);
  controllers = controllersBuilt;
  configs = parseObjects(fluxSubstitute(configsText, variables), 'infrastructure/configs');
});

const helmReleases = () => controllers.filter((o) => o.kind === 'HelmRelease');

/** The release tag vendor/SOURCES.md gives for one of the vendored CRDs. */
async function crdTag(file: string): Promise<string> {
  const tag = (await vendorSources()).find((row) => row.file === `crds/${file}`)?.tag;
  if (!tag) throw new Error(`no row for crds/${file} in vendor/SOURCES.md`);
  return tag;
}

describe('infrastructure/controllers', () => {
  it.each([
    [
      'ingress-nginx',
      'https://kubernetes.github.io/ingress-nginx',
      'ingress-nginx',
      '4.14.3',
      'ingress-nginx',
    ],
    ['cert-manager', 'https://charts.jetstack.io', 'cert-manager', 'v1.21.1', 'cert-manager'],
    ['cloudnative-pg', 'https://cloudnative-pg.github.io/charts', 'cloudnative-pg', '0.29.0', 'cnpg-system'],
  ])('installs %s from %s, chart %s pinned at %s, into %s', (name, url, chart, version, namespace) => {
    const release = findObject(controllers, 'HelmRelease', name);
    const repository = findObject(controllers, 'HelmRepository', release.spec.chart.spec.sourceRef.name);
    expect(repository.spec.url).toBe(url);
    expect(release.spec.chart.spec).toMatchObject({ chart, version });
    expect(release.spec).toMatchObject({ targetNamespace: namespace, storageNamespace: namespace });
    expect(findObject(controllers, 'Namespace', namespace)).toBeDefined();
  });

  it('pins every chart to one exact version (no ranges, no latest)', () => {
    for (const release of helmReleases()) {
      expect(release.spec.chart.spec.version, release.metadata.name).toMatch(/^v?\d+\.\d+\.\d+$/);
    }
  });

  it('keeps every HelmRelease beside its HelmRepository and helm-controller (lockdown flags)', () => {
    for (const release of helmReleases()) {
      const { sourceRef } = release.spec.chart.spec;
      expect(
        sourceRef.namespace,
        `${release.metadata.name} must not reference another namespace`,
      ).toBeUndefined();
      expect(release.metadata.namespace).toBe('flux-system');
      expect(findObject(controllers, 'HelmRepository', sourceRef.name).metadata.namespace).toBe(
        'flux-system',
      );
      expect(release.spec.serviceAccountName, release.metadata.name).toBe('helm-controller');
    }
  });

  it('installs the CRDs of cert-manager and CloudNativePG with their charts', () => {
    expect(findObject(controllers, 'HelmRelease', 'cert-manager').spec.values.crds).toEqual({
      enabled: true,
      keep: true,
    });
    expect(findObject(controllers, 'HelmRelease', 'cloudnative-pg').spec.values.crds).toEqual({
      create: true,
    });
  });

  it('runs the cert-manager release whose CRDs the control plane validates against (vendor/crds)', async () => {
    expect(findObject(controllers, 'HelmRelease', 'cert-manager').spec.chart.spec.version).toBe(
      await crdTag('cert-manager.certificates.yaml'),
    );
  });

  it('offers ingress class nginx without snippet annotations', () => {
    const { controller } = findObject(controllers, 'HelmRelease', 'ingress-nginx').spec.values;
    expect(controller.ingressClassResource.name).toBe('nginx');
    expect(controller.allowSnippetAnnotations).toBe(false);
  });
});

describe('infrastructure/configs', () => {
  it('is shared by every cluster: each variable it uses is set by clusters/production', () => {
    const used = substitutionVariables(configsText);
    expect(used).toEqual(['acme_email', 'cluster_name', 'flux_receiver_host', 'luster_url']);
    expect(Object.keys(variables).sort()).toEqual(used);
  });

  it.each([
    ['letsencrypt-staging', 'https://acme-staging-v02.api.letsencrypt.org/directory'],
    ['letsencrypt-prod', 'https://acme-v02.api.letsencrypt.org/directory'],
  ])('has ClusterIssuer %s answering HTTP-01 through ingress class nginx', (name, server) => {
    const acme = findObject(configs, 'ClusterIssuer', name).spec.acme;
    expect(acme.server).toBe(server);
    expect(acme.email).toBe(variables.acme_email);
    expect(acme.privateKeySecretRef).toEqual({ name: `${name}-account-key` });
    expect(acme.solvers).toEqual([{ http01: { ingress: { ingressClassName: 'nginx' } } }]);
  });

  it('signs Flux events to <luster_url>/hooks/flux with the key of a referenced Secret', () => {
    expect(findObject(configs, 'Provider', 'luster-control-plane').spec).toEqual({
      type: 'generic-hmac',
      address: 'https://luster.example.com/hooks/flux',
      secretRef: { name: 'luster-flux-webhook' },
    });
  });

  it('forwards info and error events of the Kustomizations in flux-system, tagged with the cluster', () => {
    const alert = findObject(configs, 'Alert', 'luster-tenants');
    expect(alert.metadata.namespace).toBe('flux-system');
    expect(alert.spec).toEqual({
      providerRef: { name: 'luster-control-plane' },
      eventSeverity: 'info',
      eventSources: [{ kind: 'Kustomization', name: '*', namespace: 'flux-system' }],
      eventMetadata: { cluster: 'production' },
    });
  });

  it('lets the control plane trigger an immediate fetch of GitRepository flux-system through a Receiver', () => {
    const receiver = findObject(configs, 'Receiver', 'luster-control-plane');
    expect(receiver.apiVersion).toBe('notification.toolkit.fluxcd.io/v1');
    expect(receiver.metadata.namespace).toBe('flux-system');
    expect(receiver.spec).toEqual({
      type: 'generic-hmac',
      secretRef: { name: 'luster-flux-receiver' },
      resources: [{ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', name: 'flux-system' }],
    });
    const ingress = findObject(configs, 'Ingress', 'flux-webhook-receiver');
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.rules).toEqual([
      {
        host: 'flux-receiver.example.com',
        http: {
          paths: [
            {
              path: '/hook/',
              pathType: 'Prefix',
              backend: { service: { name: 'webhook-receiver', port: { number: 80 } } },
            },
          ],
        },
      },
    ]);
  });
});

describe('ClusterRole luster-tenant-reconciler', () => {
  const verbs = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
  const rules = (): PolicyRule[] => findObject(configs, 'ClusterRole', 'luster-tenant-reconciler').rules;
  const allowed = (group: string, resource: string, verb: string) => allows(rules(), group, resource, verb);

  it.each([
    ['apps', 'deployments'],
    ['', 'services'],
    ['', 'configmaps'],
    ['', 'secrets'],
    ['networking.k8s.io', 'ingresses'],
    ['policy', 'poddisruptionbudgets'],
    ['autoscaling', 'horizontalpodautoscalers'],
    ['postgresql.cnpg.io', 'clusters'],
    ['postgresql.cnpg.io', 'scheduledbackups'],
    ['cert-manager.io', 'certificates'],
  ])("lets a tenant's Flux apply, prune and health-check %s/%s", (group, resource) => {
    for (const verb of verbs)
      expect(allowed(group, resource, verb), `${verb} ${group}/${resource}`).toBe(true);
  });

  it.each([
    ['', 'namespaces'],
    ['', 'resourcequotas'],
    ['', 'limitranges'],
    ['networking.k8s.io', 'networkpolicies'],
    ['rbac.authorization.k8s.io', 'rolebindings'],
    ['rbac.authorization.k8s.io', 'roles'],
  ])('never lets a tenant change %s/%s, the fences the platform puts around it', (group, resource) => {
    for (const verb of verbs)
      expect(allowed(group, resource, verb), `${verb} ${group}/${resource}`).toBe(false);
  });

  it('grants nothing by wildcard and nothing cluster-scoped', () => {
    for (const rule of rules()) {
      expect([...rule.apiGroups, ...rule.resources, ...rule.verbs]).not.toContain('*');
      expect(rule).not.toHaveProperty('nonResourceURLs');
    }
  });
});
