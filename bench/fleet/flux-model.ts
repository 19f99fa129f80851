// Flux's side of a commit, computed from the repository's own objects with Flux's documented rules:
//
// - A Kustomization reconciles when its source's artifact revision changes (kustomize-controller
//   "watches Source objects for revision changes", https://github.com/fluxcd/kustomize-controller).
// - A GitRepository's revision is the commit (`main@sha1:<sha>`): every commit changes it.
// - An ArtifactGenerator rebuilds its ExternalArtifacts when a source's revision changes; each
//   ExternalArtifact's revision is `latest@sha256:<hash of its content>`, so it changes only when
//   the files copied into it change (https://fluxoperator.dev/docs/crd/artifactgenerator). To
//   build them, source-watcher fetches and unpacks the whole source artifact.
// - A reconcile downloads and untars the source artifact, builds `spec.path` (kustomize-build.ts),
//   validates every object with a server-side dry-run and applies nothing when one is refused
//   (Ready=False), else applies what changed and prunes what disappeared
//   (https://fluxoperator.dev/docs/crd/kustomization).
// - A Kustomization whose `dependsOn` is not Ready does not reconcile.
import { ArtifactView, type CopyRule, copyRule } from './artifact-view.js';
import { BeforeTree } from './before-tree.js';
import type { Change } from './fleet-repo.js';
import { BuildCache, buildFiles, builds, normalize, summarize } from './kustomize-build.js';
import type { K8sObject } from './objects.js';
import { join, objectsOf, type Tree } from './tree.js';

/** A repository as the model reads it, with the bytes of the whole tree (a GitRepository artifact). */
export interface Repository extends Tree {
  totalBytes(): number;
}

interface Kustomization {
  key: string;
  source: string;
  path: string;
  dependsOn: string[];
  /** Kustomization whose build created this one (undefined for the bootstrap one). */
  parent: string | undefined;
  /** Control objects of its last build: the Kustomizations and generators it applies. */
  children: Set<string>;
  failing: string | undefined;
}

interface Generator {
  key: string;
  object: K8sObject;
  /** Alias → source key (the GitRepository or an ExternalArtifact). */
  sources: Map<string, string>;
  /** Artifact key → its copy rules, as of the last reconcile. */
  artifacts: Map<string, CopyRule[]>;
}

/** What one commit costs the cluster. */
export interface FluxStep {
  /** Sources whose revision changed: the GitRepository and the ExternalArtifacts (new ones included). */
  gitRevisions: number;
  artifactRevisions: number;
  /** ArtifactGenerators that reconciled, and the bytes source-watcher unpacked for them. */
  generators: number;
  generatorBytes: number;
  /** Kustomizations reconciled (new ones included). */
  triggered: number;
  objectsBuilt: number;
  /** Objects created, changed or pruned. */
  objectsApplied: number;
  /** Tenant folders some of whose objects were applied. */
  tenantsApplied: number;
  /** Bytes kustomize-controller untarred: each reconcile unpacks its source's whole artifact. */
  bytesUntarred: number;
  /** Kustomizations not Ready after the commit. */
  failing: string[];
  /** Tenants whose objects cannot be applied now: in a failing Kustomization or one waiting on it. */
  blockedTenants: number;
}

const GIT = 'GitRepository/flux-system/flux-system';
const keyOf = (kind: string, namespace: string | undefined, name: string | undefined) =>
  `${kind}/${namespace ?? 'flux-system'}/${name ?? ''}`;

/** Every ExternalArtifact: its generator and copy rules (a snapshot, to read a commit's before state). */
type Artifacts = Map<string, { generator: string; rules: CopyRule[] }>;

export class FluxModel {
  readonly kustomizations = new Map<string, Kustomization>();
  readonly generators = new Map<string, Generator>();
  /** Folder builds of the repository (GitRepository sources), kept between commits. */
  private readonly cache = new BuildCache();
  /** Every artifact the generators yield now. */
  private index: Artifacts = new Map();

