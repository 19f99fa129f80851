import { describe, expect, it } from 'vitest';
import { org } from '../test-support/harness';
import { treeRows } from './tree';

describe('treeRows', () => {
  it('puts each parent before its children, by name, with depth', () => {
    const rows = treeRows([
      org({ id: 'c2', name: 'Zed shop', parentId: 'agency' }),
      org({ id: 'agency', name: 'Agency', kind: 'agency' }),
      org({ id: 'c1', name: 'Alpha site', parentId: 'agency' }),
      org({ id: 'solo', name: 'Beta' }),
    ]);
    expect(rows.map((r) => [r.org.id, r.depth, r.hasChildren])).toEqual([
      ['agency', 0, true],
      ['c1', 1, false],
      ['c2', 1, false],
      ['solo', 0, false],
    ]);
  });

  it('shows an organization whose parent is not visible as a root (nothing up)', () => {
    const rows = treeRows([org({ id: 'client', parentId: 'hidden-agency' })]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.depth).toBe(0);
  });
});
