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
  /** Artifact key → its copy rules, as of the last reconcile. */
  artifacts: Map<string, CopyRule[]>;
  object: K8sObject;
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

export class FluxModel {
  readonly kustomizations = new Map<string, Kustomization>();
  readonly generators = new Map<string, Generator>();
  /** ExternalArtifact key → generator key. */
  private readonly artifactOwner = new Map<string, string>();
  /** Folder builds of the repository (GitRepository sources), kept between commits. */
  private readonly cache = new BuildCache();

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
    while (queue.length > 0) {
      const ks = this.kustomizations.get(queue.shift() as string) as Kustomization;
      const view = this.viewOf(ks.source, repo);
      if (!view) continue;
      const built = this.build(view, ks.path);
      ks.failing = built.rejected[0];
      queue.push(...this.adopt(ks, built.control).added);
    }
  }

  private build(view: Tree, path: string) {
    return summarize(view, path, 'flux', view === this.repo ? this.cache : undefined);
  }

  private viewOf(source: string, tree: Tree): Tree | undefined {
    if (source === GIT) return tree;
    const owner = this.generators.get(this.artifactOwner.get(source) ?? '');
    const rules = owner?.artifacts.get(source);
    return rules ? new ArtifactView(tree, rules) : undefined;
  }

  /** Registers the control objects of a build; returns the Kustomizations it added and dropped. */
  private adopt(ks: Kustomization, control: K8sObject[]): { added: string[]; dropped: Kustomization[] } {
    const seen = new Set<string>();
    const added: string[] = [];
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
      } else if (object.kind === 'ArtifactGenerator') {
        this.generators.set(key, { key, object, artifacts: this.artifactsOf(key, object) });
      }
    }
    const dropped = [...ks.children]
      .filter((key) => !seen.has(key) && this.kustomizations.has(key))
      .map((key) => this.kustomizations.get(key) as Kustomization);
    for (const gone of dropped) this.kustomizations.delete(gone.key);
    ks.children = seen;
    return { added, dropped };
  }

  /** The ExternalArtifacts a generator produces from the repository as it is now. */
  private artifactsOf(generatorKey: string, object: K8sObject): Map<string, CopyRule[]> {
    const spec = object.spec as {
      pathPattern?: string;
      artifacts: { name: string; copy: { from: string; to: string }[] }[];
    };
    const namespace = object.metadata.namespace ?? 'flux-system';
    const out = new Map<string, CopyRule[]>();
    const captures = spec.pathPattern ? this.matches(spec.pathPattern) : [new Map<string, string>()];
    for (const values of captures) {
      const fill = (text: string) =>
        text.replace(/\{(\w+)\}/g, (_, name: string) => values.get(name) ?? `{${name}}`);
      for (const artifact of spec.artifacts) {
        const key = keyOf('ExternalArtifact', namespace, fill(artifact.name));
        out.set(
          key,
          artifact.copy.map((c) => copyRule(fill(c.from), fill(c.to))),
        );
        this.artifactOwner.set(key, generatorKey);
      }
    }
    return out;
  }

  /** Folders matching `@alias/a/{x}/*\/{y}`: one capture map per folder. */
  private matches(pattern: string): Map<string, string>[] {
    const parts = pattern
      .replace(/^@[^/]+\//, '')
      .split('/')
      .filter((p) => p !== '');
    let found: [string, Map<string, string>][] = [['', new Map()]];
    for (const part of parts) {
      const next: [string, Map<string, string>][] = [];
      const capture = /^\{(\w+)\}$/.exec(part);
      for (const [dir, values] of found) {
        if (!capture && part !== '*') {
          if (this.repo.list(dir).dirs.includes(part)) next.push([join(dir, part), values]);
          continue;
        }
        for (const name of this.repo.list(dir).dirs) {
          const more = capture ? new Map(values).set(capture[1] as string, name) : values;
          next.push([join(dir, name), more]);
        }
      }
      found = next;
    }
    return found.map(([, values]) => values);
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

    // source-watcher: every generator reading the GitRepository rebuilds; an artifact's revision
    // moves only if its content did.
    const moved = new Set<string>();
    const rulesBefore = new Map<string, CopyRule[]>();
    for (const generator of this.generators.values()) {
      step.generators += 1;
      step.generatorBytes += this.repo.totalBytes();
      for (const [key, rules] of generator.artifacts) rulesBefore.set(key, rules);
      generator.artifacts = this.artifactsOf(generator.key, generator.object);
      for (const [key, rules] of generator.artifacts) {
        const old = rulesBefore.get(key);
        const now = new ArtifactView(this.repo, rules);
        if (!old) moved.add(key);
        else if (changes.some((c) => now.destination(c.path) !== undefined)) {
          if (new ArtifactView(before, old).revision().revision !== now.revision().revision) moved.add(key);
        }
      }
    }
    step.artifactRevisions = moved.size;
    // An artifact no generator yields any more is deleted: a Kustomization reading it fails with
    // its source not found and keeps (does not prune) what it applied.
    const produced = new Set([...this.generators.values()].flatMap((g) => [...g.artifacts.keys()]));
    for (const ks of this.kustomizations.values()) {
      if (ks.source !== GIT && rulesBefore.has(ks.source) && !produced.has(ks.source)) {
        step.triggered += 1;
        ks.failing = `${ks.source} not found`;
      }
    }

    const applied = new Set<string>();
    const queue = [...this.kustomizations.values()]
      .filter((ks) => ks.source === GIT || moved.has(ks.source))
      .map((ks) => ks.key);
    const done = new Set<string>();
    while (queue.length > 0) {
      const key = queue.shift() as string;
      const ks = this.kustomizations.get(key);
      if (!ks || done.has(key)) continue;
      done.add(key);
      const view = this.viewOf(ks.source, this.repo);
      if (!view) continue;
      step.triggered += 1;
      const built = this.build(view, ks.path);
      step.objectsBuilt += built.objects;
      step.bytesUntarred +=
        view === this.repo ? this.repo.totalBytes() : (view as ArtifactView).revision().bytes;
      ks.failing = built.rejected[0];
      if (ks.failing) continue;
      const oldView = ks.source === GIT ? before : new ArtifactView(before, rulesBefore.get(ks.source) ?? []);
      const changedHere = this.applied(changes, view, oldView, ks.path);
      step.objectsApplied += changedHere.objects;
      for (const tenant of changedHere.tenants) applied.add(tenant);
      const { added, dropped } = this.adopt(ks, built.control);
      queue.push(...added);
      for (const gone of dropped) {
        const pruned = this.pruned(gone, before, rulesBefore);
        step.objectsApplied += pruned.objects;
        if (pruned.tenant) applied.add(pruned.tenant);
      }
    }
    step.tenantsApplied = applied.size;
    return this.finish(step);
  }

  /** Objects a reconcile of a build applies: those of changed files in its old or new build that differ. */
  private applied(changes: readonly Change[], view: Tree, oldView: Tree, path: string) {
    const inPath = (p: string | undefined) =>
      p !== undefined && (path === '' || p === path || p.startsWith(`${path}/`));
    const located = changes
      .map((c) => ({ change: c, at: view instanceof ArtifactView ? view.destination(c.path) : c.path }))
      .filter((c) => inPath(c.at));
    const result = { objects: 0, tenants: new Set<string>() };
    if (located.length === 0) return result;
    for (const { change, at } of located) {
      const was = builds(oldView, path, at as string, 'flux')
        ? objectsAt(change.before)
        : new Map<string, string>();
      const is = builds(view, path, at as string, 'flux')
        ? objectsAt(change.after)
        : new Map<string, string>();
      let count = 0;
      for (const [key, json] of is) if (was.get(key) !== json) count += 1;
      for (const key of was.keys()) if (!is.has(key)) count += 1;
      result.objects += count;
      const tenant = view.tenantOf(at as string) ?? oldView.tenantOf(at as string);
      if (count > 0 && tenant) result.tenants.add(tenant);
    }
    return result;
  }

  /**
   * A Kustomization that left its parent's build is deleted (the parent prunes it), and with
   * `prune: true` its finalizer deletes every object it had applied: its old build.
   */
  private pruned(ks: Kustomization, before: Tree, rulesBefore: Map<string, CopyRule[]>) {
    const rules = rulesBefore.get(ks.source);
    const view = ks.source === GIT ? before : rules ? new ArtifactView(before, rules) : undefined;
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
    for (const key of blocked) {
      const ks = this.kustomizations.get(key) as Kustomization;
      const view = this.viewOf(ks.source, this.repo);
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

/** Objects of one side of a change, keyed, as JSON. */
function objectsAt(content: string | undefined): Map<string, string> {
  return content === undefined ? new Map() : objectsOf(content).all();
}