  /**
   * The cluster after `flux bootstrap`: GitRepository and Kustomization `flux-system` (path
   * clusters/<cluster>), then everything they lead to, as if each had reconciled once.
   */
  constructor(
    private readonly repo: Repository,
    readonly cluster: string,
  ) {
    const root = `Kustomization/flux-system/flux-system`;
    this.kustomizations.set(root, {
      key: root,
      source: GIT,
      path: `clusters/${cluster}`,
      dependsOn: [],
      parent: undefined,
      children: new Set(),
      failing: undefined,
    });
    const queue = [root];
    // Kustomizations whose source no generator yields (yet): retried when generators appear.
    const waiting: string[] = [];
    while (queue.length > 0) {
      const ks = this.kustomizations.get(queue.shift() as string) as Kustomization;
      const view = this.viewOf(ks.source, repo, this.index);
      if (!view) {
        waiting.push(ks.key);
        continue;
      }
      const built = this.build(view, ks.path);
      ks.failing = built.rejected[0];
      const { added, generators } = this.adopt(ks, built.control);
      queue.push(...added);
      if (generators) queue.push(...waiting.splice(0));
    }
  }

  private build(view: Tree, path: string) {
    return summarize(view, path, 'flux', view === this.repo ? this.cache : undefined);
  }

  /** Sets a generator's artifacts and keeps the index of every artifact in step. */
  private setArtifacts(generator: Generator, artifacts: Map<string, CopyRule[]>): void {
    for (const key of generator.artifacts.keys()) this.index.delete(key);
    generator.artifacts = artifacts;
    for (const [key, rules] of artifacts) this.index.set(key, { generator: generator.key, rules });
  }

  /** A source's content in `tree` (the repository now, or before a commit) under `artifacts`' rules. */
  private viewOf(source: string, tree: Tree, artifacts: Artifacts, depth = 0): Tree | undefined {
    if (source === GIT) return tree;
    const artifact = artifacts.get(source);
    const generator = this.generators.get(artifact?.generator ?? '');
    if (!artifact || !generator || depth > 8) return undefined;
    const sources = new Map<string, Tree>();
    for (const [alias, key] of generator.sources) {
      const view = this.viewOf(key, tree, artifacts, depth + 1);
      if (view) sources.set(alias, view);
    }
    if (artifact.rules.some((r) => !sources.has(r.alias))) return undefined;
    return new ArtifactView(sources, artifact.rules);
  }

  /** Where a repository file lands in a source (undefined: it does not), following generators' chains. */
  private locate(source: string, repoPath: string, artifacts: Artifacts, depth = 0): string | undefined {
    if (source === GIT) return repoPath;
    const artifact = artifacts.get(source);
    const generator = this.generators.get(artifact?.generator ?? '');
    if (!artifact || !generator || depth > 8) return undefined;
    const view = new ArtifactView(
      new Map([...generator.sources.keys()].map((a) => [a, this.repo])),
      artifact.rules,
    );
    for (const [alias, key] of generator.sources) {
      const at = this.locate(key, repoPath, artifacts, depth + 1);
      const landed = at === undefined ? undefined : view.destination(at, alias);
      if (landed !== undefined) return landed;
    }
    return undefined;
  }

