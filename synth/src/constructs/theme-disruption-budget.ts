import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';

export interface ThemeDisruptionBudgetProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly selector: Readonly<Record<string, string>>;
  /** Replicas the theme runs with at least; a budget needs two or more. */
  readonly minReplicas: number;
}

/** Node drains take the theme's pods down one at a time, so a multi-replica theme stays up. */
export class ThemeDisruptionBudget extends Construct {
  readonly apiObject: k8s.KubePodDisruptionBudget;

  constructor(scope: Construct, id: string, props: ThemeDisruptionBudgetProps) {
    super(scope, id);
    if (props.minReplicas < 2) {
      throw new RangeError(
        `'minReplicas' (${props.minReplicas}) must be at least 2: with one pod, a budget only blocks drains`,
      );
    }
    this.apiObject = new k8s.KubePodDisruptionBudget(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace, labels: { ...props.labels } },
      spec: {
        maxUnavailable: k8s.IntOrString.fromNumber(1),
        selector: { matchLabels: { ...props.selector } },
      },
    });
  }
}
