import { describe, expect, it } from 'vitest';
import { hosts } from '../../../src/validation/policy/hosts.js';

const options = { allowedImageRegistries: ['registry.luster.io/themes'] };

describe('hosts policy', () => {
  it('checks Ingress rules and TLS hosts and Certificate DNS names', () => {
    const ingress = {
      kind: 'Ingress',
      spec: {
        rules: [{ host: 'ok.acme.com' }, { host: 'Bad.acme.com' }],
        tls: [{ hosts: ['ok.acme.com', 'nodot'] }],
      },
    };
    expect(hosts(ingress, 'Ingress x', options).map((v) => v.field)).toEqual([
      'spec.rules[1].host',
      'spec.tls[0].hosts[1]',
    ]);
    const certificate = {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      spec: { dnsNames: ['*.acme.com'] },
    };
    expect(hosts(certificate, 'Certificate x', options)).toMatchObject([
      { field: 'spec.dnsNames[0]', rule: 'policy.host' },
    ]);
  });
});
