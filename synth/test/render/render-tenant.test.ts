import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors/spec-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { renderTenant } from '../../src/render/render-tenant.js';
import { parseTenantSpec } from '../../src/spec/parse-tenant-spec.js';
import type { TenantSpecInput } from '../../src/spec/tenant-spec.js';
import { REQUIRED_LABELS } from '../../src/validation/policy/labels.js';
import { aSpec, objectOf, objectsOf } from '../support/specs.js';

const render = (overrides: Partial<TenantSpecInput> = {}) => renderTenant(parseTenantSpec(aSpec(overrides)));
const kinds = (files: ReturnType<typeof render>) => objectsOf(files).map(({ object }) => object.kind);

describe('renderTenant', () => {
  it('writes the tenant folder with its Kustomizations, its platform/ and its app/ folders, sorted by path', () => {
    const paths = render().map((f) => f.path);
    expect(paths).toEqual([
      'tenants/prod-1/82/acme/app/certificate-tls-acme-luster-app-b3d6a6bf.yaml',
      'tenants/prod-1/82/acme/app/certificate-tls-shop-acme-com-0715d7d4.yaml',
      'tenants/prod-1/82/acme/app/cluster-db.yaml',
      'tenants/prod-1/82/acme/app/config-map-theme-config.yaml',
      'tenants/prod-1/82/acme/app/deployment-theme.yaml',
      'tenants/prod-1/82/acme/app/horizontal-pod-autoscaler-theme.yaml',
      'tenants/prod-1/82/acme/app/ingress-theme.yaml',
      'tenants/prod-1/82/acme/app/kustomization.yaml',
      'tenants/prod-1/82/acme/app/pod-disruption-budget-theme.yaml',
      'tenants/prod-1/82/acme/app/scheduled-backup-db-daily.yaml',
      'tenants/prod-1/82/acme/app/service-theme.yaml',
      'tenants/prod-1/82/acme/kustomization-platform-acme.yaml',
      'tenants/prod-1/82/acme/kustomization-tenant-acme.yaml',
      'tenants/prod-1/82/acme/kustomization.yaml',
      'tenants/prod-1/82/acme/platform/kustomization.yaml',
      'tenants/prod-1/82/acme/platform/limit-range-tenant-limits.yaml',
      'tenants/prod-1/82/acme/platform/namespace-tenant-acme.yaml',
      'tenants/prod-1/82/acme/platform/network-policy-allow-dns.yaml',
      'tenants/prod-1/82/acme/platform/network-policy-allow-ingress-controller.yaml',
      'tenants/prod-1/82/acme/platform/network-policy-database-egress.yaml',
      'tenants/prod-1/82/acme/platform/network-policy-database-from-operator.yaml',
      'tenants/prod-1/82/acme/platform/network-policy-database-from-theme.yaml',
      'tenants/prod-1/82/acme/platform/network-policy-database-replication.yaml',
      'tenants/prod-1/82/acme/platform/network-policy-default-deny.yaml',
      'tenants/prod-1/82/acme/platform/network-policy-theme-to-database.yaml',
      'tenants/prod-1/82/acme/platform/network-policy-theme-to-media.yaml',
      'tenants/prod-1/82/acme/platform/resource-quota-tenant-quota.yaml',
      'tenants/prod-1/82/acme/platform/role-binding-flux-reconciler.yaml',
      'tenants/prod-1/82/acme/platform/service-account-tenant-acme.yaml',
    ]);
  });

  it('lists in each kustomization.yaml exactly the other files of its folder, so app/ is not in the platform one', () => {
    const files = render();
    for (const folder of [
      'tenants/prod-1/82/acme',
      'tenants/prod-1/82/acme/platform',
      'tenants/prod-1/82/acme/app',
    ]) {
      const names = files
        .filter((f) => f.path.startsWith(`${folder}/`))
        .map((f) => f.path.slice(folder.length + 1))
        .filter((name) => !name.includes('/') && name !== 'kustomization.yaml');
      const kustomization = files.find((f) => f.path === `${folder}/kustomization.yaml`);
      expect(kustomization?.content).toBe(
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${names.map((n) => `  - ${n}\n`).join('')}`,
      );
    }
  });

  it('labels every object with the recommended labels, tenant and tier', () => {
    for (const { path, object } of objectsOf(render({ tier: 'enterprise' }))) {
      for (const label of REQUIRED_LABELS)
        expect(object.metadata.labels, `${path} ${label}`).toHaveProperty([label]);
      expect(object.metadata.labels['luster.io/tenant']).toBe('acme');
      expect(object.metadata.labels['luster.io/tier']).toBe('enterprise');
    }
  });

  it('puts workload objects in the tenant namespace and the Flux objects in flux-system', () => {
    const files = render();
    for (const { path, object } of objectsOf(files)) {
      if (object.kind === 'Namespace') continue;
      const flux = object.kind === 'ServiceAccount' || object.apiVersion === 'kustomize.toolkit.fluxcd.io/v1';
      expect(object.metadata.namespace, path).toBe(flux ? 'flux-system' : 'tenant-acme');
    }
    expect(objectOf(files, 'Kustomization', 'tenant-acme').spec).toMatchObject({
      path: './',
      serviceAccountName: 'tenant-acme',
      targetNamespace: 'tenant-acme',
      sourceRef: { kind: 'ExternalArtifact', name: 'tenant-acme' },
      prune: true,
      wait: true,
    });
    const legacy = renderTenant(parseTenantSpec(aSpec()), { fluxLayout: 'legacy', shardScheme: 'prefix' });
    expect(objectOf(legacy, 'Kustomization', 'tenant-acme').spec).toMatchObject({
      path: './tenants/prod-1/ac/acme/app',
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
    });
  });

  it('never prunes the data: namespace, database and backups', () => {
    const files = render();
    for (const [kind, name] of [
      ['Namespace', 'tenant-acme'],
      ['Cluster', 'db'],
      ['ScheduledBackup', 'db-daily'],
    ] as const) {
      expect(objectOf(files, kind, name).metadata.annotations).toMatchObject({
        'kustomize.toolkit.fluxcd.io/prune': 'disabled',
      });
    }
    const pruneDisabled = objectsOf(files).filter(
      ({ object }) => object.metadata.annotations?.['kustomize.toolkit.fluxcd.io/prune'],
    );
    expect(pruneDisabled).toHaveLength(3);
  });

  it.each([
    ['starter', 1, 1, false, false],
    ['pro', undefined, 2, true, true],
    ['enterprise', undefined, 3, true, true],
  ] as const)(
    'runs tier %s with replicas %s, PDB from %d replicas: %s, HPA: %s',
    (tier, replicas, instances, pdb, hpa) => {
      const files = render({ tier, domains: { custom: [] } });
      expect(objectOf(files, 'Deployment', 'theme').spec.replicas).toBe(replicas);
      expect(objectOf(files, 'Cluster', 'db').spec.instances).toBe(instances);
      expect(kinds(files).includes('PodDisruptionBudget')).toBe(pdb);
      expect(kinds(files).includes('HorizontalPodAutoscaler')).toBe(hpa);
    },
  );

  it('suspends a tenant: no pod, no autoscaler, no traffic, data and certificates kept', () => {
    const active = render();
    const suspended = render({ state: 'suspended' });
    expect(objectOf(suspended, 'Deployment', 'theme').spec.replicas).toBe(0);
    expect(kinds(suspended)).not.toContain('HorizontalPodAutoscaler');
    expect(kinds(suspended)).not.toContain('PodDisruptionBudget');
    expect(kinds(suspended)).not.toContain('Ingress');
    for (const [kind, name] of [
      ['Cluster', 'db'],
      ['ScheduledBackup', 'db-daily'],
    ] as const) {
      expect(objectOf(suspended, kind, name)).toEqual(objectOf(active, kind, name));
    }
    expect(kinds(suspended).filter((k) => k === 'Certificate')).toHaveLength(2);
    const platform = (files: typeof active) => files.filter((f) => !f.path.includes('/app/'));
    expect(platform(suspended)).toEqual(platform(active));
  });

  it('serves the platform host and each custom domain, each with its own certificate', () => {
    const files = render({
      tier: 'enterprise',
      domains: { platformSubdomain: 'acme-shop', custom: ['shop.acme.com', 'acme.de'] },
    });
    const ingress = objectOf(files, 'Ingress', 'theme');
    expect(ingress.spec.rules.map((r: { host: string }) => r.host)).toEqual([
      'acme-shop.luster.app',
      'shop.acme.com',
      'acme.de',
    ]);
    const certificates = objectsOf(files).filter(({ object }) => object.kind === 'Certificate');
    expect(certificates.map(({ object }) => object.spec.dnsNames[0]).sort()).toEqual([
      'acme-shop.luster.app',
      'acme.de',
      'shop.acme.com',
    ]);
    expect(ingress.spec.tls.map((t: { secretName: string }) => t.secretName).sort()).toEqual(
      certificates.map(({ object }) => object.spec.secretName).sort(),
    );
  });

  it('hands plugins (sorted) and branding to the theme, and rolls the pods when they change', () => {
    const hash = (files: ReturnType<typeof render>) =>
      objectOf(files, 'Deployment', 'theme').spec.template.metadata.annotations['luster.io/config-hash'];
    const files = render({ plugins: ['seo-assistant', 'ecommerce'] });
    expect(objectOf(files, 'ConfigMap', 'theme-config').data).toMatchObject({
      LUSTER_PLUGINS: 'ecommerce,seo-assistant',
      LUSTER_BRANDING: '{"appName":"Acme Studio","primaryColor":"#0a7cff"}',
      LUSTER_PUBLIC_URL: 'https://acme.luster.app',
      LUSTER_MEDIA_BUCKET: 'org-acme-media',
    });
    expect(hash(render({ plugins: ['ecommerce', 'seo-assistant'] }))).toBe(hash(files));
    expect(hash(render({ plugins: ['ecommerce'] }))).not.toBe(hash(files));
    expect(hash(render({ branding: { appName: 'Acme' } }))).not.toBe(hash(files));
  });

  it('gives the theme its media bucket and S3 keys by reference only: no Secret and no key in any file', () => {
    const files = render();
    const deployment = objectOf(files, 'Deployment', 'theme');
    const env = deployment.spec.template.spec.containers[0].env;
    expect(env.filter((e: { name: string }) => e.name.startsWith('AWS_'))).toEqual(
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'].map((key) => ({
        name: key,
        valueFrom: { secretKeyRef: { name: 'media-credentials', key, optional: true } },
      })),
    );
    expect(objectOf(files, 'ConfigMap', 'theme-config').data.LUSTER_MEDIA_BUCKET).toBe('org-acme-media');
    expect(kinds(files)).not.toContain('Secret');
    expect(objectOf(files, 'NetworkPolicy', 'theme-to-media').spec.egress).toEqual([
      { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443, protocol: 'TCP' }] },
    ]);
  });

  it('takes the settings of the installation from the options', () => {
    const files = renderTenant(parseTenantSpec(aSpec()), {
      baseDomain: 'apps.example.org',
      ingressClassName: 'traefik',
      clusterIssuer: 'internal-ca',
      gitRepositoryName: 'platform',
      fluxLayout: 'legacy',
      backup: { destinationPath: 's3://backups/', credentialsSecretName: 'backup-keys' },
    });
    expect(objectOf(files, 'Ingress', 'theme').spec.ingressClassName).toBe('traefik');
    expect(objectOf(files, 'Ingress', 'theme').spec.rules[0].host).toBe('acme.apps.example.org');
    expect(objectOf(files, 'Kustomization', 'tenant-acme').spec.sourceRef.name).toBe('platform');
    const certificate = objectsOf(files).find(({ object }) => object.kind === 'Certificate')?.object;
    expect(certificate?.spec.issuerRef.name).toBe('internal-ca');
    expect(objectOf(files, 'Cluster', 'db').spec.backup.barmanObjectStore).toMatchObject({
      destinationPath: 's3://backups/prod-1/acme',
      s3Credentials: { accessKeyId: { name: 'backup-keys', key: 'ACCESS_KEY_ID' } },
    });
  });

  it('sizes the database from the spec within the tier', () => {
    const files = render({ tier: 'pro', database: { storageGi: 50, backupSchedule: '0 30 2 * * *' } });
    expect(objectOf(files, 'Cluster', 'db').spec.storage).toEqual({ size: '50Gi' });
    expect(objectOf(files, 'ScheduledBackup', 'db-daily').spec.schedule).toBe('0 30 2 * * *');
  });

  it('checks the spec itself, throwing SpecError', () => {
    expect(() => renderTenant({ ...parseTenantSpec(aSpec()), slug: 'Not A Slug' })).toThrow(SpecError);
  });

  it('throws ValidationError, naming object, field and rule, when an object breaks a policy', () => {
    let error: unknown;
    try {
      renderTenant(parseTenantSpec(aSpec()), { allowedImageRegistries: ['ghcr.io/luster'] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('SYNTH_MANIFEST_INVALID');
    expect((error as ValidationError).violations).toEqual([
      {
        object: 'Deployment tenant-acme/theme',
        field: 'spec.template.spec.containers[0].image',
        rule: 'policy.image-registry',
        message: "'registry.luster.io/themes/aurora:1.4.0' is not from an allowed registry (ghcr.io/luster)",
      },
    ]);
  });

  it('explains the objects a reviewer must understand in a comment at the top of their file', () => {
    const files = render();
    const headed = files.filter((f) => f.content.startsWith('# ')).map((f) => f.path.split('/').pop());
    expect(headed).toEqual(
      expect.arrayContaining([
        'cluster-db.yaml',
        'namespace-tenant-acme.yaml',
        'network-policy-default-deny.yaml',
      ]),
    );
    expect(
      files.filter((f) => f.path.includes('network-policy-')).every((f) => f.content.startsWith('# ')),
    ).toBe(true);
  });
});
