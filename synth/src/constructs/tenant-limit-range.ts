import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { cpuQuantity, memoryQuantity } from '../tiers/quantities.js';
import type { LimitRangePreset } from '../tiers/tier-presets.js';

export interface TenantLimitRangeProps {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Container defaults from the tier. */
  readonly limitRange: LimitRangePreset;
  /**
   * Object name.
   * @default 'tenant-limits'
   */
  readonly name?: string;
}

/**
 * Gives containers that declare no resources (operator-created jobs, for instance) a request and a
 * limit: with a ResourceQuota on compute, the API server rejects pods without them.
 */
export class TenantLimitRange extends Construct {
  readonly apiObject: k8s.KubeLimitRange;

  constructor(scope: Construct, id: string, props: TenantLimitRangeProps) {
    super(scope, id);
    const { defaultRequest, defaultLimit } = props.limitRange;
    if (
      defaultRequest.cpuMillicores > defaultLimit.cpuMillicores ||
      defaultRequest.memoryMi > defaultLimit.memoryMi
    ) {
      throw new RangeError(
        `'limitRange.defaultRequest' (${defaultRequest.cpuMillicores}m, ${defaultRequest.memoryMi}Mi) must not exceed ` +
          `'limitRange.defaultLimit' (${defaultLimit.cpuMillicores}m, ${defaultLimit.memoryMi}Mi)`,
      );
    }
    this.apiObject = new k8s.KubeLimitRange(this, 'Resource', {
      metadata: {
        name: props.name ?? 'tenant-limits',
        namespace: props.namespace,
        labels: { ...props.labels },
      },
      spec: {
        limits: [
          {
            type: 'Container',
            defaultRequest: {
              cpu: k8s.Quantity.fromString(cpuQuantity(defaultRequest.cpuMillicores)),
              memory: k8s.Quantity.fromString(memoryQuantity(defaultRequest.memoryMi)),
            },
            default: {
              cpu: k8s.Quantity.fromString(cpuQuantity(defaultLimit.cpuMillicores)),
              memory: k8s.Quantity.fromString(memoryQuantity(defaultLimit.memoryMi)),
            },
          },
        ],
      },
    });
  }
}
