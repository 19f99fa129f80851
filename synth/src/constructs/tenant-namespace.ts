import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { explain } from '../output/explain.js';
import { PRUNE_DISABLED } from './annotations.js';

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
}

/** The tenant's namespace: restricted Pod Security enforced, never pruned by Flux. */
export class TenantNamespace extends Construct {
  readonly namespace: kplus.Namespace;

  constructor(scope: Construct, id: string, props: TenantNamespaceProps) {
    super(scope, id);
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
        annotations: { ...props.annotations, ...PRUNE_DISABLED },
      },
    });
    explain(
      this.namespace,
      'Not pruned: deleting the namespace would delete the database inside it. Purging a tenant is a separate, approved step.',
    );
  }
}
