// Two small hand-written GitOps layouts for the model's tests, built the way synth lays tenants out
// (tenants/<cluster>/<shard>/<slug>/): today's (one `tenants` Kustomization applies every tenant's
// platform objects; every Kustomization reads the GitRepository) and the artifacts layout of
// docs/fleet-layout.md (a cluster ArtifactGenerator yields per shard the shard's folder and its
// tenants' Kustomizations; a generator per shard yields per tenant its platform/ and app/).
import { FleetRepo, type TenantTemplate } from './fleet-repo.js';

export type TestLayout = 'today' | 'artifacts';

const kustomization = (...resources: string[]) =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${resources.map((r) => `  - ${r}\n`).join('')}`;

function fluxKustomization(input: {
  name: string;
  source: string;
  path: string;
  dependsOn?: string;
  sourceKind?: string;
}): string {
  return [
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    `  name: ${input.name}`,
    '  namespace: flux-system',
    'spec:',
    ...(input.dependsOn ? ['  dependsOn:', `    - name: ${input.dependsOn}`] : []),
    '  sourceRef:',
    `    kind: ${input.sourceKind ?? 'GitRepository'}`,
    `    name: ${input.source}`,
    `  path: ${input.path}`,
    '  prune: true',
    '',
  ].join('\n');
}

const namespace = (slug: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tenant-${slug}\n`;
const quota = (slug: string, cpu = '"4"') =>
  `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: tenant-quota\n  namespace: tenant-${slug}\nspec:\n  hard:\n    requests.cpu: ${cpu}\n`;
const deployment = (slug: string, version: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: theme\n  namespace: tenant-${slug}\nspec:\n  template:\n    spec:\n      containers:\n        - image: registry.luster.io/themes/aurora:${version}\n`;
const service = (slug: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: theme\n  namespace: tenant-${slug}\n`;

export const shardOf = (slug: string) => slug.slice(0, 2);
export const tenantDir = (cluster: string, slug: string) => `tenants/${cluster}/${shardOf(slug)}/${slug}`;

/** One tenant's folder in a layout; `version` is its theme version, `cpu` its quota (quoted). */
export function tenantTemplate(
  layout: TestLayout,
  cluster: string,
  slug: string,
  version = '1.0.0',
  cpu = '"4"',
): TenantTemplate {
  const dir = tenantDir(cluster, slug);
  const files = new Map<string, string>();
  const app = (prefix: string) => {
    files.set(`${prefix}kustomization.yaml`, kustomization('deployment.yaml', 'service.yaml'));
    files.set(`${prefix}deployment.yaml`, deployment(slug, version));
    files.set(`${prefix}service.yaml`, service(slug));
  };
  if (layout === 'today') {
    files.set('kustomization.yaml', kustomization('namespace.yaml', 'quota.yaml', 'sync.yaml'));
    files.set('namespace.yaml', namespace(slug));
    files.set('quota.yaml', quota(slug, cpu));
    files.set(
      'sync.yaml',
      fluxKustomization({ name: `tenant-${slug}`, source: 'flux-system', path: `./${dir}/app` }),
    );
    app('app/');
  } else {
    files.set('platform/kustomization.yaml', kustomization('namespace.yaml', 'quota.yaml'));
    files.set('platform/namespace.yaml', namespace(slug));
    files.set('platform/quota.yaml', quota(slug, cpu));
    app('app/');
    files.set('kustomization.yaml', kustomization('platform-ks.yaml', 'tenant-ks.yaml'));
    files.set(
      'platform-ks.yaml',
      fluxKustomization({
        name: `platform-${slug}`,
        source: `platform-${slug}`,
        sourceKind: 'ExternalArtifact',
        path: './',
      }),
    );
    files.set(
      'tenant-ks.yaml',
      fluxKustomization({
        name: `tenant-${slug}`,
        source: `tenant-${slug}`,
        sourceKind: 'ExternalArtifact',
        path: './',
        dependsOn: `platform-${slug}`,
      }),
    );
  }
  return { slug, dir, files };
}

/**
 * clusters/<cluster>/ of a layout, and in the artifacts layout each shard folder's marker; `shards`
 * are the shard folders it has Kustomizations for.
 */
export function clusterFiles(
  layout: TestLayout,
  cluster: string,
  shards: readonly string[],
): Map<string, string> {
  const files = new Map<string, string>();
  const at = `clusters/${cluster}`;
  if (layout === 'today') {
    files.set(
      `${at}/tenants.yaml`,
      fluxKustomization({ name: 'tenants', source: 'flux-system', path: `./tenants/${cluster}` }),
    );
    return files;
  }
  const generator = (
    name: string,
    source: string,
    sourceKind: string,
    pattern: string,
    artifacts: string[],
  ) =>
    [
      'apiVersion: source.extensions.fluxcd.io/v1beta1',
      'kind: ArtifactGenerator',
      'metadata:',
      `  name: ${name}`,
      '  namespace: flux-system',
      'spec:',
      '  sources:',
      `    - alias: src`,
      `      kind: ${sourceKind}`,
      `      name: ${source}`,
      `  pathPattern: "${pattern}"`,
      '  artifacts:',
      ...artifacts,
      '',
    ].join('\n');
  files.set(
    `${at}/tenants.yaml`,
    generator('tenants', 'flux-system', 'GitRepository', `@src/tenants/${cluster}/{shard}`, [
      '    - name: "shard-{shard}"',
      '      copy:',
      `        - from: "@src/tenants/${cluster}/{shard}/**"`,
      '          to: "@artifact/"',
      '    - name: "fleet-{shard}"',
      '      copy:',
      `        - from: "@src/tenants/${cluster}/{shard}/**"`,
      '          to: "@artifact/"',
      '          exclude: ["*/platform/**", "*/app/**"]',
    ]),
  );
  for (const shard of shards) {
    // The shard folder's marker (synth's SHARD_MARKER): the folder outlives its last tenant.
    files.set(`tenants/${cluster}/${shard}/README.md`, `# Shard ${shard}\n`);
    files.set(
      `${at}/tenant-shards/${shard}.yaml`,
      `${generator(`shard-${shard}`, `shard-${shard}`, 'ExternalArtifact', '@src/{slug}', [
        '    - name: "platform-{slug}"',
        '      copy:',
        '        - from: "@src/{slug}/platform/**"',
        '          to: "@artifact/"',
        '    - name: "tenant-{slug}"',
        '      copy:',
        '        - from: "@src/{slug}/app/**"',
        '          to: "@artifact/"',
      ])}---\n${fluxKustomization({ name: `fleet-${shard}`, source: `fleet-${shard}`, sourceKind: 'ExternalArtifact', path: './' })}`,
    );
  }
  return files;
}

/** A repository with `slugs` on `cluster` (and an empty `others` cluster each). */
export function testRepo(
  layout: TestLayout,
  cluster: string,
  slugs: readonly string[],
  others: readonly string[] = [],
) {
  const shards = [...new Set(slugs.map(shardOf))];
  const base = new Map<string, string>();
  for (const name of [cluster, ...others])
    for (const [p, c] of clusterFiles(layout, name, shards)) base.set(p, c);
  const repo = new FleetRepo(base);
  for (const slug of slugs)
    repo.seedTenant(tenantDir(cluster, slug), slug, tenantTemplate(layout, cluster, slug));
  return repo;
}
