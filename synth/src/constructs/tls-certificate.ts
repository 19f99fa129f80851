import { Construct } from 'constructs';
import { Certificate } from '../imports/cert-manager.io.js';

export interface TlsCertificateProps {
  /** Certificate name, also the name of the TLS Secret cert-manager writes. */
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly host: string;
  readonly clusterIssuer: string;
}

/**
 * One certificate per host: a custom domain whose DNS breaks fails alone instead of blocking the
 * renewal of every other host of the tenant.
 */
export class TlsCertificate extends Construct {
  readonly apiObject: Certificate;

  constructor(scope: Construct, id: string, props: TlsCertificateProps) {
    super(scope, id);
    this.apiObject = new Certificate(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace, labels: { ...props.labels } },
      spec: {
        secretName: props.name,
        // The Secret cert-manager creates carries the tenant's labels as well.
        secretTemplate: { labels: { ...props.labels } },
        dnsNames: [props.host],
        issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: props.clusterIssuer },
      },
    });
  }
}
