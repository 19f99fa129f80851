import { describe, expect, it } from 'vitest';
import { TenantNetworkPolicies } from '../../src/constructs/tenant-network-policies.js';
import { synthConstruct } from '../support/synth-construct.js';

const theme = { 'luster.io/tenant': 'acme', 'app.kubernetes.io/component': 'theme' };
const database = { 'cnpg.io/cluster': 'db' };

function policies(
  databaseEgressCidrs: readonly string[] = ['0.0.0.0/0'],
  mediaEgressCidrs: readonly string[] = ['0.0.0.0/0'],
): Map<string, any> {
  const objects = synthConstruct((chart) => {
    new TenantNetworkPolicies(chart, 'Network', {
      namespace: 'tenant-acme',
      labels: { a: 'b' },
      themeSelector: theme,
      themePort: 8080,
      databaseSelector: database,
      databasePort: 5432,
      ingressNamespace: 'ingress-nginx',
      operatorNamespace: 'cnpg-system',
      databaseEgressCidrs,
      mediaEgressCidrs,
    });
  });
  expect(objects.every((o) => o.kind === 'NetworkPolicy' && o.metadata.namespace === 'tenant-acme')).toBe(
    true,
  );
  return new Map(objects.map((o) => [o.metadata.name, o.spec]));
}

const tcp = (port: number) => ({ port, protocol: 'TCP' });

describe('TenantNetworkPolicies', () => {
  const rendered = policies();

  it('denies all traffic in and out by default', () => {
    expect(rendered.get('default-deny')).toEqual({ podSelector: {}, policyTypes: ['Egress', 'Ingress'] });
  });

  it('lets only the ingress controller reach the theme port', () => {
    expect(rendered.get('allow-ingress-controller')).toEqual({
      podSelector: { matchLabels: theme },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
              podSelector: {},
            },
          ],
          ports: [tcp(8080)],
        },
      ],
    });
  });

  it('lets every pod resolve names through the cluster DNS', () => {
    expect(rendered.get('allow-dns')).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [{ port: 53, protocol: 'UDP' }, tcp(53)],
        },
      ],
    });
  });

  it('connects the theme to its database in both directions, on PostgreSQL only', () => {
    expect(rendered.get('theme-to-database')).toEqual({
      podSelector: { matchLabels: theme },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: database } }], ports: [tcp(5432)] }],
    });
    expect(rendered.get('database-from-theme')).toEqual({
      podSelector: { matchLabels: database },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: theme } }], ports: [tcp(5432)] }],
    });
  });

  it('lets the operator and the other instances reach the database', () => {
    expect(rendered.get('database-from-operator')?.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } },
            podSelector: {},
          },
        ],
        ports: [tcp(8000), tcp(5432)],
      },
    ]);
    const replication = rendered.get('database-replication');
    expect(replication?.policyTypes).toEqual(['Egress', 'Ingress']);
    expect(replication?.ingress[0].from).toEqual([{ podSelector: { matchLabels: database } }]);
    expect(replication?.egress[0].to).toEqual([{ podSelector: { matchLabels: database } }]);
  });

  it('lets the database reach the API server and object store on the given CIDRs only', () => {
    const egress = policies(['10.0.0.0/8', 'fd00::/8']).get('database-egress');
    expect(egress).toEqual({
      podSelector: { matchLabels: database },
      policyTypes: ['Egress'],
      egress: ['10.0.0.0/8', 'fd00::/8'].map((cidr) => ({
        to: [{ ipBlock: { cidr } }],
        ports: [tcp(443), tcp(6443)],
      })),
    });
  });

  it('lets the theme reach its media bucket over HTTPS on the given CIDRs only', () => {
    expect(policies(undefined, ['203.0.113.0/24']).get('theme-to-media')).toEqual({
      podSelector: { matchLabels: theme },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [tcp(443)] }],
    });
  });

  it('renders exactly these nine policies', () => {
    expect([...rendered.keys()].sort()).toEqual([
      'allow-dns',
      'allow-ingress-controller',
      'database-egress',
      'database-from-operator',
      'database-from-theme',
      'database-replication',
      'default-deny',
      'theme-to-database',
      'theme-to-media',
    ]);
  });

  it('refuses an empty egress allow-list', () => {
    expect(() => policies([])).toThrow("'databaseEgressCidrs' must list at least one CIDR");
  });
});
