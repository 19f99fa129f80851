// Argo CD's side of a commit, from the repository's own ApplicationSets and Applications:
//
// - A git push webhook refreshes the Applications of that repository. With the annotation
//   `argocd.argoproj.io/manifest-generate-paths` (paths relative to the Application's path, `;`
//   separated) only Applications whose paths the commit touched are refreshed and regenerate their
//   manifests; the others keep their cached manifests for the new revision
//   (https://argo-cd.readthedocs.io/en/stable/operator-manual/high_availability/, "Monorepo Scaling
//   Considerations"; annotation list: https://argo-cd.readthedocs.io/en/stable/user-guide/annotations-and-labels/).
// - The same webhook refreshes every ApplicationSet with a git generator on that repository; a git
//   directory generator yields one Application per matching folder
//   (https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Git/).
// - A refreshed Application builds its path (kustomize-build.ts) and syncs what changed; an object
//   the API server refuses fails that Application's sync, and no other's.
import { renderGoTemplate } from '../../test/gitops-template/support/go-template.js';
import { BeforeTree } from './before-tree.js';
import type { Change } from './fleet-repo.js';
import { builds, normalize, summarize } from './kustomize-build.js';
import type { K8sObject } from './objects.js';
import { objectsOf, type Tree } from './tree.js';

export const GENERATE_PATHS = 'argocd.argoproj.io/manifest-generate-paths';

interface Application {
  name: string;
  /** The ApplicationSet that generated it, or '' for one written in the repository. */
  owner: string;
  path: string;
  /** Folders whose changes refresh it; undefined: any change does. */
  watches: string[] | undefined;
  failing: string | undefined;
}

export interface ArgoStep {
  applicationSetsRefreshed: number;
  /** Applications that regenerated their manifests (new ones included). */
  refreshed: number;
  objectsBuilt: number;
  objectsSynced: number;
  failing: string[];
  /** Tenant folders whose Application cannot sync. */
  blockedTenants: number;
}

interface DirectoryGenerator {
  directories: { path: string; exclude?: boolean }[];
}

/** A template string rendered for one generated folder, as Argo CD's goTemplate would. */
function fill(text: string, path: string): string {
  const segments = path.split('/');
  return renderGoTemplate(text, {
    path: { path, basename: segments[segments.length - 1] ?? '', segments },
  });
}

export class ArgoModel {
  readonly applications = new Map<string, Application>();
  /** Application names two sources both generate: Argo CD would let one overwrite the other. */
  readonly collisions: string[] = [];
  private readonly sets: K8sObject[];

  /**
   * `entry`: the folder(s) applied with `kubectl apply -k` on the Argo CD cluster — one per
   * cluster it serves (`argocd/<cluster>/`), all held by the one Argo CD.
   */
  constructor(
    private readonly repo: Tree,
    entry: string | readonly string[],
  ) {
    const control = (typeof entry === 'string' ? [entry] : entry).flatMap(
      (dir) => summarize(repo, dir, 'argocd').control,
    );
    this.sets = control.filter((o) => o.kind === 'ApplicationSet');
    for (const app of control.filter((o) => o.kind === 'Application')) {
      const spec = app.spec as { source?: { path?: string } };
      this.register({
        name: app.metadata.name ?? '',
        owner: '',
        path: normalize(spec.source?.path ?? ''),
        watches: this.watchesOf(app.metadata.annotations, normalize(spec.source?.path ?? '')),
        failing: undefined,
      });
    }
    for (const set of this.sets) for (const app of this.generate(set)) this.register(app);
    for (const app of this.applications.values())
      app.failing = summarize(repo, app.path, 'argocd').rejected[0];
  }

  /** How many Applications carry manifest-generate-paths. */
  annotated(): number {
    return [...this.applications.values()].filter((a) => a.watches !== undefined).length;
  }

  private register(app: Application): void {
    const existing = this.applications.get(app.name);
    if (existing && existing.owner !== app.owner) this.collisions.push(app.name);
    if (!existing) this.applications.set(app.name, app);
  }

