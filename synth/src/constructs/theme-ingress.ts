import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';

export interface ThemeIngressHost {
  readonly host: string;
  /** TLS Secret holding this host's certificate. */
  readonly tlsSecretName: string;
}

export interface ThemeIngressProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly className: string;
  /** The platform host first, then custom domains. */
  readonly hosts: readonly ThemeIngressHost[];
  readonly service: kplus.Service;
}

/** Routes every host of the tenant to the theme, each over TLS with its own certificate. */
export class ThemeIngress extends Construct {
  readonly ingress: kplus.Ingress;

  constructor(scope: Construct, id: string, props: ThemeIngressProps) {
    super(scope, id);
    if (props.hosts.length === 0) throw new RangeError("'hosts' must list at least one host");
    const backend = kplus.IngressBackend.fromService(props.service);
    this.ingress = new kplus.Ingress(this, 'Ingress', {
      metadata: { name: props.name, namespace: props.namespace, labels: { ...props.labels } },
      className: props.className,
      rules: props.hosts.map(({ host }) => ({
        host,
        path: '/',
        pathType: kplus.HttpIngressPathType.PREFIX,
        backend,
      })),
      tls: props.hosts.map(({ host, tlsSecretName }) => ({
        hosts: [host],
        secret: kplus.Secret.fromSecretName(this, `Tls-${host}`, tlsSecretName),
      })),
    });
  }
}
