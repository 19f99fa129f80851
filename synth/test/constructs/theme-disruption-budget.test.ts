import { describe, expect, it } from 'vitest';
import { ThemeDisruptionBudget } from '../../src/constructs/theme-disruption-budget.js';
import { synthConstruct } from '../support/synth-construct.js';

const props = {
  name: 'theme',
  namespace: 'tenant-acme',
  labels: { a: 'b' },
  selector: { 'luster.io/tenant': 'acme' },
};

describe('ThemeDisruptionBudget', () => {
  it('lets drains take one theme pod at a time', () => {
    const [budget] = synthConstruct((chart) => {
      new ThemeDisruptionBudget(chart, 'Budget', { ...props, minReplicas: 2 });
    });
    expect(budget).toEqual({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'theme', namespace: 'tenant-acme', labels: { a: 'b' } },
      spec: { maxUnavailable: 1, selector: { matchLabels: { 'luster.io/tenant': 'acme' } } },
    });
  });

  it('refuses to guard a single pod, which would only block node drains', () => {
    expect(() =>
      synthConstruct((chart) => new ThemeDisruptionBudget(chart, 'Budget', { ...props, minReplicas: 1 })),
    ).toThrow("'minReplicas' (1) must be at least 2");
  });
});
