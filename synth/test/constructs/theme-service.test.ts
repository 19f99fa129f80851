import { describe, expect, it } from 'vitest';
import { ThemeService } from '../../src/constructs/theme-service.js';
import { synthConstruct } from '../support/synth-construct.js';

describe('ThemeService', () => {
  it('exposes the theme port on 80 for the pinned selector', () => {
    const [service] = synthConstruct((chart) => {
      new ThemeService(chart, 'Service', {
        name: 'theme',
        namespace: 'tenant-acme',
        labels: { a: 'b' },
        selector: { 'luster.io/tenant': 'acme', 'app.kubernetes.io/component': 'theme' },
        targetPort: 8080,
      });
    });
    expect(service).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'theme', namespace: 'tenant-acme', labels: { a: 'b' } },
      spec: {
        type: 'ClusterIP',
        selector: { 'luster.io/tenant': 'acme', 'app.kubernetes.io/component': 'theme' },
        ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
      },
    });
  });
});
