import { Service } from 'cdk8s-plus-27';
import { describe, expect, it } from 'vitest';
import { ThemeIngress } from '../../src/constructs/theme-ingress.js';
import { synthConstruct } from '../support/synth-construct.js';

const backend = { service: { name: 'theme', port: { number: 80 } } };

describe('ThemeIngress', () => {
  it('routes every host to the theme over TLS, one secret per host', () => {
    const objects = synthConstruct((chart) => {
      const service = new Service(chart, 'Service', { metadata: { name: 'theme' }, ports: [{ port: 80 }] });
      new ThemeIngress(chart, 'Ingress', {
        name: 'theme',
        namespace: 'tenant-acme',
        labels: { a: 'b' },
        className: 'nginx',
        hosts: [
          { host: 'acme.luster.app', tlsSecretName: 'tls-acme' },
          { host: 'shop.acme.com', tlsSecretName: 'tls-shop' },
        ],
        service,
      });
    });
    expect(objects.find((o) => o.kind === 'Ingress')).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'theme', namespace: 'tenant-acme', labels: { a: 'b' } },
      spec: {
        ingressClassName: 'nginx',
        rules: ['acme.luster.app', 'shop.acme.com'].map((host) => ({
          host,
          http: { paths: [{ path: '/', pathType: 'Prefix', backend }] },
        })),
        tls: [
          { hosts: ['acme.luster.app'], secretName: 'tls-acme' },
          { hosts: ['shop.acme.com'], secretName: 'tls-shop' },
        ],
      },
    });
  });

  it('refuses an ingress without hosts', () => {
    expect(() =>
      synthConstruct((chart) => {
        const service = new Service(chart, 'Service', { ports: [{ port: 80 }] });
        new ThemeIngress(chart, 'Ingress', {
          name: 'theme',
          namespace: 'x',
          labels: {},
          className: 'nginx',
          hosts: [],
          service,
        });
      }),
    ).toThrow("'hosts' must list at least one host");
  });
});
