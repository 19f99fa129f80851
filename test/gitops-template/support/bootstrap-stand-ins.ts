import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

/**
 * Minimal stand-ins for the two files `flux bootstrap` writes into clusters/<cluster>/flux-system
 * (we cannot run flux here). They follow the documented shapes of Flux 2.9's output, reduced to
 * what the lockdown patches and the cluster entry point touch:
 *
 * - gotk-components.yaml: Namespace flux-system; per controller a ServiceAccount and a Deployment
 *   whose first container `manager` starts with the upstream flags (the patches append to
 *   `containers/0/args`); Service webhook-receiver of notification-controller.
 * - gotk-sync.yaml: GitRepository flux-system (ref.branch main, secretRef flux-system) and
 *   Kustomization flux-system (path ./clusters/<cluster>, prune).
 *
 * The real files also hold the CRDs, RBAC and NetworkPolicies; nothing here depends on those.
 */

const controllers = [
  'source-controller',
  'kustomize-controller',
  'helm-controller',
  'notification-controller',
];

const commonArgs = [
  '--watch-all-namespaces=true',
  '--log-level=info',
  '--log-encoding=json',
  '--enable-leader-election',
];
const eventsAddr = '--events-addr=http://notification-controller.flux-system.svc.cluster.local./';

function controllerArgs(name: string): string[] {
  if (name === 'notification-controller') return commonArgs;
  if (name === 'source-controller') return [eventsAddr, ...commonArgs, '--storage-path=/data'];
  return [eventsAddr, ...commonArgs];
}

function deployment(name: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: 'flux-system',
      labels: { 'app.kubernetes.io/component': name, 'app.kubernetes.io/part-of': 'flux' },
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          serviceAccountName: name,
          containers: [
            {
              name: 'manager',
              image: `ghcr.io/fluxcd/${name}:stand-in`,
              args: controllerArgs(name),
            },
          ],
        },
      },
    },
  };
}

export function gotkComponents(): string {
  const docs: unknown[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'flux-system' } },
    ...controllers.flatMap((name) => [
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'flux-system' } },
      deployment(name),
    ]),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'webhook-receiver', namespace: 'flux-system' },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'notification-controller' },
        ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http-webhook' }],
      },
    },
  ];
  return docs.map((d) => stringify(d)).join('---\n');
}

export function gotkSync(cluster: string): string {
  const docs = [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'flux-system', namespace: 'flux-system' },
      spec: {
        interval: '1m0s',
        ref: { branch: 'main' },
        secretRef: { name: 'flux-system' },
        url: 'https://git.example.com/platform/gitops.git',
      },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'flux-system', namespace: 'flux-system' },
      spec: {
        interval: '10m0s',
        path: `./clusters/${cluster}`,
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    },
  ];
  return docs.map((d) => stringify(d)).join('---\n');
}

/** Overwrites the bootstrap placeholders of `cluster` in a copy of the template, as bootstrap would. */
export async function writeBootstrapStandIns(repo: string, cluster = 'production'): Promise<void> {
  const dir = path.join(repo, 'clusters', cluster, 'flux-system');
  await writeFile(path.join(dir, 'gotk-components.yaml'), gotkComponents());
  await writeFile(path.join(dir, 'gotk-sync.yaml'), gotkSync(cluster));
}
