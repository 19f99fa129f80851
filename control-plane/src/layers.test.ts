import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycleEdges, describeImport, layerOf, readImports, upwardImports } from '../scripts/layers.js';

describe('the layer rule of control-plane/src', () => {
  it('places files by their folder, the longest listed prefix first', () => {
    expect(layerOf('errors/domain-error.ts')).toBe('base');
    expect(layerOf('http/route.ts')).toBe('edge kit');
    expect(layerOf('app/server.ts')).toBe('composition');
    expect(layerOf('access/access.ts')).toBe('access');
    expect(layerOf('orgs/orgs.service.ts')).toBe('feature');
  });

  it('finds an upward import', () => {
    const imports = [
      { from: 'errors/domain-error.ts', to: 'logger.ts' },
      { from: 'errors/status.ts', to: 'changes/changes.service.ts' },
      { from: 'sync/sync.service.ts', to: 'errors/index.ts' },
    ];
    expect(upwardImports(imports).map(describeImport)).toEqual([
      'errors/status.ts -> changes/changes.service.ts',
    ]);
  });

  it('finds a module cycle, naming an import of each edge', () => {
    const imports = [
      { from: 'tenants/tenants.service.ts', to: 'sync/sync.service.ts' },
      { from: 'sync/sync.service.ts', to: 'tenants/tenant-rows.ts' },
      { from: 'orgs/orgs.service.ts', to: 'tenants/tenants.service.ts' },
    ];
    expect(cycleEdges(imports)).toEqual([
      { edge: 'sync -> tenants', example: 'sync/sync.service.ts -> tenants/tenant-rows.ts' },
      { edge: 'tenants -> sync', example: 'tenants/tenants.service.ts -> sync/sync.service.ts' },
    ]);
  });

  it('holds for the source as it is: no upward import, no cycle', () => {
    const imports = readImports(fileURLToPath(new URL('.', import.meta.url)));
    expect(upwardImports(imports)).toEqual([]);
    expect(cycleEdges(imports)).toEqual([]);
  });
});
