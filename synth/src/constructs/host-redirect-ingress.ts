import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import type { ThemeIngressHost } from './theme-ingress.js';

export interface HostRedirectIngressProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly className: string;
  /** Hosts that answer with the redirect, each over TLS with its own certificate. */
  readonly hosts: readonly ThemeIngressHost[];
  /** The canonical host every request is sent to, path and query kept. */
  readonly to: string;
  /** The rules need a backend, though ingress-nginx answers the redirect before reaching it. */
  readonly service: kplus.Service;
}

/**
 * Sends every request for the other custom domains to the primary one with a 301 (ingress-nginx's
 * `permanent-redirect`, keeping the path and query): one canonical address for search engines and
 * cookies, while every verified domain keeps working and keeps its own certificate.
 */
export class HostRedirectIngress extends Construct {
  readonly ingress: kplus.Ingress;

  constructor(scope: Construct, id: string, props: HostRedirectIngressProps) {
    super(scope, id);
    if (props.hosts.length === 0) throw new RangeError("'hosts' must list at least one host");
    if (props.hosts.some((h) => h.host === props.to))
      throw new RangeError(`'hosts' must not contain the redirect target '${props.to}'`);
    const backend = kplus.IngressBackend.fromService(props.service);
    this.ingress = new kplus.Ingress(this, 'Ingress', {
      metadata: {
        name: props.name,
        namespace: props.namespace,
        labels: { ...props.labels },
        annotations: {
          'nginx.ingress.kubernetes.io/permanent-redirect': `https://${props.to}$request_uri`,
        },
      },
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
