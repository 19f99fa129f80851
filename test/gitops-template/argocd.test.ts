import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { argoApplicationName, tenantDir } from '@luster/synth';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertValidSlug } from '../../control-plane/src/tenants/slug.js';
import {
  argoDirectories,
  directoryParams,
  renderAppTemplate,
  renderNotificationBody,
} from './support/argocd.js';
import { renderGoTemplate } from './support/go-template.js';
import { kustomize } from './support/kustomize.js';
import { findObject, groupOf, type K8sObject, objectId } from './support/objects.js';
import { templateDir } from './support/paths.js';
import { acme, addFixtureTenant, copyTemplate } from './support/template-copy.js';

// argocd/production/ is built with the real kubectl; Argo CD's git directory generator and goTemplate are
// emulated (support/argocd.ts) over a scratch copy holding the fixture tenant, and what each
// generated Application would apply is built with kubectl from an overlay carrying its kustomize
// options.
let copy: Awaited<ReturnType<typeof copyTemplate>>;
let argocd: K8sObject[];

beforeAll(async () => {
  copy = await copyTemplate();
  await addFixtureTenant(copy.dir);
  argocd = await kustomize(path.join(templateDir, 'argocd/production'));
});
afterAll(() => copy?.remove());

const project = () => findObject(argocd, 'AppProject', 'luster-production-tenants');
const appSets = () => argocd.filter((o) => o.kind === 'ApplicationSet');

/** What an Application's kustomize source applies: an overlay with its namespace and patches. */
async function buildApplicationSource(source: {
  path: string;
  kustomize?: { namespace?: string; patches?: unknown[] };
}): Promise<K8sObject[]> {
  const overlay = path.join(copy.dir, '.argocd-overlay', source.path.replaceAll('/', '_'));
  await mkdir(overlay, { recursive: true });
  const kustomization = {
    resources: [path.relative(overlay, path.join(copy.dir, source.path))],
    ...(source.kustomize?.namespace ? { namespace: source.kustomize.namespace } : {}),
    ...(source.kustomize?.patches ? { patches: source.kustomize.patches } : {}),
  };
  await writeFile(path.join(overlay, 'kustomization.yaml'), JSON.stringify(kustomization));
  return kustomize(overlay);
}

/** The Applications an ApplicationSet generates over the scratch copy. */
async function generate(name: string) {
  const appSet = findObject(argocd, 'ApplicationSet', name);
  const [generator] = appSet.spec.generators;
  const dirs = (
    await Promise.all(
      generator.git.directories.map((d: { path: string }) => argoDirectories(copy.dir, d.path)),
    )
  ).flat();
  return dirs.map((dir) => renderAppTemplate(appSet.spec.template, directoryParams(dir)));
}

function whitelisted(o: K8sObject): boolean {
  const { clusterResourceWhitelist, namespaceResourceWhitelist } = project().spec;
  const list = o.metadata.namespace ? namespaceResourceWhitelist : clusterResourceWhitelist;
  return list.some(
    (w: { group: string; kind: string }) => w.group === groupOf(o.apiVersion) && w.kind === o.kind,
  );
}

