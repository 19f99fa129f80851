import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { explain } from '../output/explain.js';
import { retentionAnnotations, retentionNote } from './annotations.js';

export interface TenantNamespaceProps {
  /** Namespace name, `tenant-<slug>`. */
  readonly name: string;
  /** Tenant slug, for Flux's tenant label. */
  readonly tenant: string;
  /** Labels common to the tenant's objects. */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * Extra annotations, e.g. who the namespace belongs to.
   * @default {}
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Whether Flux must never prune the namespace; false only once a purge is approved.
   * @default true
   */
  readonly retained?: boolean;
}

/** The tenant's namespace: restricted Pod Security enforced, never pruned by Flux until a purge. */
export class TenantNamespace extends Construct {
  readonly namespace: kplus.Namespace;

  constructor(scope: Construct, id: string, props: TenantNamespaceProps) {
    super(scope, id);
    const retained = props.retained ?? true;
    this.namespace = new kplus.Namespace(this, 'Resource', {
      metadata: {
        name: props.name,
        labels: {
          ...props.labels,
          'toolkit.fluxcd.io/tenant': props.tenant,
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/warn': 'restricted',
        },
        annotations: { ...props.annotations, ...retentionAnnotations(retained) },
      },
    });
    explain(
      this.namespace,
      retentionNote(
        retained,
        'Not pruned: deleting the namespace would delete the database inside it. Purging a tenant is a separate, approved step.',
      ),
    );
  }
}