  private watchesOf(annotations: Record<string, string> | undefined, path: string): string[] | undefined {
    const value = annotations?.[GENERATE_PATHS];
    if (value === undefined) return undefined;
    return value.split(';').map((p) => (p.startsWith('/') ? normalize(p) : normalize(`${path}/${p}`)));
  }

  /** The Applications a set's git directory generators yield from the repository as it is. */
  private generate(set: K8sObject): Application[] {
    const spec = set.spec as {
      generators?: { git?: DirectoryGenerator }[];
      template: {
        metadata: { name: string; annotations?: Record<string, string> };
        spec: { source?: { path?: string } };
      };
    };
    const apps: Application[] = [];
    for (const generator of spec.generators ?? []) {
      const directories = generator.git?.directories ?? [];
      const excluded = new Set(directories.filter((d) => d.exclude).flatMap((d) => this.folders(d.path)));
      for (const wanted of directories.filter((d) => !d.exclude)) {
        for (const folder of this.folders(wanted.path)) {
          if (excluded.has(folder)) continue;
          const annotations = Object.fromEntries(
            Object.entries(spec.template.metadata.annotations ?? {}).map(([k, v]) => [k, fill(v, folder)]),
          );
          const path = normalize(fill(spec.template.spec.source?.path ?? '', folder));
          apps.push({
            name: fill(spec.template.metadata.name, folder),
            owner: set.metadata.name ?? '',
            path,
            watches: this.watchesOf(annotations, path),
            failing: undefined,
          });
        }
      }
    }
    return apps;
  }

  /** Folders matching a generator's glob, one `*` per segment. */
  private folders(pattern: string): string[] {
    let found = [''];
    for (const part of normalize(pattern).split('/')) {
      const regex = new RegExp(
        `^${part
          .replace(/[.+^${}()|\\]/g, '\\$&')
          .replaceAll('*', '[^/]*')
          .replaceAll('?', '[^/]')}$`,
      );
      found = found.flatMap((dir) =>
        this.repo
          .list(dir)
          .dirs.filter((name) => regex.test(name))
          .map((name) => (dir === '' ? name : `${dir}/${name}`)),
      );
    }
    return found;
  }

  /** What a push webhook for `changes` (already in the repository) makes Argo CD do. */
  commit(changes: readonly Change[]): ArgoStep {
    const step: ArgoStep = {
      applicationSetsRefreshed: 0,
      refreshed: 0,
      objectsBuilt: 0,
      objectsSynced: 0,
      failing: [],
      blockedTenants: 0,
    };
    const fresh = new Set<string>();
    const before = new BeforeTree(this.repo, changes);
    if (changes.length > 0) {
      step.applicationSetsRefreshed = this.sets.length;
      // create-update: generators add Applications, never delete them.
      for (const set of this.sets) {
        for (const app of this.generate(set)) {
          if (!this.applications.has(app.name)) fresh.add(app.name);
          this.register(app);
        }
      }
    }
    const touched = (app: Application) =>
      app.watches === undefined ||
      changes.some((c) => app.watches?.some((w) => w === '' || c.path === w || c.path.startsWith(`${w}/`)));
    for (const app of this.applications.values()) {
      if (changes.length === 0 || (!fresh.has(app.name) && !touched(app))) continue;
      step.refreshed += 1;
      const built = summarize(this.repo, app.path, 'argocd');
      step.objectsBuilt += built.objects;
      app.failing = built.rejected[0];
      if (app.failing) continue;
      for (const change of changes) {
        const was =
          change.before !== undefined && builds(before, app.path, change.path, 'argocd')
            ? objectsOf(change.before).all()
            : new Map<string, string>();
        const is =
          change.after !== undefined && builds(this.repo, app.path, change.path, 'argocd')
            ? objectsOf(change.after).all()
            : new Map<string, string>();
        for (const [key, json] of is) if (was.get(key) !== json) step.objectsSynced += 1;
        for (const key of was.keys()) if (!is.has(key)) step.objectsSynced += 1;
      }
    }
    const failing = [...this.applications.values()].filter((a) => a.failing);
    step.failing = failing.map((a) => a.name);
    step.blockedTenants = new Set(failing.map((a) => this.repo.tenantOf(a.path)).filter(Boolean)).size;
    return step;
  }
}
