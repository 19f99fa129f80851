import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';

export interface ThemeServiceProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Pod selector, the same pinned labels as the Deployment's. */
  readonly selector: Readonly<Record<string, string>>;
  /** Container port traffic goes to. */
  readonly targetPort: number;
  /**
   * Port the Service listens on.
   * @default 80
   */
  readonly port?: number;
}

/** The in-cluster address of the theme, the Ingress's backend. */
export class ThemeService extends Construct {
  readonly service: kplus.Service;

  constructor(scope: Construct, id: string, props: ThemeServiceProps) {
    super(scope, id);
    this.service = new kplus.Service(this, 'Service', {
      metadata: { name: props.name, namespace: props.namespace, labels: { ...props.labels } },
      type: kplus.ServiceType.CLUSTER_IP,
      ports: [
        { name: 'http', port: props.port ?? 80, targetPort: props.targetPort, protocol: kplus.Protocol.TCP },
      ],
    });
    // Selecting through the Deployment construct would use cdk8s's construct-path label.
    for (const [key, value] of Object.entries(props.selector)) this.service.selectLabel(key, value);
    // cdk8s-plus always writes an empty externalIPs list; it only adds noise to every diff.
    ApiObject.of(this.service).addJsonPatch(JsonPatch.remove('/spec/externalIPs'));
  }
}
