import type { Organization } from '../api/models';

export interface TreeRow {
  org: Organization;
  depth: number;
  hasChildren: boolean;
}

/**
 * Flattens the visible organizations into display order: each parent followed
 * by its children (by name). An organization whose parent the person cannot
 * see starts a root of its own, so nothing is hidden by the tree shape.
 */
export function treeRows(orgs: Organization[]): TreeRow[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const children = new Map<string | null, Organization[]>();
  for (const o of orgs) {
    const parent = o.parentId && byId.has(o.parentId) ? o.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(o);
    children.set(parent, list);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).slice().sort((a, b) => a.name.localeCompare(b.name));
    for (const org of list) {
      if (seen.has(org.id)) continue;
      seen.add(org.id);
      rows.push({ org, depth, hasChildren: (children.get(org.id)?.length ?? 0) > 0 });
      walk(org.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}
