import { Construct } from 'constructs';
import { Kustomization, KustomizationSpecSourceRefKind } from '../imports/kustomize.toolkit.fluxcd.io.js';
import { explain } from '../output/explain.js';

/** Where a Kustomization reads its files: the whole repository, or one generated artifact. */
export interface FluxSource {
  readonly kind: 'GitRepository' | 'ExternalArtifact';
  /** In the Kustomization's namespace: --no-cross-namespace-refs forbids any other. */
  readonly name: string;
}

export interface FluxKustomizationProps {
  /** Kustomization name, e.g. `tenant-<slug>`. */
  readonly name: string;
  /** Namespace of the Kustomization, where Flux also looks up the ServiceAccount. */
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly source: FluxSource;
  /** Folder inside the source: `./tenants/<cluster>/<shard>/<slug>/app`, or `./` for an artifact. */
  readonly path: string;
  /** ServiceAccount Flux impersonates while applying, pruning and health-checking. */
  readonly serviceAccountName: string;
  /**
   * Namespace every object of the folder is placed in.
   * @default - each object keeps its own namespace
   */
  readonly targetNamespace?: string;
  /**
   * Kustomizations (same namespace) that must be Ready first.
   * @default []
   */
  readonly dependsOn?: readonly string[];
  /** Reconcile interval, a Go duration. */
  readonly interval: string;
  /** Health-check timeout, a Go duration. */
  readonly timeout: string;
  /**
   * How soon a failed reconcile is retried, a Go duration.
   * @default '2m'
   */
  readonly retryInterval?: string;
  /** Why the Kustomization exists, the comment its file starts with. */
  readonly comment: string;
}

/** A Flux Kustomization that prunes what leaves git and reports Ready only once all is healthy. */
export class FluxKustomization extends Construct {
  readonly apiObject: Kustomization;

  constructor(scope: Construct, id: string, props: FluxKustomizationProps) {
    super(scope, id);
    if (!props.path.startsWith('./'))
      throw new RangeError(`'path' (${props.path}) must be relative to the source root, starting with ./`);
    const dependsOn = props.dependsOn ?? [];
    this.apiObject = new Kustomization(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace, labels: { ...props.labels } },
      spec: {
        ...(dependsOn.length > 0 ? { dependsOn: dependsOn.map((name) => ({ name })) } : {}),
        interval: props.interval,
        retryInterval: props.retryInterval ?? '2m',
        timeout: props.timeout,
        path: props.path,
        prune: true,
        wait: true,
        serviceAccountName: props.serviceAccountName,
        ...(props.targetNamespace === undefined ? {} : { targetNamespace: props.targetNamespace }),
        sourceRef: {
          kind:
            props.source.kind === 'GitRepository'
              ? KustomizationSpecSourceRefKind.GIT_REPOSITORY
              : KustomizationSpecSourceRefKind.EXTERNAL_ARTIFACT,
          name: props.source.name,
        },
      },
    });
    explain(this, props.comment);
  }
}