  /** Registers the control objects of a build; returns the Kustomizations it added and dropped. */
  private adopt(
    ks: Kustomization,
    control: K8sObject[],
  ): { added: string[]; dropped: Kustomization[]; generators: boolean } {
    const seen = new Set<string>();
    const added: string[] = [];
    let generators = false;
    for (const object of control) {
      const key = keyOf(object.kind, object.metadata.namespace, object.metadata.name);
      seen.add(key);
      if (object.kind === 'Kustomization') {
        const spec = (object.spec ?? {}) as {
          sourceRef?: { kind: string; name: string; namespace?: string };
          path?: string;
          dependsOn?: { name: string; namespace?: string }[];
        };
        const namespace = object.metadata.namespace ?? 'flux-system';
        const source = keyOf(
          spec.sourceRef?.kind ?? 'GitRepository',
          spec.sourceRef?.namespace ?? namespace,
          spec.sourceRef?.name,
        );
        const dependsOn = (spec.dependsOn ?? []).map((d) =>
          keyOf('Kustomization', d.namespace ?? namespace, d.name),
        );
        const existing = this.kustomizations.get(key);
        if (existing) Object.assign(existing, { source, path: normalize(spec.path ?? ''), dependsOn });
        else {
          this.kustomizations.set(key, {
            key,
            source,
            path: normalize(spec.path ?? ''),
            dependsOn,
            parent: ks.key,
            children: new Set(),
            failing: undefined,
          });
          added.push(key);
        }
      } else if (object.kind === 'ArtifactGenerator' && !this.generators.has(key)) {
        const spec = object.spec as {
          sources?: { alias: string; kind: string; name: string; namespace?: string }[];
        };
        const namespace = object.metadata.namespace ?? 'flux-system';
        const sources = new Map(
          (spec.sources ?? []).map((s) => [s.alias, keyOf(s.kind, s.namespace ?? namespace, s.name)]),
        );
        this.generators.set(key, { key, object, sources, artifacts: new Map() });
        generators = true;
      }
    }
    // A generator can read another's artifacts: evaluate them until no artifact appears.
    for (let size = -1; generators && size !== this.index.size; ) {
      size = this.index.size;
      for (const generator of this.generators.values())
        this.setArtifacts(generator, this.artifactsOf(generator, this.repo, this.index));
    }
    const dropped = [...ks.children]
      .filter((key) => !seen.has(key) && this.kustomizations.has(key))
      .map((key) => this.kustomizations.get(key) as Kustomization);
    for (const gone of dropped) this.kustomizations.delete(gone.key);
    ks.children = seen;
    return { added, dropped, generators };
  }

  /** The ExternalArtifacts a generator yields from its sources as they are in `tree`. */
  private artifactsOf(generator: Generator, tree: Tree, artifacts: Artifacts): Map<string, CopyRule[]> {
    const spec = generator.object.spec as {
      pathPattern?: string;
      artifacts: { name: string; copy: { from: string; to: string; exclude?: string[] }[] }[];
    };
    const namespace = generator.object.metadata.namespace ?? 'flux-system';
    const out = new Map<string, CopyRule[]>();
    let captures = [new Map<string, string>()];
    if (spec.pathPattern) {
      const alias = /^@([^/]+)\//.exec(spec.pathPattern)?.[1] ?? '';
      const source = generator.sources.get(alias);
      const view = source === undefined ? undefined : this.viewOf(source, tree, artifacts);
      captures = view ? matches(view, spec.pathPattern) : [];
    }
    for (const values of captures) {
      const fill = (text: string) =>
        text.replace(/\{(\w+)\}/g, (_, name: string) => values.get(name) ?? `{${name}}`);
      for (const artifact of spec.artifacts) {
        const key = keyOf('ExternalArtifact', namespace, fill(artifact.name));
        out.set(
          key,
          artifact.copy.map((c) => copyRule(fill(c.from), fill(c.to), (c.exclude ?? []).map(fill))),
        );
      }
    }
    return out;
  }

