import { Deployment } from 'cdk8s-plus-27';
import { describe, expect, it } from 'vitest';
import { ThemeAutoscaler } from '../../src/constructs/theme-autoscaler.js';
import type { AutoscalingPreset } from '../../src/tiers/tier-presets.js';
import { synthConstruct } from '../support/synth-construct.js';

function render(autoscaling: AutoscalingPreset): Record<string, any>[] {
  return synthConstruct((chart) => {
    const target = new Deployment(chart, 'Theme', {
      metadata: { name: 'theme' },
      containers: [{ image: 'registry.luster.io/a:1', resources: {} }],
    });
    new ThemeAutoscaler(chart, 'Autoscaler', {
      name: 'theme',
      namespace: 'tenant-acme',
      labels: {},
      target,
      autoscaling,
    });
  });
}

describe('ThemeAutoscaler', () => {
  it('scales the Deployment on CPU between the tier bounds, and takes over its replica count', () => {
    const objects = render({ minReplicas: 2, maxReplicas: 5, targetCpuUtilization: 70 });
    const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler');
    expect(hpa?.apiVersion).toBe('autoscaling/v2');
    expect(hpa?.spec).toMatchObject({
      minReplicas: 2,
      maxReplicas: 5,
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'theme' },
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
    });
    expect(objects.find((o) => o.kind === 'Deployment')?.spec).not.toHaveProperty('replicas');
  });

  it.each([
    [
      { minReplicas: 6, maxReplicas: 5, targetCpuUtilization: 70 },
      "'minReplicas' (6) must be between 1 and 'maxReplicas' (5)",
    ],
    [
      { minReplicas: 2, maxReplicas: 5, targetCpuUtilization: 150 },
      "'targetCpuUtilization' (150) must be between 1 and 100",
    ],
  ])('refuses %j', (autoscaling, message) => {
    expect(() => render(autoscaling)).toThrow(message);
  });
});
