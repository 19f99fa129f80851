import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { explain } from '../output/explain.js';

export interface TenantNetworkPoliciesProps {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Labels of the theme pods (the Deployment's selector). */
  readonly themeSelector: Readonly<Record<string, string>>;
  /** Port the theme container listens on. */
  readonly themePort: number;
  /**
   * Labels of the database pods, or label expressions when they are several clusters' (a database
   * kept after a restore next to the recovered one).
   */
  readonly databaseSelector: Readonly<Record<string, string>> | readonly kplus.LabelExpression[];
  /** PostgreSQL port. */
  readonly databasePort: number;
  /** Namespace of the ingress controller. */
  readonly ingressNamespace: string;
  /** Namespace of the CloudNativePG operator. */
  readonly operatorNamespace: string;
  /** CIDRs the database may reach for the Kubernetes API and the backup object store. */
  readonly databaseEgressCidrs: readonly string[];
  /** CIDRs the theme may reach on TCP 443 for its media bucket (S3 over HTTPS). */
  readonly mediaEgressCidrs: readonly string[];
  /**
   * Namespace and pod labels of the cluster DNS.
   * @default kube-system, k8s-app=kube-dns
   */
  readonly dns?: { readonly namespace: string; readonly labels: Readonly<Record<string, string>> };
}

function isExpressionList(
  selector: TenantNetworkPoliciesProps['databaseSelector'],
): selector is readonly kplus.LabelExpression[] {
  return Array.isArray(selector);
}

/** Port of the CloudNativePG instance manager's status endpoint. */
const INSTANCE_MANAGER_PORT = 8000;
/** Kubernetes API: 443 through the `kubernetes` Service, 6443 on most control planes directly. */
const API_AND_OBJECT_STORE_PORTS = [443, 6443];

/**
 * The tenant's network: nothing in or out unless a policy below allows it. Each policy is one
 * reason, written into its file as a comment.
 */
export class TenantNetworkPolicies extends Construct {
  readonly policies: readonly kplus.NetworkPolicy[];

  constructor(scope: Construct, id: string, props: TenantNetworkPoliciesProps) {
    super(scope, id);
    if (props.databaseEgressCidrs.length === 0)
      throw new RangeError("'databaseEgressCidrs' must list at least one CIDR");
    const dns = props.dns ?? { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };
    const tcp = (port: number) => kplus.NetworkPolicyPort.tcp(port);
    const policies: kplus.NetworkPolicy[] = [];
    const policy = (name: string, why: string, spec: kplus.NetworkPolicyProps) => {
      const created = new kplus.NetworkPolicy(this, name, {
        ...spec,
        metadata: { name, namespace: props.namespace, labels: { ...props.labels } },
      });
      explain(created, why);
      policies.push(created);
      return created;
    };
    const theme = kplus.Pods.select(this, 'ThemePods', { labels: { ...props.themeSelector } });
    const selector = props.databaseSelector;
    const database = kplus.Pods.select(
      this,
      'DatabasePods',
      isExpressionList(selector) ? { expressions: [...selector] } : { labels: { ...selector } },
    );
    const inNamespace = (peerId: string, namespace: string, labels?: Record<string, string>) =>
      kplus.Pods.select(this, peerId, {
        labels,
        namespaces: kplus.Namespaces.select(this, `${peerId}Namespace`, { names: [namespace] }),
      });

    policy(
      'default-deny',
      'Deny all traffic in and out of every pod of the tenant; the other policies open only what is needed.',
      {
        selector: kplus.Pods.all(this, 'AllPods'),
        ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
        egress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
      },
    );
    policy(
      'allow-ingress-controller',
      `Let the ingress controller (namespace ${props.ingressNamespace}) reach the theme's HTTP port: the only way in from outside.`,
      {
        selector: theme,
        ingress: {
          rules: [
            { peer: inNamespace('IngressController', props.ingressNamespace), ports: [tcp(props.themePort)] },
          ],
        },
      },
    );
    policy(
      'allow-dns',
      'Let every pod resolve names through the cluster DNS, and nothing else outside the namespace.',
      {
        selector: kplus.Pods.all(this, 'DnsClients'),
        egress: {
          rules: [
            {
              peer: inNamespace('ClusterDns', dns.namespace, { ...dns.labels }),
              ports: [kplus.NetworkPolicyPort.udp(53), tcp(53)],
            },
          ],
        },
      },
    );
    policy(
      'theme-to-database',
      'Let the theme open connections to its own database, and to no other service.',
      {
        selector: theme,
        egress: { rules: [{ peer: database, ports: [tcp(props.databasePort)] }] },
      },
    );
    policy('database-from-theme', 'Let the database accept connections from the theme of this tenant only.', {
      selector: database,
      ingress: { rules: [{ peer: theme, ports: [tcp(props.databasePort)] }] },
    });
    policy(
      'database-from-operator',
      `Let the CloudNativePG operator (namespace ${props.operatorNamespace}) reach the instance manager and PostgreSQL to run failovers, backups and status checks.`,
      {
        selector: database,
        ingress: {
          rules: [
            {
              peer: inNamespace('Operator', props.operatorNamespace),
              ports: [tcp(INSTANCE_MANAGER_PORT), tcp(props.databasePort)],
            },
          ],
        },
      },
    );
    policy(
      'database-replication',
      'Let database instances reach each other: replicas stream WAL from the primary and instance managers check their peers.',
      {
        selector: database,
        ingress: {
          rules: [{ peer: database, ports: [tcp(props.databasePort), tcp(INSTANCE_MANAGER_PORT)] }],
        },
        egress: { rules: [{ peer: database, ports: [tcp(props.databasePort), tcp(INSTANCE_MANAGER_PORT)] }] },
      },
    );
    const egressPeers = props.databaseEgressCidrs.map((cidr, index) =>
      cidr.includes(':')
        ? kplus.NetworkPolicyIpBlock.ipv6(this, `DatabaseEgress${index}`, cidr)
        : kplus.NetworkPolicyIpBlock.ipv4(this, `DatabaseEgress${index}`, cidr),
    );
    policy(
      'database-egress',
      'Let the database reach the Kubernetes API (its instance manager is a controller) and the object store that keeps WAL archives and base backups.',
      {
        selector: database,
        egress: {
          rules: egressPeers.map((peer) => ({ peer, ports: API_AND_OBJECT_STORE_PORTS.map(tcp) })),
        },
      },
    );
    const mediaPeers = props.mediaEgressCidrs.map((cidr, index) =>
      cidr.includes(':')
        ? kplus.NetworkPolicyIpBlock.ipv6(this, `MediaEgress${index}`, cidr)
        : kplus.NetworkPolicyIpBlock.ipv4(this, `MediaEgress${index}`, cidr),
    );
    policy(
      'theme-to-media',
      'Let the theme reach the S3 endpoint of its media bucket over HTTPS, with the keys of the Secret media-credentials.',
      {
        selector: theme,
        egress: { rules: mediaPeers.map((peer) => ({ peer, ports: [tcp(443)] })) },
      },
    );
    this.policies = policies;
  }
}
