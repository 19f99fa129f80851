import { Construct } from 'constructs';
import { Kustomization, KustomizationSpecSourceRefKind } from '../imports/kustomize.toolkit.fluxcd.io.js';
import { explain } from '../output/explain.js';

export interface FluxKustomizationProps {
  /** Kustomization name, `tenant-<slug>`. */
  readonly name: string;
  /** Namespace of the Kustomization, where Flux also looks up the ServiceAccount. */
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Folder in the GitOps repo, `./tenants/<cluster>/<shard>/<slug>/app`. */
  readonly path: string;
  /** ServiceAccount Flux impersonates while applying, pruning and health-checking. */
  readonly serviceAccountName: string;
  /** Namespace every object of the folder is placed in. */
  readonly targetNamespace: string;
  /** GitRepository in the Kustomization's namespace. */
  readonly gitRepositoryName: string;
  /** Reconcile interval, a Go duration. */
  readonly interval: string;
  /** Health-check timeout, a Go duration. */
  readonly timeout: string;
  /**
   * How soon a failed reconcile is retried, a Go duration.
   * @default '2m'
   */
  readonly retryInterval?: string;
}

/** The Flux Kustomization that applies one tenant's workload, as that tenant and nothing more. */
export class FluxKustomization extends Construct {
  readonly apiObject: Kustomization;

  constructor(scope: Construct, id: string, props: FluxKustomizationProps) {
    super(scope, id);
    if (!props.path.startsWith('./'))
      throw new RangeError(`'path' (${props.path}) must be relative to the repo root, starting with ./`);
    this.apiObject = new Kustomization(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace, labels: { ...props.labels } },
      spec: {
        interval: props.interval,
        retryInterval: props.retryInterval ?? '2m',
        timeout: props.timeout,
        path: props.path,
        prune: true,
        wait: true,
        serviceAccountName: props.serviceAccountName,
        targetNamespace: props.targetNamespace,
        sourceRef: { kind: KustomizationSpecSourceRefKind.GIT_REPOSITORY, name: props.gitRepositoryName },
      },
    });
    explain(
      this,
      'Applies the app/ folder as the tenant: prune removes what leaves git (except objects marked prune: disabled), wait reports Ready only once every object is healthy.',
    );
  }
}