describe('the ApplicationSets', () => {
  it.each(['luster-production-tenant-platform', 'luster-production-tenant-apps'])(
    '%s never deletes generated Applications nor, with them, their resources',
    (name) => {
      const { spec } = findObject(argocd, 'ApplicationSet', name);
      expect(spec.syncPolicy).toEqual({
        applicationsSync: 'create-update',
        preserveResourcesOnDeletion: true,
      });
      expect(spec.template.metadata.finalizers).toBeUndefined();
      expect(spec.goTemplate).toBe(true);
      expect(spec.goTemplateOptions).toEqual(['missingkey=error']);
    },
  );

  it('read branch main of the repository the AppProject allows, in the argocd namespace', () => {
    for (const appSet of appSets()) {
      expect(appSet.metadata.namespace).toBe('argocd');
      const [generator] = appSet.spec.generators;
      expect(generator.git.revision).toBe('main');
      expect(project().spec.sourceRepos).toContain(generator.git.repoURL);
      expect(appSet.spec.template.spec.source.repoURL).toBe(generator.git.repoURL);
      expect(appSet.spec.template.spec.source.targetRevision).toBe('main');
      expect(appSet.spec.template.spec.project).toBe(project().metadata.name);
    }
  });

  it('generate one platform Application and one workload Application per tenant folder', async () => {
    const platform = await generate('luster-production-tenant-platform');
    const apps = await generate('luster-production-tenant-apps');
    expect(platform.map((a) => [a.metadata.name, a.spec.source.path, a.spec.destination.namespace])).toEqual([
      ['production--platform-acme', `${acme.folder}/platform`, 'tenant-acme'],
    ]);
    expect(apps.map((a) => [a.metadata.name, a.spec.source.path, a.spec.destination.namespace])).toEqual([
      ['production--tenant-acme', `${acme.folder}/app`, 'tenant-acme'],
    ]);
  });

  it('name Applications so that no two (slug, kind) pairs share a name, for every pair of valid slugs', () => {
    const nameTemplates = {
      platform: findObject(argocd, 'ApplicationSet', 'luster-production-tenant-platform').spec.template
        .metadata.name as string,
      apps: findObject(argocd, 'ApplicationSet', 'luster-production-tenant-apps').spec.template.metadata
        .name as string,
    };
    // Only the name is rendered: the property runs thousands of times.
    const nameOf = (slug: string, kind: 'platform' | 'apps') => {
      const folder = tenantDir('production', slug);
      const dir = kind === 'platform' ? `${folder}/platform` : `${folder}/app`;
      return renderGoTemplate(nameTemplates[kind], { path: directoryParams(dir) });
    };
    const isValid = (slug: string) => {
      try {
        assertValidSlug(slug);
        return true;
      } catch {
        return false;
      }
    };
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
    // Long slugs, up to the longest valid one: their names are shortened with a hash.
    const long = fc.stringMatching(/^[a-z0-9][a-z0-9-]{38,51}[a-z0-9]$/);
    // Plain slugs, and the shapes that make suffix or prefix schemes collide.
    const slug = fc
      .oneof(
        label,
        long,
        label.map((s) => `${s}-platform`),
        label.map((s) => `platform-${s}`),
        label.map((s) => `tenant-${s}`),
        label.map((s) => `${s}-app`),
      )
      .filter(isValid);
    const kind = fc.constantFrom('platform' as const, 'apps' as const);
    expect(nameOf('acme', 'platform')).not.toBe(nameOf('acme-platform', 'apps'));
    fc.assert(
      fc.property(slug, kind, slug, kind, (s1, k1, s2, k2) => {
        // What Argo CD renders is what synth (and the control plane) compute, at most 63 characters.
        const name = nameOf(s1, k1);
        expect(name).toBe(argoApplicationName('production', k1 === 'platform' ? 'platform' : 'workload', s1));
        expect(name.length).toBeLessThanOrEqual(63);
        if (s1 !== s2 || k1 !== k2) expect(name).not.toBe(nameOf(s2, k2));
      }),
      { numRuns: 1000 },
    );
    // Random pairs rarely line up: also pit each slug against the slugs a naming scheme confuses it with.
    const neighbours = (s: string) =>
      [
        s,
        `${s}-platform`,
        `platform-${s}`,
        `tenant-${s}`,
        s.replace(/-platform$/, ''),
        s.replace(/^(platform|tenant)-/, ''),
      ].filter(isValid);
    fc.assert(
      fc.property(slug, (s1) => {
        for (const s2 of neighbours(s1))
          for (const k1 of ['platform', 'apps'] as const)
            for (const k2 of ['platform', 'apps'] as const)
              if (s1 !== s2 || k1 !== k2)
                expect(nameOf(s1, k1), `${s1}/${k1} vs ${s2}/${k2}`).not.toBe(nameOf(s2, k2));
      }),
      { numRuns: 500 },
    );
  });

  it('apply the platform objects of a tenant folder without its Flux-only objects', async () => {
    const [application] = await generate('luster-production-tenant-platform');
    const objects = await buildApplicationSource(application.spec.source);
    expect(objects.map(objectId).sort()).toEqual([
      'LimitRange/tenant-acme/tenant-limits',
      'Namespace/tenant-acme',
      'NetworkPolicy/tenant-acme/allow-from-ingress-controller',
      'NetworkPolicy/tenant-acme/default-deny',
      'ResourceQuota/tenant-acme/tenant-quota',
    ]);
    for (const o of objects) expect(whitelisted(o), objectId(o)).toBe(true);
  });

  it("apply a tenant's app/ into its namespace, every kind allowed by the AppProject", async () => {
    const [application] = await generate('luster-production-tenant-apps');
    const objects = await buildApplicationSource(application.spec.source);
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) {
      expect(o.metadata.namespace, objectId(o)).toBe('tenant-acme');
      expect(whitelisted(o), objectId(o)).toBe(true);
    }
  });

  it('refresh, on a git webhook, only the Applications whose own folder the push changed', async () => {
    for (const name of ['luster-production-tenant-platform', 'luster-production-tenant-apps']) {
      for (const application of await generate(name)) {
        expect(application.metadata.annotations['argocd.argoproj.io/manifest-generate-paths'], name).toBe(
          '.',
        );
      }
    }
  });

  it('carry the cluster in their names, so several clusters can share one Argo CD', () => {
    expect(
      appSets()
        .map((a) => a.metadata.name)
        .sort(),
    ).toEqual(['luster-production-tenant-apps', 'luster-production-tenant-platform']);
  });

  it('confine tenants to tenant-* namespaces of the cluster Argo CD knows as production', async () => {
    expect(project().spec.destinations).toEqual([{ name: 'production', namespace: 'tenant-*' }]);
    for (const name of ['luster-production-tenant-platform', 'luster-production-tenant-apps']) {
      for (const application of await generate(name)) {
        expect(application.spec.destination, name).toEqual({ name: 'production', namespace: 'tenant-acme' });
        expect(application.metadata.labels, name).toMatchObject({
          'luster.io/tenant': 'acme',
          'luster.io/cluster': 'production',
          'luster.io/part': name.endsWith('platform') ? 'platform' : 'workload',
        });
      }
    }
    expect(project().spec.clusterResourceWhitelist).toEqual([{ group: '', kind: 'Namespace' }]);
  });
});

