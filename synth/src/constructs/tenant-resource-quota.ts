import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { cpuQuantity, memoryQuantity, storageQuantity } from '../tiers/quantities.js';
import type { QuotaPreset } from '../tiers/tier-presets.js';

export interface TenantResourceQuotaProps {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Ceilings from the tier. */
  readonly quota: QuotaPreset;
  /**
   * Object name.
   * @default 'tenant-quota'
   */
  readonly name?: string;
}

/** Caps what one tenant can take from the cluster: compute, pods, volumes and storage. */
export class TenantResourceQuota extends Construct {
  readonly apiObject: k8s.KubeResourceQuota;

  constructor(scope: Construct, id: string, props: TenantResourceQuotaProps) {
    super(scope, id);
    const q = props.quota;
    for (const [field, value] of Object.entries({
      pods: q.pods,
      persistentVolumeClaims: q.persistentVolumeClaims,
    })) {
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(`'quota.${field}' (${value}) must be a positive integer`);
    }
    this.apiObject = new k8s.KubeResourceQuota(this, 'Resource', {
      metadata: {
        name: props.name ?? 'tenant-quota',
        namespace: props.namespace,
        labels: { ...props.labels },
      },
      spec: {
        hard: {
          'requests.cpu': k8s.Quantity.fromString(cpuQuantity(q.requests.cpuMillicores)),
          'requests.memory': k8s.Quantity.fromString(memoryQuantity(q.requests.memoryMi)),
          'limits.cpu': k8s.Quantity.fromString(cpuQuantity(q.limits.cpuMillicores)),
          'limits.memory': k8s.Quantity.fromString(memoryQuantity(q.limits.memoryMi)),
          pods: k8s.Quantity.fromNumber(q.pods),
          persistentvolumeclaims: k8s.Quantity.fromNumber(q.persistentVolumeClaims),
          'requests.storage': k8s.Quantity.fromString(storageQuantity(q.storageGi)),
        },
      },
    });
  }
}
