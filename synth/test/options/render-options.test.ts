import { describe, expect, it } from 'vitest';
import { defaultRenderOptions, resolveRenderOptions } from '../../src/options/render-options.js';

describe('resolveRenderOptions', () => {
  it('fills every option with its documented default', () => {
    expect(resolveRenderOptions()).toEqual(defaultRenderOptions);
    expect(defaultRenderOptions).toMatchObject({
      baseDomain: 'luster.app',
      ingressClassName: 'nginx',
      clusterIssuer: 'letsencrypt-prod',
      gitRepositoryName: 'flux-system',
      allowedImageRegistries: ['registry.luster.io'],
      ingressNamespace: 'ingress-nginx',
      cnpgOperatorNamespace: 'cnpg-system',
    });
  });

  it('keeps what is given, including nested backup settings, and ignores undefined', () => {
    const resolved = resolveRenderOptions({
      baseDomain: 'example.org',
      clusterIssuer: undefined,
      backup: { endpointUrl: 'https://minio.example.org' },
    });
    expect(resolved.baseDomain).toBe('example.org');
    expect(resolved.clusterIssuer).toBe('letsencrypt-prod');
    expect(resolved.backup).toEqual({
      destinationPath: 's3://luster-backups',
      endpointUrl: 'https://minio.example.org',
      credentialsSecretName: undefined,
    });
  });

  it.each([
    [{ baseDomain: 'Luster.App' }, /'baseDomain' \(Luster.App\) must be lowercase/],
    [{ baseDomain: '*.luster.app' }, /'baseDomain'.*wildcard/],
    [{ allowedImageRegistries: [] }, /'allowedImageRegistries' must name at least one registry/],
    [{ databaseEgressCidrs: [] }, /'databaseEgressCidrs'/],
    [{ mediaEgressCidrs: [] }, /'mediaEgressCidrs'/],
    [{ reconcileInterval: 'ten minutes' }, /'reconcileInterval' \(ten minutes\) must be a Go duration/],
    [{ backup: { destinationPath: 'luster-backups' } }, /'backup.destinationPath' \(luster-backups\)/],
  ])('rejects %j naming the option', (options, message) => {
    expect(() => resolveRenderOptions(options)).toThrow(message);
  });
});