describe('argocd-notifications-cm', () => {
  const data = () =>
    findObject(argocd, 'ConfigMap', 'argocd-notifications-cm').data as Record<string, string>;
  const webhook = () => parse(data()['template.luster-sync-status'] ?? '').webhook.luster;

  it('posts JSON to /hooks/argocd with the shared secret from argocd-notifications-secret', () => {
    const service = parse(data()['service.webhook.luster'] ?? '');
    expect(service.url).toBe('https://luster.example.com');
    expect(service.headers).toEqual([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'X-Luster-Token', value: '$luster-argocd-webhook-token' },
    ]);
    expect(webhook()).toMatchObject({ method: 'POST', path: '/hooks/argocd' });
  });

  it('sends app, its tenant, cluster and part, sync status, health, revision, phase, message and resources, each escaped by toJson', () => {
    const certificate = {
      group: 'cert-manager.io',
      version: 'v1',
      kind: 'Certificate',
      namespace: 'tenant-acme',
      name: 'tls-shop-1a2b3c4d',
      status: 'Synced',
      health: { status: 'Degraded', message: 'Issuing "certificate" failed' },
    };
    const app = {
      metadata: {
        name: 'production--tenant-acme',
        namespace: 'argocd',
        labels: {
          'luster.io/tenant': 'acme',
          'luster.io/cluster': 'production',
          'luster.io/part': 'workload',
        },
      },
      spec: { project: 'luster-production-tenants' },
      status: {
        sync: { status: 'Synced', revision: 'a'.repeat(40) },
        health: { status: 'Degraded' },
        operationState: {
          phase: 'Failed',
          message: 'one or more objects failed to apply: "quota" exceeded\nretrying',
        },
        resources: [certificate],
      },
    };
    expect(JSON.parse(renderNotificationBody(webhook().body, { app }))).toEqual({
      app: 'production--tenant-acme',
      project: 'luster-production-tenants',
      tenant: 'acme',
      cluster: 'production',
      part: 'workload',
      syncStatus: 'Synced',
      health: 'Degraded',
      revision: 'a'.repeat(40),
      phase: 'Failed',
      message: 'one or more objects failed to apply: "quota" exceeded\nretrying',
      resources: [certificate],
    });
  });

  it('still renders valid JSON for an Application that has no status yet', () => {
    const body = renderNotificationBody(webhook().body, { app: { metadata: { name: 'tenant-new' } } });
    expect(JSON.parse(body)).toMatchObject({
      app: 'tenant-new',
      tenant: '',
      syncStatus: 'Unknown',
      health: 'Unknown',
      message: '',
      resources: [],
    });
  });

  it('defines every trigger the workload Applications subscribe to, once per revision', () => {
    const annotations = findObject(argocd, 'ApplicationSet', 'luster-production-tenant-apps').spec.template
      .metadata.annotations;
    const triggers = Object.keys(annotations)
      .filter((k) => k.startsWith('notifications.argoproj.io/'))
      .map((k) => /^notifications\.argoproj\.io\/subscribe\.(.+)\.luster$/.exec(k)?.[1]);
    expect([...triggers].sort()).toEqual([
      'luster-on-deployed',
      'luster-on-health-degraded',
      'luster-on-sync-failed',
      'luster-on-sync-running',
      'luster-on-sync-succeeded',
    ]);
    for (const trigger of triggers) {
      const conditions = parse(data()[`trigger.${trigger}`] ?? 'null');
      expect(conditions, `trigger.${trigger}`).toEqual([
        expect.objectContaining({ send: ['luster-sync-status'], oncePer: 'app.status.sync.revision' }),
      ]);
    }
  });
});
