import type { GraphqlModule } from './module.js';
import { type CostOf, pageSizes } from './query-limits.js';

/**
 * Fields that cost more (or less) than the rule: a field with a resolver costs 1 (it reads the
 * database or git once), a field without one costs nothing (its parent already loaded it).
 */
const exceptions: Record<string, number | ((pageSize: number) => number)> = {
  // A tree listing plus one blob read per file of the tenant's folder.
  'Organization.manifests': 10,
  // One query plus one commit read per entry.
  'Organization.history': (pageSize) => 1 + Math.ceil(pageSize / 5),
  // The unified diff of every file the change touches.
  'Query.changeRequest': 10,
  // A synth render of the tenant and its diff against main.
  'Query.previewOrganizationUpdate': 20,
  'Query.previewOrganizationCreate': 20,
  'Query.previewRevert': 20,
};

/** The cost of each field of the schema the modules make. */
export function fieldCosts(modules: readonly GraphqlModule[]): CostOf {
  const resolved = new Set(
    modules.flatMap((m) =>
      Object.entries(m.resolvers).flatMap(([type, fields]) => Object.keys(fields).map((f) => `${type}.${f}`)),
    ),
  );
  return (type, field, pageSize) => {
    const key = `${type}.${field}`;
    const cost = exceptions[key];
    if (typeof cost === 'function') return cost(pageSize ?? pageSizes.default);
    return cost ?? (resolved.has(key) ? 1 : 0);
  };
}
