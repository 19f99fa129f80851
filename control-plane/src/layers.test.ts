import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycleViolations, layerOf, layerViolations, readImports } from '../scripts/layers.js';

describe('the layer rule of control-plane/src', () => {
  it('places files by their folder, the longest listed prefix first', () => {
    expect(layerOf('errors/domain-error.ts')).toBe('base');
    expect(layerOf('http/route.ts')).toBe('edge kit');
    expect(layerOf('http/app.ts')).toBe('composition');
    expect(layerOf('access/access.ts')).toBe('access');
    expect(layerOf('orgs/orgs.service.ts')).toBe('feature');
  });

  it('refuses a new upward import, and a known one that is gone', () => {
    const imports = [
      { from: 'errors/domain-error.ts', to: 'logger.ts' },
      { from: 'errors/status.ts', to: 'changes/changes.service.ts' },
      { from: 'sync/sync.service.ts', to: 'errors/index.ts' },
    ];
    expect(layerViolations(imports, ['http/route.ts -> services.ts'])).toEqual({
      added: ['errors/status.ts -> changes/changes.service.ts'],
      gone: ['http/route.ts -> services.ts'],
    });
  });

  it('refuses a new module cycle, naming an import of each edge, and a known one that is gone', () => {
    const imports = [
      { from: 'tenants/tenants.service.ts', to: 'sync/sync.service.ts' },
      { from: 'sync/sync.service.ts', to: 'tenants/tenant-rows.ts' },
      { from: 'orgs/orgs.service.ts', to: 'tenants/tenants.service.ts' },
    ];
    expect(cycleViolations(imports, ['orgs -> tenants'])).toEqual({
      added: [
        'sync -> tenants (e.g. sync/sync.service.ts -> tenants/tenant-rows.ts)',
        'tenants -> sync (e.g. tenants/tenants.service.ts -> sync/sync.service.ts)',
      ],
      gone: ['orgs -> tenants'],
    });
  });

  it('holds for the source as it is', () => {
    const srcDir = fileURLToPath(new URL('.', import.meta.url));
    const imports = readImports(srcDir);
    expect(layerViolations(imports)).toEqual({ added: [], gone: [] });
    expect(cycleViolations(imports)).toEqual({ added: [], gone: [] });
  });
});