  /** Reconciles what `changes` (already in the repository) wake up, and reports the cost. */
  commit(changes: readonly Change[]): FluxStep {
    const step: FluxStep = {
      gitRevisions: 0,
      artifactRevisions: 0,
      generators: 0,
      generatorBytes: 0,
      triggered: 0,
      objectsBuilt: 0,
      objectsApplied: 0,
      tenantsApplied: 0,
      bytesUntarred: 0,
      failing: [],
      blockedTenants: 0,
    };
    if (changes.length === 0) return this.finish(step);
    const before = new BeforeTree(this.repo, changes);
    this.cache.invalidate(changes.map((c) => c.path));
    step.gitRevisions = 1;
    const then: Artifacts = new Map(this.index);

    // source-watcher: a generator whose source revision moved rebuilds its artifacts, unpacking its
    // sources; an artifact's revision moves only if its content did, waking generators reading it.
    const moved = new Set<string>([GIT]);
    const done = new Set<string>();
    for (;;) {
      const due = [...this.generators.values()].filter(
        (g) => !done.has(g.key) && [...g.sources.values()].some((s) => moved.has(s)),
      );
      if (due.length === 0) break;
      for (const generator of due) {
        done.add(generator.key);
        step.generators += 1;
        for (const source of generator.sources.values()) {
          const view = this.viewOf(source, this.repo, this.index);
          step.generatorBytes +=
            source === GIT ? this.repo.totalBytes() : view ? (view as ArtifactView).revision().bytes : 0;
        }
        const old = generator.artifacts;
        this.setArtifacts(generator, this.artifactsOf(generator, this.repo, this.index));
        for (const key of generator.artifacts.keys()) {
          if (!old.has(key)) {
            moved.add(key);
            continue;
          }
          const now = this.index;
          const touched = changes.some(
            (c) =>
              this.locate(key, c.path, now) !== undefined || this.locate(key, c.path, then) !== undefined,
          );
          if (!touched) continue;
          const a = this.viewOf(key, before, then) as ArtifactView | undefined;
          const b = this.viewOf(key, this.repo, now) as ArtifactView | undefined;
          if (a?.revision().revision !== b?.revision().revision) moved.add(key);
        }
      }
    }
    moved.delete(GIT);
    step.artifactRevisions = moved.size;
    const now = this.index;

    const applied = new Set<string>();
    const queue: string[] = [];
    for (const ks of this.kustomizations.values()) {
      if (ks.source === GIT || moved.has(ks.source)) queue.push(ks.key);
      else if (then.has(ks.source) && !now.has(ks.source)) {
        // The artifact is gone: the Kustomization fails with its source not found and keeps
        // (does not prune) what it applied.
        step.triggered += 1;
        ks.failing = `${ks.source} not found`;
      }
    }
    const reconciled = new Set<string>();
    while (queue.length > 0) {
      const key = queue.shift() as string;
      const ks = this.kustomizations.get(key);
      if (!ks || reconciled.has(key)) continue;
      reconciled.add(key);
      const view = this.viewOf(ks.source, this.repo, now);
      if (!view) continue;
      step.triggered += 1;
      const built = this.build(view, ks.path);
      step.objectsBuilt += built.objects;
      step.bytesUntarred +=
        view === this.repo ? this.repo.totalBytes() : (view as ArtifactView).revision().bytes;
      ks.failing = built.rejected[0];
      if (ks.failing) continue;
      const oldView = this.viewOf(ks.source, before, then);
      const changedHere = this.applied(changes, ks, view, oldView, now, then);
      step.objectsApplied += changedHere.objects;
      for (const tenant of changedHere.tenants) applied.add(tenant);
      const { added, dropped } = this.adopt(ks, built.control);
      queue.push(...added);
      for (const gone of dropped) {
        const pruned = this.pruned(gone, before, then);
        step.objectsApplied += pruned.objects;
        if (pruned.tenant) applied.add(pruned.tenant);
      }
    }
    step.tenantsApplied = applied.size;
    return this.finish(step);
  }

