// The commits the fleet bench replays, as the control plane would make them: a tenant's change, a
// new tenant, a removed tenant, a tenant whose objects the API server refuses (and another tenant's
// change while it stays broken), its fix, and a move between two clusters (the tenant rendered on
// the new cluster while its old folder is kept, then the old folder released).
import type { RenderOptions } from '@luster/synth';
import { renderTemplate, specFor } from './fleet-fixtures.js';
import type { Change, FleetRepo } from './fleet-repo.js';

export interface ScenarioFleet {
  repo: FleetRepo;
  slugs: string[];
  cluster: string;
  tenantDir: (cluster: string, slug: string) => string;
  options: RenderOptions;
}

export interface Commit {
  label: string;
  apply: (fleet: ScenarioFleet) => Change[];
}

/** A render of tenant `i` of the fleet at spec revision `revision` (a theme version bump). */
function rerender(fleet: ScenarioFleet, i: number, revision: number, cluster = fleet.cluster): Change[] {
  const slug = fleet.slugs[i] as string;
  const template = renderTemplate(specFor(i, slug, cluster, revision), fleet.options);
  return fleet.repo.putTenant(fleet.tenantDir(cluster, slug), slug, template);
}

/** The file of a tenant that holds its ResourceQuota. */
function quotaFile(fleet: ScenarioFleet, dir: string): string {
  const walk = (at: string): string | undefined => {
    const { files, dirs } = fleet.repo.list(at);
    for (const name of files)
      if (/^kind: ResourceQuota$/m.test(fleet.repo.read(`${at}/${name}`) ?? '')) return `${at}/${name}`;
    for (const name of dirs) {
      const found = walk(`${at}/${name}`);
      if (found) return found;
    }
    return undefined;
  };
  const found = walk(dir);
  if (!found) throw new Error(`no ResourceQuota in ${dir}`);
  return found;
}

/**
 * The commit sequence. Tenants are picked by index: `changed` and `other` are existing tenants,
 * `broken` one whose quota turns invalid, `newSlug` a tenant not in the fleet, `moved` the tenant
 * moved to `target`.
 */
export function fleetCommits(input: {
  changed: number;
  other: number;
  broken: number;
  removed: number;
  moved: number;
  newSlug: string;
  target: string;
}): Commit[] {
  let saved: { path: string; content: string } | undefined;
  return [
    { label: 'tenant changed (theme version)', apply: (f) => rerender(f, input.changed, 1) },
    {
      label: 'tenant added',
      apply: (f) => {
        const template = renderTemplate(specFor(0, input.newSlug, f.cluster), f.options);
        return f.repo.putTenant(f.tenantDir(f.cluster, input.newSlug), input.newSlug, template);
      },
    },
    {
      label: 'tenant removed',
      apply: (f) => f.repo.removeTenant(f.tenantDir(f.cluster, f.slugs[input.removed] as string)),
    },
    {
      label: 'tenant broken (quota the API server refuses)',
      apply: (f) => {
        const path = quotaFile(f, f.tenantDir(f.cluster, f.slugs[input.broken] as string));
        const content = f.repo.read(path) as string;
        saved = { path, content };
        return f.repo.writeFile(path, content.replace(/requests\.cpu: .*/, 'requests.cpu: "lots"'));
      },
    },
    { label: 'another tenant changed while it is broken', apply: (f) => rerender(f, input.other, 1) },
    {
      label: 'broken tenant fixed',
      apply: (f) => (saved ? f.repo.writeFile(saved.path, saved.content) : []),
    },
    {
      label: `move, step 1: tenant rendered on ${input.target}, kept on the old cluster`,
      apply: (f) => rerender(f, input.moved, 0, input.target),
    },
    {
      label: 'move, step 2: old cluster released',
      apply: (f) => f.repo.removeTenant(f.tenantDir(f.cluster, f.slugs[input.moved] as string)),
    },
  ];
}
