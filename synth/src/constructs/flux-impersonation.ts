import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { explain } from '../output/explain.js';

export interface FluxImpersonationProps {
  /** Name of the ServiceAccount, which is also the name of the tenant's Flux Kustomization. */
  readonly serviceAccountName: string;
  /** Namespace of the Flux Kustomization: Flux impersonates the ServiceAccount there. */
  readonly fluxNamespace: string;
  /** The tenant namespace, where the RoleBinding grants the ClusterRole. */
  readonly tenantNamespace: string;
  /** ClusterRole, defined by the GitOps template, listing what a tenant's workload may contain. */
  readonly clusterRoleName: string;
  readonly labels: Readonly<Record<string, string>>;
  /**
   * Name of the RoleBinding.
   * @default 'flux-reconciler'
   */
  readonly roleBindingName?: string;
}

/**
 * The identity Flux applies a tenant's workload with: a ServiceAccount next to the Flux
 * Kustomization, allowed to act only inside the tenant namespace.
 */
export class FluxImpersonation extends Construct {
  readonly serviceAccount: kplus.ServiceAccount;
  readonly roleBinding: kplus.RoleBinding;

  constructor(scope: Construct, id: string, props: FluxImpersonationProps) {
    super(scope, id);
    this.serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata: {
        name: props.serviceAccountName,
        namespace: props.fluxNamespace,
        labels: { ...props.labels },
      },
      automountToken: false,
    });
    explain(
      this.serviceAccount,
      `Flux impersonates this account to apply the tenant's workload; its rights come from the RoleBinding in ${props.tenantNamespace}.`,
    );
    this.roleBinding = new kplus.RoleBinding(this, 'RoleBinding', {
      metadata: {
        name: props.roleBindingName ?? 'flux-reconciler',
        namespace: props.tenantNamespace,
        labels: { ...props.labels },
      },
      role: kplus.ClusterRole.fromClusterRoleName(this, 'ClusterRole', props.clusterRoleName),
    });
    this.roleBinding.addSubjects(this.serviceAccount);
    explain(
      this.roleBinding,
      `Grants ${props.clusterRoleName} to ${props.fluxNamespace}/${props.serviceAccountName} in this namespace only: a tenant's manifests cannot touch anything else.`,
    );
  }
}
