import { describe, expect, it } from 'vitest';
import { tenantLabels, themeSelectorLabels } from '../../src/labels/tenant-labels.js';

describe('tenant labels', () => {
  it('carries the recommended labels plus tenant and tier', () => {
    expect(tenantLabels('acme', 'pro', 'theme')).toEqual({
      'app.kubernetes.io/name': 'luster-tenant',
      'app.kubernetes.io/instance': 'acme',
      'app.kubernetes.io/component': 'theme',
      'app.kubernetes.io/part-of': 'luster',
      'app.kubernetes.io/managed-by': 'luster-synth',
      'luster.io/tenant': 'acme',
      'luster.io/tier': 'pro',
    });
  });

  it('selects theme pods by tenant and component only', () => {
    expect(themeSelectorLabels('acme')).toEqual({
      'luster.io/tenant': 'acme',
      'app.kubernetes.io/component': 'theme',
    });
  });
});
