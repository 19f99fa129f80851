import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import type { AutoscalingPreset } from '../tiers/tier-presets.js';

export interface ThemeAutoscalerProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The Deployment to scale; it must not set its own replica count. */
  readonly target: kplus.Deployment;
  readonly autoscaling: AutoscalingPreset;
}

/** Scales the theme on CPU between the tier's bounds (autoscaling/v2). */
export class ThemeAutoscaler extends Construct {
  readonly autoscaler: kplus.HorizontalPodAutoscaler;

  constructor(scope: Construct, id: string, props: ThemeAutoscalerProps) {
    super(scope, id);
    const { minReplicas, maxReplicas, targetCpuUtilization } = props.autoscaling;
    if (minReplicas < 1 || minReplicas > maxReplicas) {
      throw new RangeError(
        `'minReplicas' (${minReplicas}) must be between 1 and 'maxReplicas' (${maxReplicas})`,
      );
    }
    if (targetCpuUtilization < 1 || targetCpuUtilization > 100) {
      throw new RangeError(`'targetCpuUtilization' (${targetCpuUtilization}) must be between 1 and 100`);
    }
    this.autoscaler = new kplus.HorizontalPodAutoscaler(this, 'Autoscaler', {
      metadata: { name: props.name, namespace: props.namespace, labels: { ...props.labels } },
      target: props.target,
      minReplicas,
      maxReplicas,
      metrics: [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(targetCpuUtilization))],
    });
  }
}