  /** Objects a reconcile applies: those of changed files in its old or new build that differ. */
  private applied(
    changes: readonly Change[],
    ks: Kustomization,
    view: Tree,
    oldView: Tree | undefined,
    now: Artifacts,
    then: Artifacts,
  ) {
    const result = { objects: 0, tenants: new Set<string>() };
    // A build reads below its path (every folder synth and the template render): a change elsewhere
    // in the repository is none of a GitRepository-sourced Kustomization's business.
    const below = (path: string) => ks.path === '' || path.startsWith(`${ks.path}/`);
    for (const change of changes) {
      if (ks.source === GIT && !below(change.path)) continue;
      const atNow = this.locate(ks.source, change.path, now);
      const atThen = this.locate(ks.source, change.path, then);
      const was =
        atThen !== undefined && oldView && builds(oldView, ks.path, atThen, 'flux')
          ? objectsAt(change.before)
          : new Map();
      const is =
        atNow !== undefined && builds(view, ks.path, atNow, 'flux') ? objectsAt(change.after) : new Map();
      let count = 0;
      for (const [key, json] of is) if (was.get(key) !== json) count += 1;
      for (const key of was.keys()) if (!is.has(key)) count += 1;
      result.objects += count;
      const tenant =
        (atNow !== undefined ? view.tenantOf(atNow) : undefined) ??
        (atThen !== undefined ? oldView?.tenantOf(atThen) : undefined);
      if (count > 0 && tenant) result.tenants.add(tenant);
    }
    return result;
  }

  /**
   * A Kustomization that left its parent's build is deleted (the parent prunes it), and with
   * `prune: true` its finalizer deletes every object it had applied: its old build.
   */
  private pruned(ks: Kustomization, before: Tree, then: Artifacts) {
    const view = this.viewOf(ks.source, before, then);
    if (!view) return { objects: 0, tenant: undefined };
    const files = buildFiles(view, ks.path, 'flux');
    return {
      objects: summarize(view, ks.path, 'flux').objects,
      tenant: files.map((f) => view.tenantOf(f)).find((t) => t !== undefined),
    };
  }

  private finish(step: FluxStep): FluxStep {
    const failing = [...this.kustomizations.values()].filter((ks) => ks.failing).map((ks) => ks.key);
    step.failing = failing;
    if (failing.length === 0) return step;
    const blocked = new Set(failing);
    let grew = true;
    while (grew) {
      grew = false;
      for (const ks of this.kustomizations.values()) {
        if (!blocked.has(ks.key) && ks.dependsOn.some((d) => blocked.has(d))) {
          blocked.add(ks.key);
          grew = true;
        }
      }
    }
    const tenants = new Set<string>();
    const now = this.index;
    for (const key of blocked) {
      const ks = this.kustomizations.get(key) as Kustomization;
      const view = this.viewOf(ks.source, this.repo, now);
      if (!view) continue;
      for (const file of buildFiles(view, ks.path, 'flux')) {
        const tenant = view.tenantOf(file);
        if (tenant) tenants.add(tenant);
      }
    }
    step.blockedTenants = tenants.size;
    return step;
  }
}

/** Folders of a tree matching `@alias/a/{x}/*\/{y}`: one capture map per folder. */
function matches(tree: Tree, pattern: string): Map<string, string>[] {
  const parts = pattern
    .replace(/^@[^/]+\/?/, '')
    .split('/')
    .filter((p) => p !== '');
  let found: [string, Map<string, string>][] = [['', new Map()]];
  for (const part of parts) {
    const next: [string, Map<string, string>][] = [];
    const capture = /^\{(\w+)\}$/.exec(part);
    for (const [dir, values] of found) {
      if (!capture && part !== '*') {
        if (tree.list(dir).dirs.includes(part)) next.push([join(dir, part), values]);
        continue;
      }
      for (const name of tree.list(dir).dirs) {
        const more = capture ? new Map(values).set(capture[1] as string, name) : values;
        next.push([join(dir, name), more]);
      }
    }
    found = next;
  }
  return found.map(([, values]) => values);
}

/** Objects of one side of a change, keyed, as JSON. */
function objectsAt(content: string | undefined): Map<string, string> {
  return content === undefined ? new Map() : objectsOf(content).all();
}
