import { describe, expect, it } from 'vitest';
import { TlsCertificate } from '../../src/constructs/tls-certificate.js';
import { synthConstruct } from '../support/synth-construct.js';

describe('TlsCertificate', () => {
  it('asks the ClusterIssuer for one host, into a labelled Secret of the same name', () => {
    const [certificate] = synthConstruct((chart) => {
      new TlsCertificate(chart, 'Certificate', {
        name: 'tls-shop-acme-com-12345678',
        namespace: 'tenant-acme',
        labels: { a: 'b' },
        host: 'shop.acme.com',
        clusterIssuer: 'letsencrypt-prod',
      });
    });
    expect(certificate).toEqual({
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'tls-shop-acme-com-12345678', namespace: 'tenant-acme', labels: { a: 'b' } },
      spec: {
        secretName: 'tls-shop-acme-com-12345678',
        secretTemplate: { labels: { a: 'b' } },
        dnsNames: ['shop.acme.com'],
        issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'letsencrypt-prod' },
      },
    });
  });
});
